import type { Knex } from 'knex';

/** Polls: a post of kind `poll` (its title is the question) and how it is answered. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('polls', (t) => {
    t.integer('post_id').primary().references('posts.id').onDelete('CASCADE');
    t.boolean('multiple').notNullable().defaultTo(false);
    t.boolean('anonymous').notNullable().defaultTo(false);
    t.string('results_visibility', 16).notNullable(); // after_vote | after_close
    t.timestamp('closes_at', { useTz: true }).nullable();
    t.timestamp('closed_at', { useTz: true }).nullable();
    t.integer('closed_by').nullable().references('users.id').onDelete('SET NULL');
    // Random key of this poll: an anonymous ballot is named by HMAC(voter_salt, user id), never by the user id.
    t.string('voter_salt', 64).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('polls');
}
