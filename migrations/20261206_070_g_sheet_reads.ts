import type { Knex } from 'knex';

/** Where each person left a sheet: the version they last saw and the last contribution they read. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sheet_reads', (t) => {
    t.integer('sheet_id').notNullable().references('project_sheets.id').onDelete('CASCADE');
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.integer('seen_version').notNullable();
    t.integer('seen_comment_id').notNullable().defaultTo(0);
    t.timestamp('seen_at', { useTz: true }).notNullable();
    t.primary(['sheet_id', 'user_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sheet_reads');
}
