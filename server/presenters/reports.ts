/** Reports and dashboards → their wire shapes (protocol/reports.ts). */
import {
  ACTIVITIES,
  AGE_BANDS,
  CANALS,
  DURATIONS,
  EDIT_WINDOW_DAYS,
  MASK_THRESHOLD,
  STATUSES,
  THEMES,
  type Activity,
  type AgeBand,
  type Canal,
  type Choice,
  type Status,
  type Theme,
} from '../protocol/report-catalog';
import type { ReportStats, ReportView, StatCell } from '../protocol/reports';
import type { ReportRow } from '../db/reports';
import type { Tally } from '../services/reports/tally';
import { themesOfMask } from '../services/reports/tally';
import { communeView } from '../services/reports/communes';
import { iso, ms } from './time';

const DAY = 86_400_000;

/** One report for its author. */
export function presentReport(r: ReportRow, now = Date.now()): ReportView {
  const until = ms(r.created_at)! + EDIT_WINDOW_DAYS * DAY;
  return {
    id: r.id,
    date: r.report_date,
    commune: communeView(r.commune_code),
    canal: r.canal as Canal,
    activity: r.activity as Activity,
    participants: r.participants,
    ages: Object.fromEntries(AGE_BANDS.map((a) => [a.key, Number(r[`age_${a.key}`])])) as Record<AgeBand, number>,
    statuses: Object.fromEntries(STATUSES.map((s) => [s.key, Number(r[`st_${s.key}`])])) as Record<Status, number>,
    themes: themesOfMask(r.themes) as Theme[],
    durationBand: r.duration_band,
    durationMinutes: r.duration_minutes,
    redirected: !!r.redirected,
    redirectedTo: r.redirected_to,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
    editableUntil: until > now ? new Date(until).toISOString() : null,
  };
}

/**
 * Applies the "< 5" rule when `masked`: a count made of fewer than 5 reports
 * becomes null. `reportsBehind` is how many reports make the count (itself
 * for report counts; the reports having that age band or status for people).
 */
export const maskCount = (masked: boolean, count: number, reportsBehind = count): number | null =>
  masked && reportsBehind < MASK_THRESHOLD ? null : count;

function cells(list: readonly Choice[], t: Tally, prefix: string, masked: boolean, people = false): StatCell[] {
  return list.map((c) => ({
    key: c.key,
    label: c.label,
    count: maskCount(masked, t[`${prefix}${c.key}`] ?? 0, people ? (t[`${prefix}${c.key}_r`] ?? 0) : undefined),
  }));
}

/** The breakdowns of a dashboard from its summed counters. */
export function presentBreakdowns(
  t: Tally,
  masked: boolean,
): Pick<ReportStats, 'reports' | 'participants' | 'redirected' | 'activities' | 'canals' | 'durations' | 'themes' | 'ages' | 'statuses'> {
  const reports = t.reports ?? 0;
  const themes = cells(THEMES, t, 'theme_', masked)
    .map((c, i) => ({ c, n: t[`theme_${THEMES[i]!.key}`] ?? 0 }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n)
    .map((x) => x.c);
  return {
    reports: maskCount(masked, reports),
    participants: maskCount(masked, t.participants ?? 0, reports),
    redirected: maskCount(masked, t.redirected ?? 0),
    activities: cells(ACTIVITIES, t, 'act_', masked),
    canals: cells(CANALS, t, 'canal_', masked),
    durations: cells(DURATIONS, t, 'dur_', masked),
    themes,
    ages: cells(AGE_BANDS, t, 'age_', masked, true),
    statuses: cells(STATUSES, t, 'st_', masked, true),
  };
}
