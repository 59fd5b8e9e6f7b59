import type { Knex } from 'knex';
import { AGE_BANDS, STATUSES, type Activity, type Canal, type DurationBand } from '../protocol/report-catalog';

/** A row of `reports` as stored (timestamps: Date on PostgreSQL, epoch ms on SQLite). */
export interface ReportRow {
  id: number;
  author_id: number;
  report_date: string;
  commune_code: string;
  department_code: string;
  region_code: string;
  canal: Canal;
  activity: Activity;
  participants: number;
  themes: number;
  duration_band: DurationBand;
  duration_minutes: number | null;
  redirected: boolean | number;
  redirected_to: string | null;
  created_at: Date | number | string;
  updated_at: Date | number | string;
  /** age_<band> and st_<status> counts. */
  [count: `age_${string}` | `st_${string}`]: number;
}

export type ReportValues = Omit<ReportRow, 'id' | 'created_at' | 'updated_at'>;

/** The age and status count columns, in catalog order. */
export const AGE_COLUMNS = AGE_BANDS.map((a) => `age_${a.key}` as const);
export const STATUS_COLUMNS = STATUSES.map((s) => `st_${s.key}` as const);

/** Inserts a report and returns its row. */
export async function insertReport(db: Knex, values: ReportValues): Promise<ReportRow> {
  const now = new Date();
  const [row] = await db('reports')
    .insert({ ...values, created_at: now, updated_at: now })
    .returning('*');
  return row as ReportRow;
}

/** One report by id. */
export async function findReport(db: Knex, id: number): Promise<ReportRow | undefined> {
  return db<ReportRow>('reports').where({ id }).first();
}

/** Replaces a report's values and returns the new row. */
export async function replaceReport(db: Knex, id: number, values: ReportValues): Promise<ReportRow> {
  const [row] = await db('reports')
    .where({ id })
    .update({ ...values, updated_at: new Date() })
    .returning('*');
  return row as ReportRow;
}

/** Deletes one report. */
export async function deleteReportRow(db: Knex, id: number): Promise<void> {
  await db('reports').where({ id }).del();
}

/** A page of one author's reports, newest day first, after the `(day, id)` cursor. */
export async function authorReportsPage(
  db: Knex,
  authorId: number,
  after: { day: string; id: number } | null,
  limit: number,
): Promise<ReportRow[]> {
  const q = db<ReportRow>('reports')
    .where({ author_id: authorId })
    .orderBy([
      { column: 'report_date', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(limit);
  if (after)
    q.where((w) => w.where('report_date', '<', after.day).orWhere((x) => x.where('report_date', after.day).andWhere('id', '<', after.id)));
  return q;
}

/** Every report of some authors over a period (personal and team dashboards: small by construction). */
export async function reportsOfAuthors(db: Knex, authorIds: number[], from: string, to: string): Promise<ReportRow[]> {
  if (!authorIds.length) return [];
  return db<ReportRow>('reports').whereIn('author_id', authorIds).whereBetween('report_date', [from, to]);
}

/**
 * A page of one author's reports over a period, oldest first, after the
 * `(day, id)` cursor: one range of `reports_author_date_index`, whatever the
 * number of reports before the cursor. Exports walk a team author by author:
 * a page over several authors (`author_id in (…)` ordered by author) made
 * PostgreSQL read and sort every remaining row of the team for each page.
 */
export async function reportsOfAuthorPage(
  db: Knex,
  authorId: number,
  from: string,
  to: string,
  after: { day: string; id: number } | null,
  limit: number,
): Promise<ReportRow[]> {
  const q = db<ReportRow>('reports')
    .where('author_id', authorId)
    .whereBetween('report_date', [from, to])
    .orderBy([{ column: 'report_date' }, { column: 'id' }])
    .limit(limit);
  if (after) q.whereRaw('(report_date, id) > (?, ?)', [after.day, after.id]);
  return q;
}

/** The communes with the most reports in a territory over a period (territorial dashboards). */
export async function topCommunes(
  db: Knex,
  area: { column: 'department_code' | 'region_code'; code: string } | null,
  from: string,
  to: string,
  limit: number,
): Promise<{ commune_code: string; n: number }[]> {
  const q = db('reports')
    .whereBetween('report_date', [from, to])
    .groupBy('commune_code')
    .select('commune_code')
    .count({ n: '*' })
    .orderBy([{ column: 'n', order: 'desc' }, { column: 'commune_code' }])
    .limit(limit);
  if (area) q.where(area.column, area.code);
  return (await q).map((r: any) => ({ commune_code: r.commune_code, n: Number(r.n) }));
}

/** Inserts reports in bulk (demo data, imports), 50 a statement; the caller rebuilds the roll-ups after. */
export async function insertReportRows(db: Knex, rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 50) await db('reports').insert(rows.slice(i, i + 50));
}
