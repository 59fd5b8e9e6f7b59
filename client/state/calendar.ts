/** Calendar arithmetic in the browser's local time, French style: weeks start on Monday. */

/** `YYYY-MM-DD` of a local day (the key events are grouped by). */
export function dayKey(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Midnight (local) of the day of `d`. */
export function startOfDay(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

/** Monday 00:00 of the week of `d` (Monday is day 0 in France; JavaScript's Sunday is 0). */
export function startOfWeek(d: Date): Date {
  const day = (d.getDay() + 6) % 7;
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - day);
}

export function addDays(d: Date, n: number): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);
}

/** The first day of the month of `d`, moved by `n` months. */
export function addMonths(d: Date, n: number): Date {
  return new Date(d.getFullYear(), d.getMonth() + n, 1);
}

/** The month view: whole weeks, Monday to Sunday, covering every day of the month. */
export function monthGrid(month: Date): Date[][] {
  const first = new Date(month.getFullYear(), month.getMonth(), 1);
  const last = new Date(month.getFullYear(), month.getMonth() + 1, 0);
  const weeks: Date[][] = [];
  for (let start = startOfWeek(first); start <= last; start = addDays(start, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(start, i)));
  }
  return weeks;
}

/** The range a month view shows (first Monday to the day after the last Sunday). */
export function gridRange(month: Date): { from: Date; to: Date } {
  const weeks = monthGrid(month);
  return { from: weeks[0]![0]!, to: addDays(weeks[weeks.length - 1]![6]!, 1) };
}

/** The weekday headers of the month view, Monday first. */
export const WEEKDAYS = [
  { short: 'lun.', long: 'lundi' },
  { short: 'mar.', long: 'mardi' },
  { short: 'mer.', long: 'mercredi' },
  { short: 'jeu.', long: 'jeudi' },
  { short: 'ven.', long: 'vendredi' },
  { short: 'sam.', long: 'samedi' },
  { short: 'dim.', long: 'dimanche' },
];

/** Events by local day: an event over several days appears on each of them. */
export function byDay<T extends { startsAt: string; endsAt: string }>(events: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const e of events) {
    const end = new Date(new Date(e.endsAt).getTime() - 1);
    for (let d = startOfDay(new Date(e.startsAt)); d <= end; d = addDays(d, 1)) {
      const key = dayKey(d);
      out.set(key, [...(out.get(key) ?? []), e]);
    }
  }
  return out;
}

const fmt = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('fr-FR', o);
const monthTitle = fmt({ month: 'long', year: 'numeric' });
const longDay = fmt({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const time = fmt({ hour: '2-digit', minute: '2-digit' });
const shortDate = fmt({ day: 'numeric', month: 'short', year: 'numeric' });

/** « décembre 2026 ». */
export const monthLabel = (d: Date) => monthTitle.format(d);
/** « lundi 7 décembre 2026 ». */
export const dayLabel = (d: Date) => longDay.format(d);
/** « 14:00 ». */
export const timeLabel = (d: Date) => time.format(d);
/** « 7 déc. 2026 ». */
export const dateLabel = (d: Date) => shortDate.format(d);

/** « lundi 7 décembre 2026, 14:00 – 16:00 » (or across days). */
export function whenLabel(startsAt: string, endsAt: string): string {
  const s = new Date(startsAt);
  const e = new Date(endsAt);
  if (dayKey(s) === dayKey(e)) return `${dayLabel(s)}, ${timeLabel(s)} – ${timeLabel(e)}`;
  return `du ${dayLabel(s)}, ${timeLabel(s)} au ${dayLabel(e)}, ${timeLabel(e)}`;
}

/** The value of a `datetime-local` input for an instant (local time, to the minute). */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${dayKey(d)}T${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** The instant of a `datetime-local` value (read as local time); null when empty or invalid. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
