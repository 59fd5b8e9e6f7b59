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

/** Adds `n` (±1) to a commune's count of the month. */
export async function addToCommuneMonth(
  db: Knex,
  key: { month: string; commune_code: string; region_code: string },
  n: number,
): Promise<void> {
  await db('report_commune_months')
    .insert({ ...key, reports: n })
    .onConflict(['month', 'commune_code'])
    .merge({ reports: db.raw('?? + ?', ['report_commune_months.reports', n]) });
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

/**
 * The communes of a région or the nation with the most reports over a period:
 * whole months from `report_commune_months`, the partial months at either end
 * from the reports themselves (through the date index).
 */
export async function topCommunesByMonths(
  db: Knex,
  regionCode: string | null,
  from: string,
  to: string,
  limit: number,
): Promise<{ commune_code: string; n: number }[]> {
  const next = (m: string) => {
    const d = new Date(`${m}-01T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + 1);
    return d.toISOString().slice(0, 7);
  };
  const lastDay = (m: string) => {
    const d = new Date(`${next(m)}-01T00:00:00Z`);
    d.setUTCDate(0);
    return d.toISOString().slice(0, 10);
  };
  const firstFull = from.endsWith('-01') ? from.slice(0, 7) : next(from.slice(0, 7));
  let lastFull = to === lastDay(to.slice(0, 7)) ? to.slice(0, 7) : '';
  if (!lastFull) {
    const d = new Date(`${to.slice(0, 7)}-01T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - 1);
    lastFull = d.toISOString().slice(0, 7);
  }
  const edges: [string, string][] =
    firstFull > lastFull
      ? [[from, to]]
      : [
          ...(from < `${firstFull}-01` ? [[from, `${firstFull}-01`] as [string, string]] : []),
          ...(to > lastDay(lastFull) ? [[`${next(lastFull)}-01`, to] as [string, string]] : []),
        ];
  const months = db('report_commune_months').select('commune_code', db.raw('reports as n'));
  if (firstFull <= lastFull) months.whereBetween('month', [firstFull, lastFull]);
  else months.whereRaw('1 = 0');
  if (regionCode) months.where('region_code', regionCode);
  const parts = [months];
  for (const [a, b] of edges) {
    // Half-open [a, b) except the last edge, which ends on `to` inclusive.
    const raw = db('reports').select('commune_code', db.raw('1 as n')).where('report_date', '>=', a);
    if (b === to) raw.where('report_date', '<=', b);
    else raw.where('report_date', '<', b);
    if (regionCode) raw.where('region_code', regionCode);
    parts.push(raw);
  }
  const union = parts.slice(1).reduce((q, p) => q.unionAll(p), parts[0]!.clone());
  const rows = await db
    .from(union.as('t'))
    .select('commune_code')
    .sum({ n: 'n' })
    .groupBy('commune_code')
    .orderBy([{ column: 'n', order: 'desc' }, { column: 'commune_code' }])
    .limit(limit);
  return rows.map((r: any) => ({ commune_code: r.commune_code, n: Number(r.n) }));
}
