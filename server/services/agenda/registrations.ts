import type { Knex } from 'knex';
import { conflict, notFound, ruleViolated } from '../../errors';
import { lockEvent, type EventRow } from '../../db/agenda-events';
import {
  countIn,
  deleteRegistration,
  findPrescription,
  findRegistration,
  findSelfRegistration,
  insertRegistration,
  registrationsOf,
  waitlistPosition,
  type RegistrationRow,
  type RegistrationStatus,
} from '../../db/agenda-registrations';
import type { UserRow } from '../../db/users';
import { presentRegistration, registrationOpen, type PresentedRegistration } from '../../presenters/agenda-events';
import { accessEvent, accessEventAsOrganiser } from '../../access/agenda';
import { capacityOf, fillPlaces } from './places';
import { noEffects, type EventEffects } from './notices';

export type RegistrationInput = { list: 'member' } | { list: 'prescription'; name: string; email: string };

export interface RegistrationResult {
  status: RegistrationStatus;
  /** 1-based place on the waiting list; null when registered. */
  position: number | null;
  registration: RegistrationRow;
  /** False when this registration already existed (the call is idempotent). */
  created: boolean;
}

/**
 * POST /api/events/:id/registrations. The whole decision — is there a place,
 * else a waiting list, else `event_full` — runs in one transaction holding the
 * event's lock, so concurrent requests are served one after the other and the
 * capacity is never exceeded, on PostgreSQL as on SQLite. Registering twice
 * answers the existing registration.
 */
export async function registerForEvent(
  db: Knex,
  actor: UserRow,
  eventId: number,
  input: RegistrationInput,
): Promise<{ result: RegistrationResult; effects: EventEffects }> {
  await accessEvent(db, actor, eventId);
  return db.transaction(async (trx) => {
    const event = await lockEvent(trx, eventId);
    if (!event) throw notFound('Événement');
    if (event.cancelled_at) throw ruleViolated('event_cancelled', 'Cet événement est annulé.');
    if (!registrationOpen(event)) throw ruleViolated('registration_closed', 'Les inscriptions à cet événement sont closes.');
    const cap = capacityOf(event, input.list);
    if (input.list === 'prescription' && cap === null) {
      throw ruleViolated('prescription_closed', "Cet événement n'a pas de liste d'inscription sur prescription.");
    }
    const existing =
      input.list === 'member' ? await findSelfRegistration(trx, event.id, actor.id) : await findPrescription(trx, event.id, input.email);
    if (existing) {
      if (existing.list === 'prescription' && existing.user_id !== actor.id) {
        throw conflict('already_registered', 'Cette personne est déjà inscrite à cet événement.');
      }
      const result = { status: existing.status, position: await waitlistPosition(trx, existing), registration: existing, created: false };
      return { result, effects: noEffects(event.id) };
    }
    const registered = await countIn(trx, event.id, input.list, 'registered');
    let status: RegistrationStatus = 'registered';
    if (cap !== null && registered >= cap) {
      if (!event.waitlist) throw conflict('event_full', 'Cet événement est complet.');
      status = 'waitlisted';
    }
    const registration = await insertRegistration(trx, {
      event_id: event.id,
      list: input.list,
      status,
      user_id: actor.id,
      name: input.list === 'prescription' ? input.name : null,
      email: input.list === 'prescription' ? input.email : null,
    });
    const result = { status, position: await waitlistPosition(trx, registration), registration, created: true };
    return { result, effects: noEffects(event.id, true) };
  });
}

/** Frees a place (or a spot on the waiting list) and promotes the next one, under the event's lock. */
async function drop(
  trx: Knex.Transaction,
  event: EventRow,
  groupName: string,
  reg: RegistrationRow,
  publicUrl: string,
): Promise<EventEffects> {
  await deleteRegistration(trx, reg.id);
  const effects = noEffects(event.id, true);
  if (reg.status === 'registered') await fillPlaces(trx, event, groupName, reg.list, publicUrl, effects);
  return effects;
}

/** DELETE /api/events/:id/registrations/me: I leave the event; the first waiting takes my place. */
export async function unregisterSelf(db: Knex, actor: UserRow, eventId: number, publicUrl: string): Promise<EventEffects> {
  const { event: seen } = await accessEvent(db, actor, eventId);
  return db.transaction(async (trx) => {
    const event = (await lockEvent(trx, eventId))!;
    const reg = await findSelfRegistration(trx, eventId, actor.id);
    if (!reg) throw notFound('Inscription');
    return drop(trx, event, seen.g_name, reg, publicUrl);
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

/** The registrants of an event for its organisers: member list then prescription list, registered then waiting. */
export async function listRegistrants(
  db: Knex,
  actor: UserRow,
  eventId: number,
): Promise<{ event: EventRow; items: PresentedRegistration[] }> {
  const { event } = await accessEventAsOrganiser(db, actor, eventId);
  const rows = await registrationsOf(db, eventId);
  const waiting = { member: 0, prescription: 0 };
  const items = rows.map((r) => presentRegistration(r, r.status === 'waitlisted' ? ++waiting[r.list] : null));
  return { event, items };
}
