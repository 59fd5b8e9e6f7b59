import type { Knex } from 'knex';

export type RegistrationList = 'member' | 'prescription';
export type RegistrationStatus = 'registered' | 'waitlisted';

export interface RegistrationRow {
  id: number;
  event_id: number;
  list: RegistrationList;
  status: RegistrationStatus;
  user_id: number | null;
  name: string | null;
  email: string | null;
  self_key: number | null;
  prescription_key: string | null;
  created_at: Date | number;
  promoted_at: Date | number | null;
  /** The session (date) of the event this place is in. */
  session_id: number;
  /** Visitors without an account (direct list of a public event): their phone, if given. */
  phone: string | null;
  /** Visitors: their address in lower case (one place per address and session). */
  public_key: string | null;
  /** Visitors: sha256 of the secret of their cancel link. */
  token_hash: string | null;
  consent_at: Date | number | null;
  /** Claimed before the reminder of the day before is mailed: never twice. */
  reminded_at: Date | number | null;
}

/** A registration with its user's (member list) or prescriber's (prescription list) identity. */
export type RegistrationView = RegistrationRow & {
  u_username: string | null;
  u_first_name: string | null;
  u_last_name: string | null;
  u_email: string | null;
  u_employer: string | null;
};

export interface ListCounts {
  registered: number;
  waitlisted: number;
}

export type EventCounts = Record<RegistrationList, ListCounts>;

const emptyCounts = (): EventCounts => ({ member: { registered: 0, waitlisted: 0 }, prescription: { registered: 0, waitlisted: 0 } });

/** Registered and waitlisted counts per list, for each event (`event_id`) or each session (`session_id`). */
export async function registrationCounts(db: Knex, by: 'event_id' | 'session_id', ids: number[]): Promise<Map<number, EventCounts>> {
  const out = new Map(ids.map((id) => [id, emptyCounts()]));
  if (!ids.length) return out;
  const rows = (await db('event_registrations')
    .whereIn(by, ids)
    .groupBy(by, 'list', 'status')
    .select(by, 'list', 'status')
    .count({ n: '*' })) as ({ list: RegistrationList; status: RegistrationStatus; n: number | string } & Record<typeof by, number>)[];
  for (const r of rows) {
    const c = out.get(Number(r[by]))?.[r.list];
    if (c) c[r.status] = Number(r.n);
  }
  return out;
}

/** Registered and waitlisted counts per list, for each event. */
export const countsFor = (db: Knex, eventIds: number[]) => registrationCounts(db, 'event_id', eventIds);

/** The user's own registrations (member list) among these events, with their waiting-list position. */
export async function selfRegistrations(
  db: Knex,
  userId: number,
  eventIds: number[],
): Promise<Map<number, { id: number; status: RegistrationStatus; position: number | null }>> {
  const out = new Map<number, { id: number; status: RegistrationStatus; position: number | null }>();
  if (!eventIds.length) return out;
  const rows = (await db('event_registrations as r')
    .where({ 'r.self_key': userId, 'r.list': 'member' })
    .whereIn('r.event_id', eventIds)
    .select('r.id', 'r.event_id', 'r.status')
    .select(
      db.raw(
        "(select count(*) from event_registrations w where w.event_id = r.event_id and w.list = 'member' and w.status = 'waitlisted' and w.id <= r.id) as position",
      ),
    )) as { id: number; event_id: number; status: RegistrationStatus; position: number | string }[];
  for (const r of rows)
    out.set(r.event_id, { id: r.id, status: r.status, position: r.status === 'waitlisted' ? Number(r.position) : null });
  return out;
}

export async function findSelfRegistration(db: Knex, eventId: number, userId: number): Promise<RegistrationRow | undefined> {
  return db<RegistrationRow>('event_registrations').where({ event_id: eventId, self_key: userId }).first();
}

export async function findPrescription(db: Knex, eventId: number, email: string): Promise<RegistrationRow | undefined> {
  return db<RegistrationRow>('event_registrations').where({ event_id: eventId, prescription_key: email.toLowerCase() }).first();
}

export async function findRegistration(db: Knex, id: number): Promise<RegistrationRow | undefined> {
  return db<RegistrationRow>('event_registrations').where({ id }).first();
}

export async function insertRegistration(
  db: Knex,
  r: Pick<RegistrationRow, 'event_id' | 'list' | 'status' | 'user_id' | 'name' | 'email'>,
): Promise<RegistrationRow> {
  const [row] = await db('event_registrations')
    .insert({
      ...r,
      self_key: r.list === 'member' ? r.user_id : null,
      prescription_key: r.list === 'prescription' ? r.email!.toLowerCase() : null,
      created_at: new Date(),
      promoted_at: null,
    })
    .returning('*');
  return row as RegistrationRow;
}

export async function deleteRegistration(db: Knex, id: number): Promise<void> {
  await db('event_registrations').where({ id }).del();
}

/** The first on a list's waiting list (order of arrival). */
export async function firstWaitlisted(db: Knex, eventId: number, list: RegistrationList): Promise<RegistrationRow | undefined> {
  return db<RegistrationRow>('event_registrations').where({ event_id: eventId, list, status: 'waitlisted' }).orderBy('id').first();
}

export async function promote(db: Knex, id: number): Promise<RegistrationRow> {
  const [row] = await db('event_registrations').where({ id }).update({ status: 'registered', promoted_at: new Date() }).returning('*');
  return row as RegistrationRow;
}

/** Everyone on an event's lists (registered first, then the waiting list), with identities, for organisers. */
export async function registrationsOf(db: Knex, eventId: number): Promise<RegistrationView[]> {
  return db('event_registrations as r')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .where('r.event_id', eventId)
    .select(
      'r.*',
      'u.username as u_username',
      'u.first_name as u_first_name',
      'u.last_name as u_last_name',
      'u.email as u_email',
      'u.employer as u_employer',
    )
    .orderByRaw("case r.list when 'member' then 0 else 1 end, case r.status when 'registered' then 0 else 1 end, r.id");
}

/** The prescription registrations a professional made for an event. */
export async function prescriptionsBy(db: Knex, eventId: number, userId: number): Promise<RegistrationRow[]> {
  return db<RegistrationRow>('event_registrations').where({ event_id: eventId, list: 'prescription', user_id: userId }).orderBy('id');
}

/** Every registration of an event, both lists, in order of arrival. */
export async function allRegistrationsOf(db: Knex, eventId: number): Promise<RegistrationRow[]> {
  return db<RegistrationRow>('event_registrations').where({ event_id: eventId }).orderBy('id');
}
