import type { Knex } from 'knex';
import { ms } from '../../presenters/time';
import type { HotlineFigures } from '../../protocol/hotline';
import { spreadsheetCsv } from '../../csv';
import { ticketsOpenedIn, unresolvedCountsByStatus, type FigureRow } from '../../db/hotline-tickets';

/** A period of ticket openings: `from` included, `to` excluded. */
export interface Period {
  from: Date;
  to: Date;
}

/** The median of some numbers (the mean of the two middle ones for an even count); null when empty. */
export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const minutes = (from: FigureRow['created_at'], to: FigureRow['created_at'] | null) =>
  to === null ? null : Math.round(((ms(to) ?? 0) - (ms(from) ?? 0)) / 60_000);
const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/** Counts and medians over a set of tickets (minutes from opening). */
function summarize(rows: FigureRow[]) {
  const firstResponses = rows.map((r) => minutes(r.created_at, r.first_response_at)).filter((m): m is number => m !== null);
  const resolutions = rows
    .filter((r) => r.status === 'resolved')
    .map((r) => minutes(r.created_at, r.resolved_at))
    .filter((m): m is number => m !== null);
  const answered = rows.filter((r) => r.first_response_at !== null);
  const onTime = answered.filter((r) => (ms(r.first_response_at) ?? 0) <= (ms(r.first_response_due_at) ?? 0)).length;
  const ratings = rows
    .map((r) => r.rating_score)
    .filter((s): s is number => s !== null)
    .map(Number);
  return {
    tickets: rows.length,
    resolved: rows.filter((r) => r.status === 'resolved').length,
    unresolved: rows.filter((r) => r.status !== 'resolved').length,
    medianFirstResponseMinutes: round1(median(firstResponses)),
    medianResolutionMinutes: round1(median(resolutions)),
    firstResponseOnTimeRate: answered.length ? round1((onTime / answered.length) * 100) : null,
    averageRating: ratings.length ? round1(ratings.reduce((a, b) => a + b, 0) / ratings.length) : null,
  };
}

function groupBy<K>(rows: FigureRow[], key: (r: FigureRow) => K): Map<K, FigureRow[]> {
  const out = new Map<K, FigureRow[]>();
  for (const r of rows) {
    const k = key(r);
    out.set(k, [...(out.get(k) ?? []), r]);
  }
  return out;
}

/**
 * The hotline's figures for tickets opened in the period: counts, median
 * first-response and resolution times (calendar minutes), share answered
 * within the target, average rating; in total, per agent (current assignee),
 * per category and per département of the requester. `openTickets` is today's
 * count of unresolved tickets, whatever their age. Medians are computed here,
 * not in SQL, so SQLite and PostgreSQL give the same numbers.
 */
export async function hotlineFigures(db: Knex, period: Period): Promise<HotlineFigures> {
  const rows = await ticketsOpenedIn(db, period.from, period.to);
  const now = await unresolvedCountsByStatus(db);
  const count = (s: string) => now.get(s) ?? 0;
  const byLabel = <T extends { label: string }>(a: T, b: T) => a.label.localeCompare(b.label, 'fr');
  return {
    period: { from: period.from.toISOString(), to: period.to.toISOString() },
    openTickets: count('open') + count('assigned'),
    waitingTickets: count('open'),
    total: summarize(rows),
    byAgent: [...groupBy(rows, (r) => r.assignee_id)]
      .map(([id, g]) => ({
        id,
        label: id ? `${g[0]!.a_first_name} ${g[0]!.a_last_name}` : 'Non attribuée',
        ...summarize(g),
      }))
      .sort(byLabel),
    byCategory: [...groupBy(rows, (r) => r.category_id)]
      .map(([id, g]) => ({
        id,
        label: g[0]!.category_name ?? 'Sans catégorie',
        ...summarize(g),
      }))
      .sort(byLabel),
    byDepartment: [...groupBy(rows, (r) => r.department_code)]
      .map(([code, g]) => ({
        id: code,
        label: code ? `${code} — ${g[0]!.department_name ?? ''}`.replace(/ — $/, '') : 'Inconnu',
        ...summarize(g),
      }))
      .sort((a, b) => String(a.id).localeCompare(String(b.id), 'fr', { numeric: true })),
  };
}

export type { HotlineFigures } from '../../protocol/hotline';

const frDate = (at: number) => new Date(at).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });
const frNumber = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));

/** The figures as CSV for a French spreadsheet: UTF-8 with BOM, `;` separated, decimal commas, no live formulas. */
export function figuresCsv(f: HotlineFigures): string {
  const header = [
    'Regroupement',
    'Libellé',
    'Demandes',
    'Résolues',
    'En cours',
    'Médiane 1re réponse (min)',
    'Médiane résolution (min)',
    '1re réponse dans le délai (%)',
    'Note moyenne',
  ];
  const line = (group: string, label: string, s: ReturnType<typeof summarize>) => [
    group,
    label,
    String(s.tickets),
    String(s.resolved),
    String(s.unresolved),
    frNumber(s.medianFirstResponseMinutes),
    frNumber(s.medianResolutionMinutes),
    frNumber(s.firstResponseOnTimeRate),
    frNumber(s.averageRating),
  ];
  const rows = [
    line('Total', `Du ${frDate(Date.parse(f.period.from))} au ${frDate(Date.parse(f.period.to) - 1)}`, f.total),
    ...f.byAgent.map((g) => line('Agent', g.label, g)),
    ...f.byCategory.map((g) => line('Catégorie', g.label, g)),
    ...f.byDepartment.map((g) => line('Département', g.label, g)),
  ];
  return spreadsheetCsv([header, ...rows]);
}
