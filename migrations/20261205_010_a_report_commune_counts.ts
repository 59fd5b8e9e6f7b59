import type { Knex } from 'knex';

const COLUMNS = Array.from({ length: 31 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`);

/** `sum(case …)` of the reports whose `report_date` has `part` (from character `at`, two long) equal to each of 1..n. */
const counts = (at: number, n: number) =>
  COLUMNS.slice(0, n)
    .map((_, i) => `sum(case when substr(report_date, ${at}, 2) = '${String(i + 1).padStart(2, '0')}' then 1 else 0 end)`)
    .join(', ');

/**
 * The communes ranking of a région or the nation over any period reads at most
 * two rows per commune and year it touches: a year's row counts reports per
 * month (`period` 'YYYY', c01..c12), a month's row per day (`period`
 * 'YYYY-MM', c01..c31) for the partial months at either end. A national year
 * reads ~4 rows per commune instead of a row per commune and month plus the
 * reports of the partial months (docs/performance.md). Filled from the
 * reports already stored.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('report_commune_counts', (t) => {
    t.string('period', 7).notNullable();
    t.string('commune_code', 5).notNullable();
    t.string('region_code', 3).notNullable();
    for (const c of COLUMNS) t.integer(c).notNullable().defaultTo(0);
    t.primary(['period', 'commune_code']);
  });
  await knex.raw(
    `insert into report_commune_counts (period, commune_code, region_code, ${COLUMNS.slice(0, 12).join(', ')})
     select substr(report_date, 1, 4), commune_code, min(region_code), ${counts(6, 12)} from reports group by substr(report_date, 1, 4), commune_code`,
  );
  await knex.raw(
    `insert into report_commune_counts (period, commune_code, region_code, ${COLUMNS.join(', ')})
     select substr(report_date, 1, 7), commune_code, min(region_code), ${counts(9, 31)} from reports group by substr(report_date, 1, 7), commune_code`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('report_commune_counts');
}
