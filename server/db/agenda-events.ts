import type { Knex } from 'knex';

export interface EventRow {
  id: number;
  group_id: number;
  created_by: number | null;
  title: string;
  description: string | null;
  starts_at: Date | number;
  ends_at: Date | number;
  location: string | null;
  video_url: string | null;
  capacity: number | null;
  waitlist: boolean | number;
  prescription_capacity: number | null;
  registration_deadline: Date | number | null;
  cancelled_at: Date | number | null;
  cancel_reason: string | null;
  created_at: Date | number;
  updated_at: Date | number;
}

/** An event with its group's name and channel, and its creator's name. */
export type EventView = EventRow & {
  g_name: string;
  g_channel_id: number | null;
  g_visibility: string;
  c_username: string | null;
  c_first_name: string | null;
  c_last_name: string | null;
};

export type NewEvent = Omit<EventRow, 'id' | 'created_at' | 'updated_at' | 'cancelled_at' | 'cancel_reason'>;

const viewQuery = (db: Knex) =>
  db('events as e')
    .join('groups as g', 'g.id', 'e.group_id')
    .leftJoin('users as c', 'c.id', 'e.created_by')
    .select(
      'e.*',
      'g.name as g_name',
      'g.channel_id as g_channel_id',
      'g.visibility as g_visibility',
      'c.username as c_username',
      'c.first_name as c_first_name',
      'c.last_name as c_last_name',
    );

export async function findEvent(db: Knex, id: number): Promise<EventView | undefined> {
  return viewQuery(db).where('e.id', id).first();
}

/**
 * Reads the event row and, on PostgreSQL, locks it until the transaction ends:
 * every registration change of an event runs behind this lock, so counting the
 * places and taking one cannot interleave. (SQLite has one writer and knex one
 * connection: transactions run one after the other already.)
 */
export async function lockEvent(trx: Knex.Transaction, id: number): Promise<EventRow | undefined> {
  const q = trx<EventRow>('events').where({ id });
  if (trx.client.config.client === 'pg') q.forUpdate();
  return q.first();
}

export async function insertEvent(db: Knex, e: NewEvent): Promise<number> {
  const now = new Date();
  const [row] = await db('events')
    .insert({ ...e, created_at: now, updated_at: now })
    .returning('id');
  return Number(typeof row === 'object' ? row.id : row);
}

export async function updateEvent(db: Knex, id: number, changes: Partial<EventRow>): Promise<void> {
  await db('events')
    .where({ id })
    .update({ ...changes, updated_at: new Date() });
}

export interface EventRange {
  from: Date;
  to: Date;
}

/** Events overlapping [from, to), ordered by start. */
function inRange(q: Knex.QueryBuilder, r: EventRange): Knex.QueryBuilder {
  return q.where('e.starts_at', '<', r.to).where('e.ends_at', '>', r.from).orderBy('e.starts_at').orderBy('e.id');
}

/** My calendar: events of the groups I am a full member of, and events I am invited to. */
export async function myEvents(db: Knex, userId: number, r: EventRange, limit: number): Promise<EventView[]> {
  const q = viewQuery(db)
    .where((w) =>
      w
        .whereIn('e.group_id', db('group_members').where({ user_id: userId, status: 'member' }).select('group_id'))
        .orWhereIn('e.id', db('event_invitations').where({ user_id: userId }).select('event_id')),
    )
    .limit(limit);
  return inRange(q, r);
}

/** One group's events. */
export async function groupEvents(db: Knex, groupId: number, r: EventRange, limit: number): Promise<EventView[]> {
  return inRange(viewQuery(db).where('e.group_id', groupId).limit(limit), r);
}

export async function isInvited(db: Knex, eventId: number, userId: number): Promise<boolean> {
  return !!(await db('event_invitations').where({ event_id: eventId, user_id: userId }).first());
}

/** Of these events, the ones the user is invited to. */
export async function invitedAmong(db: Knex, userId: number, eventIds: number[]): Promise<Set<number>> {
  if (!eventIds.length) return new Set();
  const rows = await db('event_invitations').where({ user_id: userId }).whereIn('event_id', eventIds).select('event_id');
  return new Set(rows.map((r: { event_id: number }) => r.event_id));
}

/** Adds invitations; answers the users who were not invited yet. */
export async function insertInvitations(db: Knex, eventId: number, userIds: number[], invitedBy: number): Promise<number[]> {
  const added: number[] = [];
  for (const userId of userIds) {
    const rows = await db('event_invitations')
      .insert({ event_id: eventId, user_id: userId, invited_by: invitedBy, created_at: new Date() })
      .onConflict(['event_id', 'user_id'])
      .ignore()
      .returning('user_id');
    if (rows.length) added.push(userId);
  }
  return added;
}

export async function invitedUserIds(db: Knex, eventId: number): Promise<number[]> {
  const rows = await db('event_invitations').where({ event_id: eventId }).select('user_id');
  return rows.map((r: { user_id: number }) => r.user_id);
}
