/**
 * Working-hours arithmetic for the hotline's first-response target. Pure, no
 * dependency: the calendar is a time zone, working weekdays and a daily window.
 */

/** A working calendar: weekdays (0 = Sunday … 6 = Saturday) and a daily window in local hours. */
export interface WorkingCalendar {
  timeZone: string;
  days: readonly number[];
  startHour: number;
  endHour: number;
}

/** The hotline's calendar: Monday to Friday, 9:00 to 17:00, Paris time. */
export const HOTLINE_CALENDAR: WorkingCalendar = { timeZone: 'Europe/Paris', days: [1, 2, 3, 4, 5], startHour: 9, endHour: 17 };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields of an instant in a time zone (month 1–12, weekday 0 = Sunday). */
export function localParts(at: number, timeZone: string) {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(at))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const weekday = new Date(Date.UTC(p.year!, p.month! - 1, p.day!)).getUTCDay();
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, second: p.second!, weekday };
}

/** The instant at which the wall clock of `timeZone` shows this local date and hour (hours never in a DST gap here). */
export function zonedTime(year: number, month: number, day: number, hour: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day, hour);
  let at = guess;
  // Two passes settle the offset even when the guess sits on the other side of a DST change.
  for (let i = 0; i < 2; i++) {
    const p = localParts(at, timeZone);
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    at += guess - shown;
  }
  return at;
}

/** Start and end of the working window of the local day containing `at`, or null on a day off. */
function windowOf(at: number, cal: WorkingCalendar): { start: number; end: number } | null {
  const p = localParts(at, cal.timeZone);
  if (!cal.days.includes(p.weekday)) return null;
  return {
    start: zonedTime(p.year, p.month, p.day, cal.startHour, cal.timeZone),
    end: zonedTime(p.year, p.month, p.day, cal.endHour, cal.timeZone),
  };
}

/** Noon of the next local day: a safe point to look at the next day's window from. */
function nextDayNoon(at: number, cal: WorkingCalendar): number {
  const p = localParts(at, cal.timeZone);
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day) + DAY);
  return zonedTime(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 12, cal.timeZone);
}

/** The instant `hours` working hours after `from` (counting starts at the next working moment). */
export function addWorkingHours(from: Date, hours: number, cal: WorkingCalendar = HOTLINE_CALENDAR): Date {
  let remaining = Math.max(0, hours) * HOUR;
  let t = from.getTime();
  for (let guard = 0; guard < 5000; guard++) {
    const w = windowOf(t, cal);
    if (!w || t >= w.end) {
      const next = nextDayNoon(t, cal);
      const nw = windowOf(next, cal);
      t = nw ? nw.start : next;
      continue;
    }
    if (t < w.start) t = w.start;
    if (remaining <= w.end - t) return new Date(t + remaining);
    remaining -= w.end - t;
    t = w.end;
  }
  throw new Error('working calendar has no working time');
}

/** Working milliseconds between two instants (0 when `to` is before `from`). */
export function workingMsBetween(from: Date, to: Date, cal: WorkingCalendar = HOTLINE_CALENDAR): number {
  let total = 0;
  let t = from.getTime();
  const end = to.getTime();
  for (let guard = 0; t < end && guard < 100_000; guard++) {
    const w = windowOf(t, cal);
    if (w && t < w.end) {
      const a = Math.max(t, w.start);
      const b = Math.min(end, w.end);
      if (b > a) total += b - a;
    }
    t = nextDayNoon(t, cal);
    const nw = windowOf(t, cal);
    t = nw ? Math.min(nw.start, t) : t;
  }
  return total;
}
