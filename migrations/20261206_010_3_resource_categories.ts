import type { Knex } from 'knex';

/**
 * A resource's categories, one row each: a theme (a key of the activity
 * reports' theme list), a département (code) or a sector. The library's
 * filters, and other modules matching resources by theme or département, read it.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('resource_categories', (t) => {
    t.increments('id').primary();
    t.integer('resource_id').notNullable().references('resources.id').onDelete('CASCADE');
    t.string('theme', 32).nullable();
    t.string('department_code', 3).nullable().references('departments.code');
    t.integer('sector_id').nullable().references('sectors.id').onDelete('CASCADE');
    t.index(['resource_id']);
    t.index(['theme']);
    t.index(['department_code']);
    t.index(['sector_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('resource_categories');
}
