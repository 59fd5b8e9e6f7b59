import type { Knex } from 'knex';

/** The 2–20 options of a poll, in the author's order. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('poll_options', (t) => {
    t.increments('id').primary();
    t.integer('post_id').notNullable().references('polls.post_id').onDelete('CASCADE');
    t.integer('position').notNullable();
    t.string('label', 200).notNullable();
    t.unique(['post_id', 'position']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('poll_options');
}
