import type { Knex } from 'knex';
import { AppError, conflict, notFound, ruleViolated } from '../../errors';
import { lockEvent, type EventRow } from '../../db/agenda-events';
import { lockSession, sessionsOf, type SessionRow } from '../../db/event-sessions';
import { deleteRegistration, findRegistration, type RegistrationRow, type RegistrationStatus } from '../../db/agenda-registrations';
import {
  countInSession,
  findInSession,
  insertSessionRegistration,
  mySessionRegistrations,
  registrationsOfSessions,
  sessionWaitlistPosition,
  type NewSessionRegistration,
} from '../../db/session-registrations';
import type { UserRow } from '../../db/users';
import { presentRegistration, sessionOpen, type PresentedRegistration } from '../../presenters/agenda-events';
import { accessEvent, accessEventAsOrganiser } from '../../access/agenda';
import { capacityOf, fillPlaces } from './places';
import { noEffects, type EventEffects } from './notices';

export type RegistrationInput = ({ list: 'member' } | { list: 'prescription'; name: string; email: string }) & { sessionId?: number };

export interface RegistrationResult {
  status: RegistrationStatus;
  /** 1-based place on the waiting list; null when registered. */
  position: number | null;
  registration: RegistrationRow;
  /** False when this registration already existed (the call is idempotent). */
  created: boolean;
}

/** The session a registration targets: the one named, or the event's only one (several: `session_required`). */
export async function targetSession(db: Knex, eventId: number, sessionId: number | undefined): Promise<number> {
  const sessions = (await sessionsOf(db, [eventId])).get(eventId) ?? [];
  if (sessionId === undefined) {
    if (sessions.length === 1) return sessions[0].id;
    throw new AppError('session_required', 400, 'Choisissez la date à laquelle vous inscrire.', { fields: { sessionId: 'Date requise.' } });
  }
  if (!sessions.some((s) => s.id === sessionId)) throw notFound('Date');
  return sessionId;
}

/** Locks the event then the session (always in this order) and checks that registrations are open. */
export async function lockOpenSession(
  trx: Knex.Transaction,
  eventId: number,
  sessionId: number,
): Promise<{ event: EventRow; session: SessionRow }> {
  const event = await lockEvent(trx, eventId);
  const session = await lockSession(trx, sessionId);
  if (!event || !session || session.event_id !== eventId) throw notFound('Événement');
  if (event.cancelled_at || session.status === 'cancelled') throw ruleViolated('event_cancelled', 'Cette date est annulée.');
  if (!event.published_at) throw notFound('Événement');
  if (!sessionOpen(event, session)) throw ruleViolated('registration_closed', 'Les inscriptions à cette date sont closes.');
  return { event, session };
}

/**
 * Takes a place in a session, or a place on its waiting list, or refuses
 * (`event_full` without waiting list). Runs in the transaction that holds the
 * session's lock, so concurrent requests are served one after the other and
 * the capacity is never exceeded; the unique keys refuse a second place for
 * the same person whatever happens.
 */
export async function takePlace(
  trx: Knex.Transaction,
  event: EventRow,
  session: SessionRow,
  row: Omit<NewSessionRegistration, 'status' | 'event_id' | 'session_id'>,
): Promise<{ registration: RegistrationRow; position: number | null }> {
  const cap = capacityOf(session, row.list);
  const registered = await countInSession(trx, session.id, row.list, 'registered');
  let status: RegistrationStatus = 'registered';
  if (cap !== null && registered >= cap) {
    if (!event.waitlist) throw conflict('event_full', 'Cette date est complète.');
    status = 'waitlisted';
  }
  const registration = await insertSessionRegistration(trx, { ...row, status, event_id: event.id, session_id: session.id });
  return { registration, position: await sessionWaitlistPosition(trx, registration) };
}

/**
 * POST /api/events/:id/registrations: myself (direct list) or someone I
 * support (prescription list), in one session. Registering twice answers the
 * existing registration.
 */
export async function registerForEvent(
  db: Knex,
  actor: UserRow,
  eventId: number,
  input: RegistrationInput,
): Promise<{ result: RegistrationResult; effects: EventEffects }> {
  await accessEvent(db, actor, eventId);
  const sessionId = await targetSession(db, eventId, input.sessionId);
  return db.transaction(async (trx) => {
    const { event, session } = await lockOpenSession(trx, eventId, sessionId);
    if (input.list === 'prescription' && session.prescription_capacity === null) {
      throw ruleViolated('prescription_closed', "Cette date n'a pas de liste d'inscription sur prescription.");
    }
    const existing = await findInSession(
      trx,
      session.id,
      input.list === 'member' ? { selfKey: actor.id } : { prescriptionKey: input.email },
    );
    if (existing) {
      if (existing.list === 'prescription' && existing.user_id !== actor.id) {
        throw conflict('already_registered', 'Cette personne est déjà inscrite à cette date.');
      }
      const result = {
        status: existing.status,
        position: await sessionWaitlistPosition(trx, existing),
        registration: existing,
        created: false,
      };
      return { result, effects: noEffects(event.id) };
    }
    const { registration, position } = await takePlace(trx, event, session, {
      list: input.list,
      user_id: actor.id,
      name: input.list === 'prescription' ? input.name : null,
      email: input.list === 'prescription' ? input.email : null,
    });
    const result = { status: registration.status, position, registration, created: true };
    return { result, effects: noEffects(event.id, true) };
  });
}

/** Frees a place (or a spot on the waiting list) and promotes the next one of its session. */
export async function drop(
  trx: Knex.Transaction,
  event: EventRow,
  groupName: string,
  reg: RegistrationRow,
  publicUrl: string,
  effects: EventEffects = noEffects(event.id, true),
): Promise<EventEffects> {
  const session = (await lockSession(trx, reg.session_id))!;
  await deleteRegistration(trx, reg.id);
  effects.changed = true;
  if (reg.status === 'registered') await fillPlaces(trx, event, session, groupName, reg.list, publicUrl, effects);
  return effects;
}

/** DELETE /api/events/:id/registrations/me[?sessionId=]: I leave one session (or every session of the event). */
export async function unregisterSelf(
  db: Knex,
  actor: UserRow,
  eventId: number,
  publicUrl: string,
  sessionId?: number,
): Promise<EventEffects> {
  const { event: seen } = await accessEvent(db, actor, eventId);
  return db.transaction(async (trx) => {
    const event = (await lockEvent(trx, eventId))!;
    const ids = ((await sessionsOf(trx, [eventId])).get(eventId) ?? []).map((s) => s.id);
    const mine = (await mySessionRegistrations(trx, actor.id, ids)).filter((r) => sessionId === undefined || r.session_id === sessionId);
    if (!mine.length) throw notFound('Inscription');
    const effects = noEffects(eventId, true);
    for (const reg of mine) await drop(trx, event, seen.g_name, reg, publicUrl, effects);
    return effects;
  });
}

/** DELETE /api/events/:id/registrations/:registrationId: the person who registered it, or an organiser. */
export async function removeRegistration(
  db: Knex,
  actor: UserRow,
  eventId: number,
  registrationId: number,
  publicUrl: string,
): Promise<EventEffects> {
  const { event: seen, canManage } = await accessEvent(db, actor, eventId);
  return db.transaction(async (trx) => {
    const event = (await lockEvent(trx, eventId))!;
    const reg = await findRegistration(trx, registrationId);
    if (!reg || reg.event_id !== eventId || (reg.user_id !== actor.id && !canManage)) throw notFound('Inscription');
    return drop(trx, event, seen.g_name, reg, publicUrl);
  });
}

/** Presents lists in order, numbering each session list's waiting list. */
export function presentLists(rows: Parameters<typeof presentRegistration>[0][]): PresentedRegistration[] {
  const waiting = new Map<string, number>();
  return rows.map((r) => {
    if (r.status !== 'waitlisted') return presentRegistration(r, null);
    const key = `${r.session_id}-${r.list}`;
    const n = (waiting.get(key) ?? 0) + 1;
    waiting.set(key, n);
    return presentRegistration(r, n);
  });
}

/** The registrants of an event (or of one of its sessions) for its organisers. */
export async function listRegistrants(
  db: Knex,
  actor: UserRow,
  eventId: number,
  sessionId?: number,
): Promise<{ event: EventRow; sessions: SessionRow[]; items: PresentedRegistration[] }> {
  const { event } = await accessEventAsOrganiser(db, actor, eventId);
  let sessions = (await sessionsOf(db, [eventId])).get(eventId) ?? [];
  if (sessionId !== undefined) {
    sessions = sessions.filter((s) => s.id === sessionId);
    if (!sessions.length) throw notFound('Date');
  }
  const rows = await registrationsOfSessions(
    db,
    sessions.map((s) => s.id),
  );
  return { event, sessions, items: presentLists(rows) };
}
