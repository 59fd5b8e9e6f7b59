import type { Knex } from 'knex';

/** A row of `appointments`. Timestamps come back as Date (PostgreSQL) or epoch ms (SQLite); `slot_key` may be a string (bigint). */
export interface AppointmentRow {
  id: number;
  host_id: number;
  slot_key: number | string | null;
  starts_at: Date | number | string;
  ends_at: Date | number | string;
  place_label: string;
  canal: string;
  commune_code: string | null;
  theme: string;
  name: string;
  email: string;
  phone: string | null;
  message: string | null;
  token_hash: string;
  cancelled_at: Date | number | string | null;
  reminded_at: Date | number | string | null;
  created_at: Date | number | string;
}

/** An appointment with its host's name and page slug (mails, the visitor's page). */
export interface AppointmentWithHostRow extends AppointmentRow {
  host_first_name: string;
  host_last_name: string;
  host_email: string;
  host_slug: string;
}

/** True when the error is a unique violation (SQLite or PostgreSQL). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; errno?: number };
  return e.code === '23505' || e.code === 'SQLITE_CONSTRAINT' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.errno === 19;
}

/** Inserts an appointment; the unique (host_id, slot_key) throws on a slot already held. */
export async function insertAppointment(db: Knex, row: Omit<AppointmentRow, 'id'>): Promise<number> {
  const [r] = await db('appointments').insert(row).returning('id');
  return typeof r === 'object' ? (r as { id: number }).id : (r as number);
}

/** The standing appointments of a host that overlap [from, to). */
export async function activeAppointmentsBetween(
  db: Knex,
  hostId: number,
  from: Date,
  to: Date,
): Promise<Pick<AppointmentRow, 'id' | 'starts_at' | 'ends_at'>[]> {
  return db('appointments')
    .where({ host_id: hostId })
    .whereNull('cancelled_at')
    .where('starts_at', '<', to)
    .where('ends_at', '>', from)
    .select('id', 'starts_at', 'ends_at');
}

const withHost = (db: Knex) =>
  db('appointments as a')
    .join('users as u', 'u.id', 'a.host_id')
    .join('booking_pages as p', 'p.user_id', 'a.host_id')
    .select('a.*', 'u.first_name as host_first_name', 'u.last_name as host_last_name', 'u.email as host_email', 'p.slug as host_slug');

/** An appointment by the hash of its visitor's secret. */
export async function findAppointmentByTokenHash(db: Knex, tokenHash: string): Promise<AppointmentWithHostRow | undefined> {
  return withHost(db).where('a.token_hash', tokenHash).first();
}

/** An appointment by id, with its host. */
export async function findAppointmentWithHost(db: Knex, id: number): Promise<AppointmentWithHostRow | undefined> {
  return withHost(db).where('a.id', id).first();
}

/** A host's appointments starting in [from, to), cancelled ones included, by start. */
export async function appointmentsOfHost(db: Knex, hostId: number, from: Date, to: Date, limit: number): Promise<AppointmentRow[]> {
  return db<AppointmentRow>('appointments')
    .where({ host_id: hostId })
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .orderBy([{ column: 'starts_at' }, { column: 'id' }])
    .limit(limit);
}

/** Cancels a standing appointment (frees its slot); false when it was already cancelled. */
export async function cancelAppointmentRow(db: Knex, id: number, at: Date): Promise<boolean> {
  return (await db('appointments').where({ id }).whereNull('cancelled_at').update({ cancelled_at: at, slot_key: null })) > 0;
}

/** Moves a standing appointment; the unique (host_id, slot_key) throws when the new slot is held. */
export async function moveAppointmentRow(db: Knex, id: number, start: Date, end: Date, remindedAt: Date | null): Promise<number> {
  return db('appointments')
    .where({ id })
    .whereNull('cancelled_at')
    .update({ starts_at: start, ends_at: end, slot_key: start.getTime(), reminded_at: remindedAt });
}

/** Standing appointments starting in [from, to) whose reminder is not yet claimed. */
export async function reminderCandidates(db: Knex, from: Date, to: Date, limit: number): Promise<{ id: number }[]> {
  return db('appointments')
    .whereNull('cancelled_at')
    .whereNull('reminded_at')
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .orderBy('starts_at')
    .limit(limit)
    .select('id');
}

/** Claims an appointment's reminder: true for exactly one caller, whatever the node. */
export async function claimReminder(db: Knex, id: number, at: Date): Promise<boolean> {
  return (await db('appointments').where({ id }).whereNull('reminded_at').whereNull('cancelled_at').update({ reminded_at: at })) === 1;
}
