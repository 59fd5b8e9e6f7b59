import type { Knex } from 'knex';

/** A territory: one département, one région, or the whole country (null). */
export type Area = { column: 'department_code' | 'region_code'; code: string } | null;

/** The roll-up rows of an area: level and code. */
const keyOf = (area: Area) =>
  area ? { level: area.column === 'department_code' ? 'D' : 'R', code: area.code } : { level: 'N', code: 'FR' };

/**
 * Adds a delta (negative to remove) to the roll-up rows of one day: its
 * département's, its région's and the nation's, creating them if needed. One
 * upsert per row on both dialects: the increments are atomic, so concurrent
 * writers never lose a count.
 */
export async function addToDaily(
  db: Knex,
  key: { day: string; department_code: string; region_code: string },
  delta: Record<string, number>,
): Promise<void> {
  const cols = Object.keys(delta).filter((c) => delta[c] !== 0);
  if (!cols.length) return;
  const merge = Object.fromEntries(cols.map((c) => [c, db.raw('?? + ?', [`report_daily.${c}`, delta[c]!])]));
  for (const [level, code, region] of [
    ['D', key.department_code, key.region_code],
    ['R', key.region_code, key.region_code],
    ['N', 'FR', ''],
  ] as const) {
    await db('report_daily')
      .insert({ level, code, day: key.day, region_code: region, ...delta })
      .onConflict(['level', 'code', 'day'])
      .merge(merge);
  }
}

const rowsOf = (db: Knex, area: Area, from: string, to: string) => db('report_daily').where(keyOf(area)).whereBetween('day', [from, to]);

/** The sum of every counter over a period and territory (at most 366 rows a year). */
export async function sumDaily(
  db: Knex,
  columns: readonly string[],
  area: Area,
  from: string,
  to: string,
): Promise<Record<string, number>> {
  const row = await rowsOf(db, area, from, to).first(columns.map((c) => db.raw('coalesce(sum(??), 0) as ??', [c, c])));
  return Object.fromEntries(columns.map((c) => [c, Number(row?.[c] ?? 0)]));
}

/** Reports and participants per day over a period and territory (the trend). */
export async function dailySeries(
  db: Knex,
  area: Area,
  from: string,
  to: string,
): Promise<{ day: string; reports: number; participants: number }[]> {
  const rows = await rowsOf(db, area, from, to).orderBy('day').select('day', 'reports', 'participants');
  return rows.map((r: any) => ({ day: r.day, reports: Number(r.reports), participants: Number(r.participants) }));
}

/** Reports and participants per département over a period, in a région or the nation (the ranking). */
export async function perDepartment(
  db: Knex,
  area: Area,
  from: string,
  to: string,
): Promise<{ department_code: string; reports: number; participants: number }[]> {
  const q = db('report_daily')
    .where({ level: 'D' })
    .whereBetween('day', [from, to])
    .groupBy('code')
    .select('code', db.raw('sum(reports) as reports'), db.raw('sum(participants) as participants'));
  if (area?.column === 'region_code') q.where('region_code', area.code);
  return (await q)
    .map((r: any) => ({ department_code: r.code, reports: Number(r.reports), participants: Number(r.participants) }))
    .filter((r: { reports: number }) => r.reports > 0);
}
