import type { Knex } from 'knex';

/** Files attached to a project sheet (bytes in the content-addressed store, like documents). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('project_sheet_files', (t) => {
    t.increments('id').primary();
    t.integer('sheet_id').notNullable().references('project_sheets.id').onDelete('CASCADE');
    t.integer('uploader_id').nullable().references('users.id').onDelete('SET NULL');
    t.string('sha256', 64).notNullable();
    t.string('filename', 255).notNullable();
    t.string('mime_type', 120).notNullable();
    t.bigInteger('size').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['sheet_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('project_sheet_files');
}
