import type { Knex } from 'knex';

/** Comments on a sheet (`subject` set, no post-it) and the thread under each post-it (`postit_id` set). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sheet_comments', (t) => {
    t.increments('id').primary();
    t.integer('sheet_id').notNullable().references('project_sheets.id').onDelete('CASCADE');
    t.integer('postit_id').nullable().references('canvas_postits.id').onDelete('CASCADE');
    t.integer('author_id').nullable().references('users.id').onDelete('SET NULL');
    t.string('subject', 200).nullable();
    t.text('body').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['sheet_id', 'id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sheet_comments');
}
