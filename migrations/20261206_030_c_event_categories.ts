import type { Knex } from 'knex';

/** An agenda event's categories with several values: départements (codes) and sectors, one row each. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('event_categories', (t) => {
    t.increments('id').primary();
    t.integer('event_id').notNullable().references('events.id').onDelete('CASCADE');
    t.string('department_code', 3).nullable().references('departments.code');
    t.integer('sector_id').nullable().references('sectors.id').onDelete('CASCADE');
    t.index(['event_id']);
    t.index(['department_code']);
    t.index(['sector_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('event_categories');
}
