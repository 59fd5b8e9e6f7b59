import type { Knex } from 'knex';

/** A territory filter on the roll-up: one département, one région, or the whole country (null). */
export type Area = { column: 'department_code' | 'region_code'; code: string } | null;

/**
 * Adds a delta (negative to remove) to the roll-up row of one day and
 * département, creating it if needed. One statement on both dialects: the
 * upsert's increments are atomic, so concurrent writers never lose a count.
 */
export async function addToDaily(db: Knex, key: { day: string; department_code: string; region_code: string }, delta: Record<string, number>): Promise<void> {
  const cols = Object.keys(delta).filter((c) => delta[c] !== 0);
  if (!cols.length) return;
  await db('report_daily')
    .insert({ ...key, ...delta })
    .onConflict(['day', 'department_code'])
    .merge(Object.fromEntries(cols.map((c) => [c, db.raw('?? + ?', [`report_daily.${c}`, delta[c]!])])));
}

const where = (q: Knex.QueryBuilder, area: Area, from: string, to: string) => {
  q.whereBetween('day', [from, to]);
  if (area) q.where(area.column, area.code);
  return q;
};

/** The sum of every counter over a period and territory. */
export async function sumDaily(db: Knex, columns: readonly string[], area: Area, from: string, to: string): Promise<Record<string, number>> {
  const row = await where(db('report_daily'), area, from, to).first(columns.map((c) => db.raw('coalesce(sum(??), 0) as ??', [c, c])));
  return Object.fromEntries(columns.map((c) => [c, Number(row?.[c] ?? 0)]));
}

/** Reports and participants per day over a period and territory (the trend). */
export async function dailySeries(db: Knex, area: Area, from: string, to: string): Promise<{ day: string; reports: number; participants: number }[]> {
  const rows = await where(db('report_daily'), area, from, to).groupBy('day').orderBy('day')
    .select('day', db.raw('sum(reports) as reports'), db.raw('sum(participants) as participants'));
  return rows.map((r: any) => ({ day: r.day, reports: Number(r.reports), participants: Number(r.participants) }));
}

/** Reports and participants per département over a period and territory (the ranking). */
export async function perDepartment(db: Knex, area: Area, from: string, to: string): Promise<{ department_code: string; reports: number; participants: number }[]> {
  const rows = await where(db('report_daily'), area, from, to).groupBy('department_code')
    .select('department_code', db.raw('sum(reports) as reports'), db.raw('sum(participants) as participants'));
  return rows.map((r: any) => ({ department_code: r.department_code, reports: Number(r.reports), participants: Number(r.participants) }))
    .filter((r: { reports: number }) => r.reports > 0);
}
