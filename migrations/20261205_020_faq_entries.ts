import type { Knex } from 'knex';

/**
 * The help centre's FAQ, edited by admins in the app: a question, its answer
 * in markdown (rendered by the client's safe renderer), a category to group
 * it under, and `search_text`: question, answer and category lower-cased
 * without accents, so the same `like` finds "démarche" typed "demarche" on
 * SQLite and PostgreSQL alike.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('faq_entries', (t) => {
    t.increments('id').primary();
    t.string('category', 80).notNullable();
    t.string('question', 200).notNullable();
    t.text('answer').notNullable();
    t.integer('position').notNullable().defaultTo(50);
    t.text('search_text').notNullable();
    t.integer('updated_by').nullable().references('users.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.index(['category', 'position']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('faq_entries');
}
