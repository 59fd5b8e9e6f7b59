import type { Knex } from 'knex';

/**
 * One ballot per member and poll: the unique (post_id, voter_key) keeps a
 * single one even under concurrent votes. `voter_key` is `u:<user id>` for a
 * named poll and an HMAC for an anonymous one, whose `user_id` stays null.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('poll_ballots', (t) => {
    t.increments('id').primary();
    t.integer('post_id').notNullable().references('polls.post_id').onDelete('CASCADE');
    t.string('voter_key', 80).notNullable();
    t.integer('user_id').nullable().references('users.id').onDelete('CASCADE');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.unique(['post_id', 'voter_key']);
    t.index(['user_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('poll_ballots');
}
