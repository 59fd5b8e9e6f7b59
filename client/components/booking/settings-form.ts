/**
 * The booking settings as a form's state: the weekly grid (two openings per
 * day, morning and afternoon; empty = closed), the places, the exceptions,
 * and their translation to and from the API's body. Plain functions, tested
 * through the page.
 */
import type { BookingSettingsBody, BookingSettingsView } from '../../api/booking.js';
import type { Canal } from '../../../server/protocol/report-catalog.js';

export const DAYS = ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche'];

export interface SettingsDraft {
  enabled: boolean;
  slotMinutes: string;
  noticeHours: string;
  horizonDays: string;
  publicHolidaysOff: boolean;
  /** grid[day 0–6][opening 0–1] = { start, end }, '' when closed. */
  grid: { start: string; end: string }[][];
  places: { label: string; canal: Canal }[];
  communeCode: string | null;
  exceptions: { from: string; to: string; label: string }[];
}

/** The form's state from the saved settings (openings beyond two a day are kept in order, the extra dropped). */
export function draftOf(s: BookingSettingsView): SettingsDraft {
  const grid = DAYS.map(() => [
    { start: '', end: '' },
    { start: '', end: '' },
  ]);
  for (const w of s.weekly) {
    const cells = grid[w.day - 1]!;
    const free = cells.find((c) => !c.start && !c.end);
    if (free) Object.assign(free, { start: w.start, end: w.end });
  }
  return {
    enabled: s.enabled,
    slotMinutes: String(s.slotMinutes),
    noticeHours: String(s.noticeHours),
    horizonDays: String(s.horizonDays),
    publicHolidaysOff: s.publicHolidaysOff,
    grid,
    places: s.places.map((p) => ({ label: p.label, canal: p.canal })),
    communeCode: s.places.find((p) => p.communeCode)?.communeCode ?? null,
    exceptions: s.exceptions.map((e) => ({ ...e })),
  };
}

/** The body of PUT /api/booking/settings; places met in person carry the commune (the report's), remote ones none. */
export function bodyOf(d: SettingsDraft): BookingSettingsBody {
  const weekly = d.grid.flatMap((cells, i) =>
    cells.filter((c) => c.start || c.end).map((c) => ({ day: i + 1, start: c.start, end: c.end })),
  );
  return {
    enabled: d.enabled,
    slotMinutes: Number(d.slotMinutes),
    noticeHours: Number(d.noticeHours),
    horizonDays: Number(d.horizonDays),
    publicHolidaysOff: d.publicHolidaysOff,
    weekly,
    places: d.places.map((p) => ({ label: p.label.trim(), canal: p.canal, communeCode: p.canal === 'remote' ? null : d.communeCode })),
    exceptions: d.exceptions.map((e) => ({ from: e.from, to: e.to || e.from, label: e.label.trim() })),
  };
}

/** The checks the browser can make before sending (the server makes them all again). */
export function draftErrors(d: SettingsDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  d.grid.forEach((cells, day) =>
    cells.forEach((c, k) => {
      if (!c.start && !c.end) return;
      if (!c.start || !c.end) errors[`grid-${day}-${k}`] = 'Indiquez le début et la fin, ou videz les deux.';
      else if (c.end <= c.start) errors[`grid-${day}-${k}`] = 'La fin doit suivre le début.';
    }),
  );
  if (!d.places.length) errors.places = 'Indiquez au moins un lieu.';
  d.places.forEach((p, i) => {
    if (!p.label.trim()) errors[`place-${i}`] = 'Nommez ce lieu.';
  });
  d.exceptions.forEach((e, i) => {
    if (!e.from) errors[`exception-${i}`] = 'Indiquez la date de début.';
    else if (e.to && e.to < e.from) errors[`exception-${i}`] = 'La fin doit suivre le début.';
  });
  return errors;
}
