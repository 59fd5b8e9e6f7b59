/**
 * The free slots of a booking page: its weekly hours cut into slots of its
 * length, Paris wall-clock time, from the minimum notice to the horizon,
 * without public holidays (when off), exceptions, and slots already booked.
 * Pure: the service reads the page and the booked starts, this decides.
 */
import { localParts } from '../hotline/working-hours';
import { isFrenchPublicHoliday } from './public-holidays';

const TZ = 'Europe/Paris';
const MINUTE = 60_000;
const DAY = 86_400_000;

/** What slot computation reads of a page. */
export interface SlotRules {
  slotMinutes: number;
  noticeHours: number;
  horizonDays: number;
  publicHolidaysOff: boolean;
  weekly: { day: number; start: string; end: string }[];
  exceptions: { from: string; to: string }[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The instant at which Paris clocks show this date and minute of the day. */
export function parisInstant(date: string, minuteOfDay: number): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d, 0, minuteOfDay);
  let at = guess;
  // Two passes settle the offset even when the guess sits on the other side of a DST change.
  for (let i = 0; i < 2; i++) {
    const p = localParts(at, TZ);
    at += guess - Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  }
  return at;
}

/** The Paris date (YYYY-MM-DD) of an instant. */
export function parisDate(at: number): string {
  const p = localParts(at, TZ);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Whether a date is closed by the page's exceptions or by a public holiday. */
export function isClosedDay(rules: Pick<SlotRules, 'publicHolidaysOff' | 'exceptions'>, date: string): boolean {
  if (rules.publicHolidaysOff && isFrenchPublicHoliday(date)) return true;
  return rules.exceptions.some((e) => e.from <= date && date <= e.to);
}

/** Every slot the rules open between the notice and the horizon (booked ones included), by Paris day, as epoch ms starts. */
export function openSlots(rules: SlotRules, now: number): { date: string; starts: number[] }[] {
  const earliest = now + rules.noticeHours * 3_600_000;
  const out: { date: string; starts: number[] }[] = [];
  const first = parisDate(now);
  const [y, m, d] = first.split('-').map(Number) as [number, number, number];
  for (let i = 0; i <= rules.horizonDays; i++) {
    const noon = Date.UTC(y, m - 1, d + i, 12);
    const date = new Date(noon).toISOString().slice(0, 10);
    if (isClosedDay(rules, date)) continue;
    const isoDay = ((new Date(noon).getUTCDay() + 6) % 7) + 1;
    const starts = new Set<number>();
    for (const r of rules.weekly.filter((w) => w.day === isoDay)) {
      for (let t = minutesOf(r.start); t + rules.slotMinutes <= minutesOf(r.end); t += rules.slotMinutes) {
        const at = parisInstant(date, t);
        if (at >= earliest && at <= now + rules.horizonDays * DAY) starts.add(at);
      }
    }
    if (starts.size) out.push({ date, starts: [...starts].sort((a, b) => a - b) });
  }
  return out;
}

/** Whether `start` is one of the slots the rules open now (a booking or a move must name one). */
export function isOpenSlot(rules: SlotRules, now: number, start: number): boolean {
  const date = parisDate(start);
  return openSlots(rules, now).some((d) => d.date === date && d.starts.includes(start));
}

/** The end of a slot. */
export const slotEnd = (rules: Pick<SlotRules, 'slotMinutes'>, start: number) => start + rules.slotMinutes * MINUTE;
