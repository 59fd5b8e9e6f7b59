import type { Knex } from 'knex';
import ical, { ICalEventStatus } from 'ical-generator';
import { notFound } from '../../errors';
import { myEvents, type EventView } from '../../db/agenda-events';
import { findUserById, type UserRow } from '../../db/users';
import { hashToken, newSecretToken } from '../accounts/passwords';
import { accessEvent } from '../../access/agenda';
import { fileSlug, listsCsv } from './organiser-lists';

export { fileSlug };
import { iso, ms } from '../../presenters/time';
import { deleteFeed, findFeedByTokenHash, findFeedOf, saveFeed } from '../../db/calendar-feeds';
import { selfRegistrations } from '../../db/agenda-registrations';

/** GET /api/events/:id/registrations.csv for organisers: every session's lists (see organiser-lists.ts). */
export async function registrantsCsv(db: Knex, actor: UserRow, eventId: number): Promise<{ filename: string; body: string }> {
  return listsCsv(db, actor, eventId);
}

/** Builds an iCalendar document (UTC times) for some events. */
export function calendarOf(events: EventView[], publicUrl: string, name: string, status?: Map<number, string>): string {
  const host = new URL(publicUrl).hostname;
  const cal = ical({ name, prodId: { company: 'Maillage', product: 'Agenda', language: 'FR' } });
  for (const e of events) {
    const link = `${publicUrl}/evenements/${e.id}`;
    const mine = status?.get(e.id);
    const description = [mine, e.description, `Groupe : ${e.g_name}`, e.video_url ? `Visio : ${e.video_url}` : null, link]
      .filter(Boolean)
      .join('\n\n');
    cal.createEvent({
      id: `evenement-${e.id}@${host}`,
      start: new Date(ms(e.starts_at)!),
      end: new Date(ms(e.ends_at)!),
      stamp: new Date(ms(e.updated_at)!),
      // Grows with each change, so calendars replace their copy.
      sequence: Math.max(0, Math.floor((ms(e.updated_at)! - ms(e.created_at)!) / 1000)),
      summary: e.cancelled_at ? `Annulé : ${e.title}` : e.title,
      description,
      location: e.location ?? e.video_url ?? undefined,
      url: link,
      status: e.cancelled_at ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}

/** GET /api/events/:id/ics: one event, for whoever may see it. */
export async function eventIcs(db: Knex, actor: UserRow, eventId: number, publicUrl: string): Promise<{ filename: string; body: string }> {
  const { event } = await accessEvent(db, actor, eventId);
  return { filename: `${fileSlug(event.title)}.ics`, body: calendarOf([event], publicUrl, event.title) };
}

/** Whether I have a private feed, and since when (the address itself is shown only once, when made). */
export async function feedStatus(db: Knex, userId: number): Promise<{ active: boolean; createdAt: string | null }> {
  const row = await findFeedOf(db, userId);
  return { active: !!row, createdAt: iso(row?.created_at) };
}

/** Makes (or replaces, revoking the old address) my private iCal feed; answers its secret address. */
export async function createFeed(db: Knex, userId: number, publicUrl: string): Promise<{ url: string; createdAt: string | null }> {
  const { token, hash } = newSecretToken();
  const now = new Date();
  await saveFeed(db, userId, hash, now);
  return { url: `${publicUrl}/api/ical/${token}.ics`, createdAt: iso(now) };
}

/** Revokes my private feed: its address answers 404 from now on. */
export async function revokeFeed(db: Knex, userId: number): Promise<void> {
  await deleteFeed(db, userId);
}

const DAY = 86_400_000;

/**
 * GET /api/ical/<token>.ics, without a session: the calendar of the feed's
 * owner (3 months back, a year ahead), each event marked with their status.
 * An unknown token, or an account no longer active, is `not_found`.
 */
export async function feedCalendar(db: Knex, token: string, publicUrl: string): Promise<string> {
  const row = await findFeedByTokenHash(db, hashToken(token));
  const user = row ? await findUserById(db, row.user_id) : undefined;
  if (!user || user.status !== 'active') throw notFound('Agenda');
  const now = Date.now();
  const events = await myEvents(db, user.id, { from: new Date(now - 90 * DAY), to: new Date(now + 366 * DAY) }, 1000);
  const regs = await selfRegistrations(
    db,
    user.id,
    events.map((e) => e.id),
  );
  const status = new Map<number, string>(
    [...regs].map(([eventId, r]) => [eventId, r.status === 'registered' ? 'Vous êtes inscrit(e).' : "Vous êtes sur la liste d'attente."]),
  );
  return calendarOf(events, publicUrl, 'Maillage — mon agenda', status);
}
