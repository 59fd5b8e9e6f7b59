import type { Knex } from 'knex';

/**
 * A creator's project sheet ("fiche projet"): its current text, and `version`,
 * raised by each change (the versions table keeps every state, so a
 * professional sees what changed since their last visit). `needs` is a JSON
 * array of need keys.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('project_sheets', (t) => {
    t.increments('id').primary();
    t.integer('owner_id').notNullable().references('users.id').onDelete('CASCADE');
    t.string('title', 200).notNullable();
    t.string('summary', 500).notNullable();
    t.string('stage', 16).notNullable();
    t.integer('sector_id').nullable().references('sectors.id').onDelete('SET NULL');
    t.string('department_code', 3).nullable();
    t.string('commune_code', 5).nullable();
    t.string('project_size', 16).nullable();
    t.string('legal_form', 80).nullable();
    t.text('needs').notNullable();
    t.text('description').notNullable();
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.index(['owner_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('project_sheets');
}
