import type { Knex } from 'knex';

/**
 * Anti-robot challenges already answered: a solved challenge is good for one
 * form only, on every node (the row is the proof it was spent). Rows outlive
 * the challenge's expiry only until the next check purges them.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('anti_robot_spent', (t) => {
    t.string('nonce', 64).primary();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.index(['expires_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('anti_robot_spent');
}
