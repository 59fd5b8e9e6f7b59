/**
 * Sums over the reports of some authors (a manager's team) in SQL, through
 * `reports_author_date_index`: a team's dashboard and its export's summary
 * never hold the team's rows in memory, however many there are. Also the
 * counters' SQL that the roll-up rebuild uses.
 */
import type { Knex } from 'knex';
import { rawRows } from '../database';
import { ACTIVITIES, AGE_BANDS, CANALS, DURATIONS, STATUSES, THEMES } from '../protocol/report-catalog';

/** The SQL of each roll-up counter over `reports`, keyed by column (the same counts as services/reports/tally.ts, in SQL). */
export function tallyExpressions(): Record<string, string> {
  const when = (cond: string) => `sum(case when ${cond} then 1 else 0 end)`;
  const e: Record<string, string> = { reports: 'count(*)', participants: 'sum(participants)', redirected: when('redirected') };
  for (const a of ACTIVITIES) e[`act_${a.key}`] = when(`activity = '${a.key}'`);
  for (const c of CANALS) e[`canal_${c.key}`] = when(`canal = '${c.key}'`);
  for (const d of DURATIONS) e[`dur_${d.key}`] = when(`duration_band = '${d.key}'`);
  THEMES.forEach((t, bit) => (e[`theme_${t.key}`] = when(`(themes & ${1 << bit}) <> 0`)));
  for (const a of AGE_BANDS) {
    e[`age_${a.key}`] = `sum(age_${a.key})`;
    e[`age_${a.key}_r`] = when(`age_${a.key} > 0`);
  }
  for (const s of STATUSES) {
    e[`st_${s.key}`] = `sum(st_${s.key})`;
    e[`st_${s.key}_r`] = when(`st_${s.key} > 0`);
  }
  return e;
}

/** `author_id in (?, …) and report_date between ? and ?` with its bindings. */
function authorsPeriod(ids: number[], from: string, to: string): { where: string; bindings: unknown[] } {
  return { where: `author_id in (${ids.map(() => '?').join(', ')}) and report_date between ? and ?`, bindings: [...ids, from, to] };
}

/** Every counter summed over the authors' reports of the period (zeros when there are none). */
export async function sumOfAuthors(db: Knex, ids: number[], from: string, to: string): Promise<Record<string, number>> {
  const e = tallyExpressions();
  if (!ids.length) return Object.fromEntries(Object.keys(e).map((c) => [c, 0]));
  const { where, bindings } = authorsPeriod(ids, from, to);
  const [row] = await rawRows<Record<string, unknown>>(
    db,
    `select ${Object.entries(e)
      .map(([c, x]) => `${x} as "${c}"`)
      .join(', ')} from reports where ${where}`,
    bindings,
  );
  return Object.fromEntries(Object.keys(e).map((c) => [c, Number(row?.[c] ?? 0)]));
}

/** Reports and participants per day of the authors (the trend). */
export async function dailyOfAuthors(
  db: Knex,
  ids: number[],
  from: string,
  to: string,
): Promise<{ day: string; reports: number; participants: number }[]> {
  if (!ids.length) return [];
  const { where, bindings } = authorsPeriod(ids, from, to);
  const rows = await rawRows<{ day: string; reports: number | string; participants: number | string }>(
    db,
    `select report_date as day, count(*) as reports, sum(participants) as participants from reports where ${where} group by report_date order by report_date`,
    bindings,
  );
  return rows.map((r) => ({ day: r.day, reports: Number(r.reports), participants: Number(r.participants) }));
}

/** Reports and participants of each author who has some over the period. */
export async function perAuthor(
  db: Knex,
  ids: number[],
  from: string,
  to: string,
): Promise<{ author_id: number; reports: number; participants: number }[]> {
  if (!ids.length) return [];
  const { where, bindings } = authorsPeriod(ids, from, to);
  const rows = await rawRows<{ author_id: number; reports: number | string; participants: number | string }>(
    db,
    `select author_id, count(*) as reports, sum(participants) as participants from reports where ${where} group by author_id`,
    bindings,
  );
  return rows.map((r) => ({ author_id: Number(r.author_id), reports: Number(r.reports), participants: Number(r.participants) }));
}

/** The authors' communes with the most reports over the period, most first. */
export async function topCommunesOfAuthors(
  db: Knex,
  ids: number[],
  from: string,
  to: string,
  limit: number,
): Promise<{ commune_code: string; n: number }[]> {
  if (!ids.length) return [];
  const { where, bindings } = authorsPeriod(ids, from, to);
  const rows = await rawRows<{ commune_code: string; n: number | string }>(
    db,
    `select commune_code, count(*) as n from reports where ${where} group by commune_code order by n desc, commune_code limit ?`,
    [...bindings, limit],
  );
  return rows.map((r) => ({ commune_code: r.commune_code, n: Number(r.n) }));
}
