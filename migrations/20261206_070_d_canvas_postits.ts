import type { Knex } from 'knex';

/** The post-its of a sheet's canvas: nine blocks, each an ordered list (`position` from 0). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('canvas_postits', (t) => {
    t.increments('id').primary();
    t.integer('sheet_id').notNullable().references('project_sheets.id').onDelete('CASCADE');
    t.string('block', 24).notNullable();
    t.integer('position').notNullable();
    t.string('text', 500).notNullable();
    t.string('color', 16).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.index(['sheet_id', 'block', 'position']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('canvas_postits');
}
