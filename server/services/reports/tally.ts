/**
 * A report's contribution to the counters of a dashboard: the same vector is
 * added to the daily roll-up when a report is written (and subtracted when it
 * changes or goes), and summed in memory for personal and team dashboards, so
 * every dashboard counts the same way.
 */
import { ACTIVITIES, AGE_BANDS, CANALS, DURATIONS, STATUSES, THEMES } from '../../protocol/report-catalog';
import type { ReportRow } from '../../db/reports';

/** Every counter column of the roll-up, in a fixed order. */
export const TALLY_COLUMNS: readonly string[] = [
  'reports',
  'participants',
  'redirected',
  ...ACTIVITIES.map((k) => `act_${k.key}`),
  ...CANALS.map((k) => `canal_${k.key}`),
  ...DURATIONS.map((k) => `dur_${k.key}`),
  ...THEMES.map((k) => `theme_${k.key}`),
  ...AGE_BANDS.flatMap((k) => [`age_${k.key}`, `age_${k.key}_r`]),
  ...STATUSES.flatMap((k) => [`st_${k.key}`, `st_${k.key}_r`]),
];

export type Tally = Record<string, number>;

/** All counters at zero. */
export function emptyTally(): Tally {
  return Object.fromEntries(TALLY_COLUMNS.map((c) => [c, 0]));
}

/** One report's counters; `sign` −1 takes it back out. */
export function tallyOf(r: ReportRow, sign: 1 | -1 = 1): Tally {
  const t = emptyTally();
  t.reports = sign;
  t.participants = sign * r.participants;
  t.redirected = r.redirected ? sign : 0;
  t[`act_${r.activity}`] = sign;
  t[`canal_${r.canal}`] = sign;
  t[`dur_${r.duration_band}`] = sign;
  THEMES.forEach((th, bit) => {
    if (r.themes & (1 << bit)) t[`theme_${th.key}`] = sign;
  });
  for (const a of AGE_BANDS) {
    const n = Number(r[`age_${a.key}`] ?? 0);
    t[`age_${a.key}`] = sign * n;
    t[`age_${a.key}_r`] = n > 0 ? sign : 0;
  }
  for (const s of STATUSES) {
    const n = Number(r[`st_${s.key}`] ?? 0);
    t[`st_${s.key}`] = sign * n;
    t[`st_${s.key}_r`] = n > 0 ? sign : 0;
  }
  return t;
}

/** Adds `b` into `a` and answers `a`. */
export function addTally(a: Tally, b: Tally): Tally {
  for (const c of TALLY_COLUMNS) a[c] = (a[c] ?? 0) + (b[c] ?? 0);
  return a;
}

/** The theme keys of a stored mask, in catalog order. */
export function themesOfMask(mask: number): string[] {
  return THEMES.filter((_, bit) => mask & (1 << bit)).map((t) => t.key);
}

/** The stored mask of some theme keys. */
export function maskOfThemes(themes: readonly string[]): number {
  return THEMES.reduce((m, t, bit) => (themes.includes(t.key) ? m | (1 << bit) : m), 0);
}
