/**
 * When a notification is due by e-mail, from the user's settings. Pure (no
 * database, no clock): the job passes "now", so tests fix it.
 */
import { localParts, zonedTime } from '../hotline/working-hours';
import type { NotificationSettings } from './notifications';
import { mailedByTheirService } from './texts';

/** A mail frequency of the settings. */
export type Frequency = NotificationSettings['frequency'];
/** The switchable families of notifications (`types` in the settings). */
export type NotificationType = keyof NotificationSettings['types'];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ZONE = 'Europe/Paris';
/** Digests go out at this local hour (Paris), weekly ones on Mondays. */
export const DIGEST_HOUR = 8;
/** Nothing older than this is mailed (a digest covers at most the previous week). */
export const MAIL_HORIZON_MS = 15 * DAY;
/** A `realtime` notification not mailed within a day is left to the app (no flood after switching mail on). */
export const REALTIME_FRESH_MS = DAY;

/** The family a kind belongs to, for the `types` switches; null: not switchable (follows the frequency only). */
export function notificationType(kind: string): NotificationType | null {
  if (kind === 'mention') return 'mention';
  if (kind === 'comment' || kind === 'sheet_contribution') return 'comment';
  if (kind.startsWith('event_')) return 'event';
  if (kind.startsWith('post_') || kind === 'article' || kind === 'document_new' || kind === 'resource_new') return 'article';
  if (kind.startsWith('join_') || kind === 'group_invitation' || kind.startsWith('member_')) return 'member';
  return null;
}

/** The group a notification is about, if its data names one. */
export function groupOf(data: Record<string, unknown>): number | null {
  const id = Number(data.groupId);
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** The frequency that applies to one notification: its group's override, else the general one; `never` when its type is off. */
export function frequencyFor(s: NotificationSettings, kind: string, data: Record<string, unknown>): Frequency {
  const type = notificationType(kind);
  if (type && !s.types[type]) return 'never';
  const groupId = groupOf(data);
  return (groupId !== null ? s.groups[String(groupId)]?.frequency : undefined) ?? s.frequency;
}

/** The latest 8:00 (Paris) at or before `now`; with `monday`, the latest Monday 8:00. */
export function lastDigestSlot(now: number, monday = false): number {
  const p = localParts(now, ZONE);
  let slot = zonedTime(p.year, p.month, p.day, DIGEST_HOUR, ZONE);
  if (slot > now) slot = previousDay(slot);
  if (monday) while (localParts(slot, ZONE).weekday !== 1) slot = previousDay(slot);
  return slot;
}

/** 8:00 (Paris) of the day before the one of `slot` (DST-safe: recomputed from the local date). */
function previousDay(slot: number): number {
  const p = localParts(slot - 12 * HOUR, ZONE);
  return zonedTime(p.year, p.month, p.day, DIGEST_HOUR, ZONE);
}

/** A candidate of the job: one unread, unmailed notification. */
export interface Pending {
  id: number;
  kind: string;
  data: Record<string, unknown>;
  createdAt: number;
}

/** The notifications to mail now for one user, in one mail per frequency (realtime, daily, weekly). */
export function dueNow(
  s: NotificationSettings,
  pending: Pending[],
  now: number,
): { frequency: Exclude<Frequency, 'never'>; items: Pending[] }[] {
  const by: Record<'realtime' | 'daily' | 'weekly', Pending[]> = { realtime: [], daily: [], weekly: [] };
  for (const n of pending) {
    const f = frequencyFor(s, n.kind, n.data);
    if (f === 'never' || n.createdAt > now) continue;
    // Already mailed at once by the service that made it: only digests repeat it.
    if (f === 'realtime' && mailedByTheirService(n.kind, n.data)) continue;
    by[f].push(n);
  }
  const out: { frequency: Exclude<Frequency, 'never'>; items: Pending[] }[] = [];
  // Realtime: a window opens with the oldest pending notification and closes batchMinutes later;
  // everything gathered by then goes in one mail (0: at once).
  const fresh = by.realtime.filter((n) => n.createdAt >= now - REALTIME_FRESH_MS);
  const oldest = Math.min(...fresh.map((n) => n.createdAt));
  if (fresh.length && oldest <= now - s.batchMinutes * 60_000) out.push({ frequency: 'realtime', items: fresh });
  // Digests: what was created before the latest slot (so each notification is in exactly one digest).
  const daily = lastDigestSlot(now);
  const dailyItems = by.daily.filter((n) => n.createdAt < daily);
  if (dailyItems.length) out.push({ frequency: 'daily', items: dailyItems });
  const weekly = lastDigestSlot(now, true);
  const weeklyItems = by.weekly.filter((n) => n.createdAt < weekly);
  if (weeklyItems.length) out.push({ frequency: 'weekly', items: weeklyItems });
  return out;
}
