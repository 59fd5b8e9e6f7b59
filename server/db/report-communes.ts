/**
 * `report_commune_counts`: per commune, a year's row (`period` 'YYYY',
 * c01..c12 = reports of each month) and a month's row (`period` 'YYYY-MM',
 * c01..c31 = reports of each day), kept in the write's transaction. The
 * communes ranking of a région or the nation reads, for each commune, one row
 * per year of whole months and one per partial month at either end: ~4 rows
 * per commune for any year, whatever the number of reports.
 */
import type { Knex } from 'knex';
import { rawRows } from '../database';

/** The counter columns c01..c31. */
export const COMMUNE_COUNT_COLUMNS = Array.from({ length: 31 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`);
const col = (n: number) => COMMUNE_COUNT_COLUMNS[n - 1]!;

/** A row and the range of its counters a period covers: months of a year, or days of a month. */
export interface PeriodPiece {
  period: string;
  first: number;
  last: number;
}

const lastDayOf = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
const nextMonth = (month: string) => {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1));
  return d.toISOString().slice(0, 7);
};

/**
 * The rows that make up [from, to] (both `YYYY-MM-DD`, inclusive): whole
 * months as ranges of their year's row, partial months as ranges of days of
 * their month's row.
 */
export function periodPieces(from: string, to: string): PeriodPiece[] {
  const pieces: PeriodPiece[] = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = nextMonth(m)) {
    const first = m === from.slice(0, 7) ? Number(from.slice(8, 10)) : 1;
    const last = m === to.slice(0, 7) ? Number(to.slice(8, 10)) : lastDayOf(m);
    if (first > last) continue;
    if (first !== 1 || last !== lastDayOf(m)) {
      pieces.push({ period: m, first, last });
      continue;
    }
    const year = m.slice(0, 4);
    const month = Number(m.slice(5, 7));
    const prev = pieces[pieces.length - 1];
    if (prev?.period === year && prev.last === month - 1) prev.last = month;
    else pieces.push({ period: year, first: month, last: month });
  }
  return pieces;
}

/** Adds `n` (±1) to a report's day and month counters of its commune. */
export async function addToCommuneCounts(
  db: Knex,
  key: { day: string; commune_code: string; region_code: string },
  n: number,
): Promise<void> {
  const rows = [
    { period: key.day.slice(0, 4), column: col(Number(key.day.slice(5, 7))) },
    { period: key.day.slice(0, 7), column: col(Number(key.day.slice(8, 10))) },
  ];
  for (const r of rows) {
    await db('report_commune_counts')
      .insert({ period: r.period, commune_code: key.commune_code, region_code: key.region_code, [r.column]: n })
      .onConflict(['period', 'commune_code'])
      .merge({ [r.column]: db.raw('?? + ?', [`report_commune_counts.${r.column}`, n]) });
  }
}

/** The communes of a région (or the nation, null) with the most reports over a period, most first. */
export async function topCommunesOfPeriod(
  db: Knex,
  regionCode: string | null,
  from: string,
  to: string,
  limit: number,
): Promise<{ commune_code: string; n: number }[]> {
  const pieces = periodPieces(from, to);
  if (!pieces.length) return [];
  const bindings: unknown[] = [];
  const parts = pieces.map((p) => {
    const sum = COMMUNE_COUNT_COLUMNS.slice(p.first - 1, p.last).join(' + ');
    bindings.push(p.period);
    if (regionCode) bindings.push(regionCode);
    return `select commune_code, ${sum} as n from report_commune_counts where period = ?${regionCode ? ' and region_code = ?' : ''}`;
  });
  bindings.push(limit);
  const rows = await rawRows<{ commune_code: string; n: number | string }>(
    db,
    `select commune_code, sum(n) as n from (${parts.join(' union all ')}) t
     group by commune_code having sum(n) > 0 order by n desc, commune_code limit ?`,
    bindings,
  );
  return rows.map((r) => ({ commune_code: r.commune_code, n: Number(r.n) }));
}

/** Replaces the counters with those of the reports themselves (the roll-up's rebuild). */
export async function rebuildCommuneCounts(trx: Knex): Promise<void> {
  const counts = (at: number, n: number) =>
    COMMUNE_COUNT_COLUMNS.slice(0, n)
      .map((_, i) => `sum(case when substr(report_date, ${at}, 2) = '${String(i + 1).padStart(2, '0')}' then 1 else 0 end)`)
      .join(', ');
  await trx('report_commune_counts').del();
  await trx.raw(
    `insert into report_commune_counts (period, commune_code, region_code, ${COMMUNE_COUNT_COLUMNS.slice(0, 12).join(', ')})
     select substr(report_date, 1, 4), commune_code, min(region_code), ${counts(6, 12)} from reports group by substr(report_date, 1, 4), commune_code`,
  );
  await trx.raw(
    `insert into report_commune_counts (period, commune_code, region_code, ${COMMUNE_COUNT_COLUMNS.join(', ')})
     select substr(report_date, 1, 7), commune_code, min(region_code), ${counts(9, 31)} from reports group by substr(report_date, 1, 7), commune_code`,
  );
}
