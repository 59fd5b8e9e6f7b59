/**
 * The sessions (dates) of an event, for its organisers: add one, change its
 * dates, places or state (open, closed, cancelled — a cancellation mails
 * everyone on its lists), remove one nobody registered to. The event's own
 * start and end follow its sessions (the calendars read them).
 */
import type { Knex } from 'knex';
import type { z } from 'zod';
import { ruleViolated } from '../../errors';
import { lockEvent, updateEvent } from '../../db/agenda-events';
import { deleteSession, insertSession, lockSession, sessionsOf, updateSession, type SessionRow } from '../../db/event-sessions';
import { countsForSessions } from '../../db/session-registrations';
import { allRegistrationsOf } from '../../db/agenda-registrations';
import type { UserRow } from '../../db/users';
import { accessEventAsOrganiser } from '../../access/agenda';
import type { sessionInput, workshopSchemas } from '../../protocol/agenda-workshops';
import { notFound } from '../../errors';
import { fillPlaces } from './places';
import { cancellationNotices, changeNotices, noEffects, type EventEffects } from './notices';

type SessionInput = z.output<typeof sessionInput>;
type SessionEdit = z.output<typeof workshopSchemas.editSession>;

/** Keeps the event's start and end (read by calendars and ranges) to its sessions' first start and last end. */
async function syncSpan(trx: Knex, eventId: number): Promise<void> {
  const sessions = (await sessionsOf(trx, [eventId])).get(eventId) ?? [];
  const live = sessions.filter((s) => s.status !== 'cancelled');
  const span = live.length ? live : sessions;
  if (!span.length) return;
  const starts = Math.min(...span.map((s) => new Date(s.starts_at).getTime()));
  const ends = Math.max(...span.map((s) => new Date(s.ends_at).getTime()));
  await updateEvent(trx, eventId, { starts_at: new Date(starts), ends_at: new Date(ends) });
}

function editable(event: { cancelled_at: unknown }) {
  if (event.cancelled_at) throw ruleViolated('event_cancelled', 'Cet événement est annulé : il ne peut plus être modifié.');
}

/** POST /api/events/:id/sessions. */
export async function addSession(db: Knex, actor: UserRow, eventId: number, input: SessionInput): Promise<EventEffects> {
  const { event } = await accessEventAsOrganiser(db, actor, eventId);
  editable(event);
  return db.transaction(async (trx) => {
    await lockEvent(trx, eventId);
    await insertSession(trx, {
      event_id: eventId,
      starts_at: input.startsAt,
      ends_at: input.endsAt,
      capacity: input.capacity,
      prescription_capacity: input.prescriptionCapacity,
    });
    await syncSpan(trx, eventId);
    return noEffects(eventId, true);
  });
}

async function ownSession(trx: Knex.Transaction, eventId: number, sessionId: number): Promise<SessionRow> {
  const s = await lockSession(trx, sessionId);
  if (!s || s.event_id !== eventId) throw notFound('Date');
  return s;
}

/**
 * PATCH /api/events/:id/sessions/:sessionId, behind the event's and the
 * session's locks: a capacity never goes below the number registered, a larger
 * one promotes from the waiting list; a new date is told to members
 * registered; `cancelled` is final and mails everyone on the session's lists.
 */
export async function editSession(
  db: Knex,
  actor: UserRow,
  eventId: number,
  sessionId: number,
  edit: SessionEdit,
  publicUrl: string,
): Promise<EventEffects> {
  const { event: seen } = await accessEventAsOrganiser(db, actor, eventId);
  editable(seen);
  return db.transaction(async (trx) => {
    const event = (await lockEvent(trx, eventId))!;
    const session = await ownSession(trx, eventId, sessionId);
    if (session.status === 'cancelled') throw ruleViolated('event_cancelled', 'Cette date est annulée : elle ne peut plus être modifiée.');
    const effects = noEffects(eventId, true);
    const regs = (await allRegistrationsOf(trx, eventId)).filter((r) => r.session_id === sessionId);
    if (edit.status === 'cancelled') {
      await updateSession(trx, sessionId, { status: 'cancelled', cancelled_at: new Date(), cancel_reason: edit.reason ?? null });
      await cancellationNotices(trx, event, seen.g_name, regs, edit.reason ?? null, effects, session);
      await syncSpan(trx, eventId);
      return effects;
    }
    const startsAt = edit.startsAt ?? new Date(session.starts_at);
    const endsAt = edit.endsAt ?? new Date(session.ends_at);
    if (endsAt <= startsAt) throw ruleViolated('invalid_dates', 'La fin doit suivre le début.');
    const counts = (await countsForSessions(trx, [sessionId])).get(sessionId)!;
    const below = (list: string, n: number) =>
      ruleViolated('capacity_below_registered', `La capacité ${list}ne peut pas être inférieure au nombre d'inscrits (${n}).`, {
        registered: n,
      });
    if (edit.capacity != null && edit.capacity < counts.member.registered) throw below('', counts.member.registered);
    if (edit.prescriptionCapacity !== undefined && counts.prescription.registered + counts.prescription.waitlisted > 0) {
      if (edit.prescriptionCapacity === null || edit.prescriptionCapacity < counts.prescription.registered)
        throw below('« sur prescription » ', counts.prescription.registered);
    }
    const changes: Partial<SessionRow> = { starts_at: startsAt, ends_at: endsAt };
    if (edit.capacity !== undefined) changes.capacity = edit.capacity;
    if (edit.prescriptionCapacity !== undefined) changes.prescription_capacity = edit.prescriptionCapacity;
    if (edit.status) changes.status = edit.status;
    await updateSession(trx, sessionId, changes);
    await syncSpan(trx, eventId);
    const saved = (await lockSession(trx, sessionId))!;
    for (const list of ['member', 'prescription'] as const) await fillPlaces(trx, event, saved, seen.g_name, list, publicUrl, effects);
    const moved = startsAt.getTime() !== new Date(session.starts_at).getTime() || endsAt.getTime() !== new Date(session.ends_at).getTime();
    if (moved) await changeNotices(trx, event, seen.g_name, regs, actor.id, effects);
    return effects;
  });
}

/** DELETE /api/events/:id/sessions/:sessionId: only a session nobody is on, and never the last one (cancel it instead). */
export async function removeSession(db: Knex, actor: UserRow, eventId: number, sessionId: number): Promise<EventEffects> {
  const { event } = await accessEventAsOrganiser(db, actor, eventId);
  editable(event);
  return db.transaction(async (trx) => {
    await lockEvent(trx, eventId);
    await ownSession(trx, eventId, sessionId);
    const c = (await countsForSessions(trx, [sessionId])).get(sessionId)!;
    if (c.member.registered + c.member.waitlisted + c.prescription.registered + c.prescription.waitlisted > 0) {
      throw ruleViolated(
        'session_has_registrations',
        'Des personnes sont inscrites à cette date : annulez-la plutôt, elles seront prévenues.',
      );
    }
    if (((await sessionsOf(trx, [eventId])).get(eventId) ?? []).length <= 1) {
      throw ruleViolated('last_session', 'Un événement garde au moins une date.');
    }
    await deleteSession(trx, sessionId);
    await syncSpan(trx, eventId);
    return noEffects(eventId, true);
  });
}
