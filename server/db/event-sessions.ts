import type { Knex } from 'knex';

export type SessionStatus = 'open' | 'closed' | 'cancelled';

/** One date of an agenda event, with its own places and state. */
export interface SessionRow {
  id: number;
  event_id: number;
  starts_at: Date | number;
  ends_at: Date | number;
  /** Direct list (members and visitors); null = no limit. */
  capacity: number | null;
  /** Prescription list; null = no such list. */
  prescription_capacity: number | null;
  status: SessionStatus;
  cancelled_at: Date | number | null;
  cancel_reason: string | null;
  created_at: Date | number;
  updated_at: Date | number;
}

export type NewSession = Pick<SessionRow, 'event_id' | 'starts_at' | 'ends_at' | 'capacity' | 'prescription_capacity'>;

/** The sessions of some events, by event id, in date order. */
export async function sessionsOf(db: Knex, eventIds: number[]): Promise<Map<number, SessionRow[]>> {
  const out = new Map<number, SessionRow[]>(eventIds.map((id) => [id, []]));
  if (!eventIds.length) return out;
  const rows = await db<SessionRow>('event_sessions').whereIn('event_id', eventIds).orderBy(['starts_at', 'id']);
  for (const r of rows) out.get(r.event_id)?.push(r);
  return out;
}

export async function findSession(db: Knex, id: number): Promise<SessionRow | undefined> {
  return db<SessionRow>('event_sessions').where({ id }).first();
}

/**
 * Reads the session and, on PostgreSQL, locks it until the transaction ends:
 * every registration change of a session runs behind this lock, so counting
 * its places and taking one never interleave (SQLite runs one writer at a time).
 */
export async function lockSession(trx: Knex.Transaction, id: number): Promise<SessionRow | undefined> {
  const q = trx<SessionRow>('event_sessions').where({ id });
  if (trx.client.config.client === 'pg') q.forUpdate();
  return q.first();
}

export async function insertSession(db: Knex, s: NewSession): Promise<SessionRow> {
  const now = new Date();
  const [row] = await db('event_sessions')
    .insert({ ...s, status: 'open', created_at: now, updated_at: now })
    .returning('*');
  return row as SessionRow;
}

export async function updateSession(db: Knex, id: number, changes: Partial<SessionRow>): Promise<void> {
  await db('event_sessions')
    .where({ id })
    .update({ ...changes, updated_at: new Date() });
}

/** Removes a session (only while nobody is registered to it: the services check). */
export async function deleteSession(db: Knex, id: number): Promise<void> {
  await db('event_sessions').where({ id }).del();
}

/** Marks every session of an event cancelled (the event is cancelled). */
export async function cancelSessionsOf(db: Knex, eventId: number, reason: string | null): Promise<void> {
  const now = new Date();
  await db('event_sessions')
    .where({ event_id: eventId })
    .whereNot({ status: 'cancelled' })
    .update({ status: 'cancelled', cancelled_at: now, cancel_reason: reason, updated_at: now });
}
