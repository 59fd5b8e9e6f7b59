import type { Knex } from 'knex';

/**
 * An article's categories: départements (codes) and sectors, one row each
 * (`department_code` or `sector_id` set). The filters of every list read it.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('article_categories', (t) => {
    t.increments('id').primary();
    t.integer('article_id').notNullable().references('articles.id').onDelete('CASCADE');
    t.string('department_code', 3).nullable().references('departments.code');
    t.integer('sector_id').nullable().references('sectors.id').onDelete('CASCADE');
    t.index(['article_id']);
    t.index(['department_code']);
    t.index(['sector_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('article_categories');
}
