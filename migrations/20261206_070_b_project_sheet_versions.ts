import type { Knex } from 'knex';

/** Every state of a project sheet (JSON of its fields), one row per version: the base of "what changed since your last visit". */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('project_sheet_versions', (t) => {
    t.increments('id').primary();
    t.integer('sheet_id').notNullable().references('project_sheets.id').onDelete('CASCADE');
    t.integer('version').notNullable();
    t.text('data').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.unique(['sheet_id', 'version']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('project_sheet_versions');
}
