import type { Knex } from 'knex';

/** `report_commune_counts` (the migration before) answers what `report_commune_months` did, and more cheaply. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.dropTable('report_commune_months');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.createTable('report_commune_months', (t) => {
    t.string('month', 7).notNullable();
    t.string('commune_code', 5).notNullable();
    t.string('region_code', 3).notNullable();
    t.integer('reports').notNullable().defaultTo(0);
    t.primary(['month', 'commune_code']);
    t.index(['region_code', 'month'], 'report_commune_months_region_index');
  });
  await knex.raw(
    `insert into report_commune_months (month, commune_code, region_code, reports)
     select substr(report_date, 1, 7), commune_code, min(region_code), count(*) from reports group by substr(report_date, 1, 7), commune_code`,
  );
}
