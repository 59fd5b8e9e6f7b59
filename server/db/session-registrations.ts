/**
 * Registrations seen per session (date) of an agenda event: counts, the
 * waiting list's order, one place per member / supported person / visitor
 * address, the visitors' cancel links and the reminders of the day before.
 */
import type { Knex } from 'knex';
import {
  registrationCounts,
  type RegistrationList,
  type RegistrationRow,
  type RegistrationStatus,
  type RegistrationView,
} from './agenda-registrations';

/** Registered and waitlisted counts per list, for each session. */
export const countsForSessions = (db: Knex, sessionIds: number[]) => registrationCounts(db, 'session_id', sessionIds);

export async function countInSession(db: Knex, sessionId: number, list: RegistrationList, status: RegistrationStatus): Promise<number> {
  const row = (await db('event_registrations').where({ session_id: sessionId, list, status }).count({ n: '*' }).first()) as {
    n: number | string;
  };
  return Number(row.n);
}

/** 1-based place on its session's waiting list (null when registered). */
export async function sessionWaitlistPosition(db: Knex, r: RegistrationRow): Promise<number | null> {
  if (r.status !== 'waitlisted') return null;
  const row = (await db('event_registrations')
    .where({ session_id: r.session_id, list: r.list, status: 'waitlisted' })
    .where('id', '<=', r.id)
    .count({ n: '*' })
    .first()) as { n: number | string };
  return Number(row.n);
}

/** The first on a session list's waiting list (order of arrival). */
export async function firstWaitlistedInSession(db: Knex, sessionId: number, list: RegistrationList): Promise<RegistrationRow | undefined> {
  return db<RegistrationRow>('event_registrations').where({ session_id: sessionId, list, status: 'waitlisted' }).orderBy('id').first();
}

/** The existing place of a member, a supported person or a visitor's address in a session. */
export async function findInSession(
  db: Knex,
  sessionId: number,
  who: { selfKey: number } | { prescriptionKey: string } | { publicKey: string },
): Promise<RegistrationRow | undefined> {
  const q = db<RegistrationRow>('event_registrations').where({ session_id: sessionId });
  if ('selfKey' in who) q.where({ self_key: who.selfKey });
  else if ('prescriptionKey' in who) q.where({ prescription_key: who.prescriptionKey.toLowerCase() });
  else q.where({ public_key: who.publicKey.toLowerCase() });
  return q.first();
}

/** A member's own registrations (direct list) among these sessions. */
export async function mySessionRegistrations(db: Knex, userId: number, sessionIds: number[]): Promise<RegistrationRow[]> {
  if (!sessionIds.length) return [];
  return db<RegistrationRow>('event_registrations').where({ self_key: userId }).whereIn('session_id', sessionIds).orderBy('id');
}

export interface NewSessionRegistration {
  event_id: number;
  session_id: number;
  list: RegistrationList;
  status: RegistrationStatus;
  user_id: number | null;
  name: string | null;
  email: string | null;
  phone?: string | null;
  /** A visitor without an account: their address becomes the session's public key. */
  visitor?: boolean;
  token_hash?: string | null;
  consent_at?: Date | null;
}

/** Inserts a place; the unique keys (member, supported person, visitor address) are set from the list and the visitor flag. */
export async function insertSessionRegistration(db: Knex, r: NewSessionRegistration): Promise<RegistrationRow> {
  const { visitor, ...cols } = r;
  const [row] = await db('event_registrations')
    .insert({
      ...cols,
      phone: r.phone ?? null,
      token_hash: r.token_hash ?? null,
      consent_at: r.consent_at ?? null,
      self_key: r.list === 'member' && !visitor ? r.user_id : null,
      prescription_key: r.list === 'prescription' ? r.email!.toLowerCase() : null,
      public_key: visitor ? r.email!.toLowerCase() : null,
      created_at: new Date(),
      promoted_at: null,
    })
    .returning('*');
  return row as RegistrationRow;
}

export async function findByTokenHash(db: Knex, tokenHash: string): Promise<RegistrationRow | undefined> {
  return db<RegistrationRow>('event_registrations').where({ token_hash: tokenHash }).first();
}

/** Everyone on some sessions' lists (direct list first, registered before waiting), with the members' identities. */
export async function registrationsOfSessions(db: Knex, sessionIds: number[]): Promise<RegistrationView[]> {
  if (!sessionIds.length) return [];
  return db('event_registrations as r')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .whereIn('r.session_id', sessionIds)
    .select(
      'r.*',
      'u.username as u_username',
      'u.first_name as u_first_name',
      'u.last_name as u_last_name',
      'u.email as u_email',
      'u.employer as u_employer',
    )
    .orderByRaw("r.session_id, case r.list when 'member' then 0 else 1 end, case r.status when 'registered' then 0 else 1 end, r.id");
}

/** Registered places whose session starts within [from, to) and whose reminder is not claimed yet. */
export async function reminderCandidates(db: Knex, from: Date, to: Date, limit: number): Promise<{ id: number }[]> {
  return db('event_registrations as r')
    .join('event_sessions as s', 's.id', 'r.session_id')
    .join('events as e', 'e.id', 'r.event_id')
    .whereNull('r.reminded_at')
    .where('r.status', 'registered')
    .where('s.status', '<>', 'cancelled')
    .whereNull('e.cancelled_at')
    .where('s.starts_at', '>=', from)
    .where('s.starts_at', '<', to)
    .orderBy('r.id')
    .limit(limit)
    .select('r.id');
}

/** Claims a place's reminder: true for the one caller whose conditional update took it. */
export async function claimRegistrationReminder(db: Knex, id: number, now: Date): Promise<boolean> {
  const n = await db('event_registrations').where({ id }).whereNull('reminded_at').update({ reminded_at: now });
  return Number(n) === 1;
}

/**
 * Deletes the registrations of visitors without an account (public events) whose session ended before
 * `endedBefore`: their name, address and phone were given for that date only. Answers how many went.
 */
export async function deleteVisitorRegistrationsEndedBefore(db: Knex, endedBefore: Date): Promise<number> {
  return db('event_registrations')
    .whereNotNull('public_key')
    .whereIn('session_id', db('event_sessions').select('id').where('ends_at', '<', endedBefore))
    .delete();
}
