import type { Knex } from 'knex';

/**
 * "Recommander": a content sent by a member to an e-mail address. The unique
 * key keeps one address from getting the same content twice; the sender's
 * rows of the last day count against their daily budget.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('recommendations', (t) => {
    t.increments('id').primary();
    t.string('content_kind', 16).notNullable();
    t.integer('content_id').notNullable();
    t.integer('sender_id').notNullable().references('users.id').onDelete('CASCADE');
    t.string('email', 254).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.unique(['content_kind', 'content_id', 'email']);
    t.index(['sender_id', 'created_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('recommendations');
}
