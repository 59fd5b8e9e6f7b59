import type { Knex } from 'knex';
import { hotRows, isPostgres, rawRows } from '../database';
import type { UserRow } from './users';

// Contacts: people who share a non-national channel with me (group, departmental,
// thematic, direct, hotline). Everyone is in the national channel, so it does not count.

/** The ids of the channels whose members are my contacts (a knex builder, usable as a subquery). */
export function nonNationalChannelIdsQuery(db: Knex, userId: number): Knex.QueryBuilder {
  return db('channel_members as m')
    .join('channels as c', 'c.id', 'm.channel_id')
    .where('m.user_id', userId)
    .whereNot('c.kind', 'national')
    .select('m.channel_id');
}

/** The channels of mine that are not national: the rooms where my presence is announced. */
export async function nonNationalChannelIdsOf(db: Knex, userId: number): Promise<number[]> {
  // Every arrival and departure runs it: written once, the same query as nonNationalChannelIdsQuery.
  const rows = await rawRows<{ channel_id: number }>(db, NON_NATIONAL_CHANNEL_IDS_SQL, [userId]);
  return rows.map((r) => Number(r.channel_id));
}

const NON_NATIONAL_CHANNEL_IDS_SQL = `SELECT m.channel_id FROM channel_members m JOIN channels c ON c.id = m.channel_id
  WHERE m.user_id = ? AND c.kind <> 'national'`;

/** The ids of my contacts (never myself), as a knex subquery. */
export function contactIdsQuery(db: Knex, userId: number): Knex.QueryBuilder {
  return db('channel_members')
    .whereIn('channel_id', nonNationalChannelIdsQuery(db, userId))
    .whereNot('user_id', userId)
    .distinct('user_id');
}

/** My contacts' ids; with `among`, only those of that list. */
export async function contactIdsOf(db: Knex, userId: number, among?: number[]): Promise<number[]> {
  if (among && !among.length) return [];
  const query = contactIdsQuery(db, userId);
  if (among) query.whereIn('user_id', among);
  const rows: { user_id: number }[] = await query;
  return rows.map((r) => Number(r.user_id));
}

/** True when the two users share a non-national channel. */
export async function areContacts(db: Knex, a: number, b: number): Promise<boolean> {
  if (a === b) return false;
  return (await contactIdsOf(db, a, [b])).length > 0;
}

/** My active contacts as user rows. */
export async function listContacts(db: Knex, userId: number): Promise<UserRow[]> {
  return db<UserRow>('users').whereIn('id', contactIdsQuery(db, userId)).where('status', 'active');
}

/** Id, account status and last-seen time of the given users (for presence answers). */
export async function presenceRowsOf(db: Knex, userIds: number[]): Promise<Pick<UserRow, 'id' | 'status' | 'last_seen_at'>[]> {
  if (!userIds.length) return [];
  return db<UserRow>('users').whereIn('id', userIds).select('id', 'status', 'last_seen_at');
}

/**
 * The presence rows of `userIds` and whether each is a contact of `viewerId`, in one statement (every
 * `presence:subscribe` runs it: the morning login burst pays it once per arrival).
 */
export async function presenceRowsForViewer(
  db: Knex,
  viewerId: number,
  userIds: number[],
): Promise<(Pick<UserRow, 'id' | 'status' | 'last_seen_at'> & { contact: boolean })[]> {
  if (!userIds.length) return [];
  // One text whatever the number of users (a prepared statement on SQLite): the ids as a JSON array or an array.
  const pg = isPostgres(db);
  const rows = await hotRows<Pick<UserRow, 'id' | 'status' | 'last_seen_at'> & { contact: number | string | boolean }>(
    db,
    `SELECT u.id, u.status, u.last_seen_at,
       CASE WHEN u.id <> ? AND EXISTS (
         SELECT 1 FROM channel_members cm
         JOIN channel_members mine ON mine.channel_id = cm.channel_id AND mine.user_id = ?
         JOIN channels c ON c.id = cm.channel_id AND c.kind <> 'national'
         WHERE cm.user_id = u.id) THEN 1 ELSE 0 END AS contact
     FROM users u WHERE ${pg ? 'u.id = ANY(?::int[])' : 'u.id IN (SELECT value FROM json_each(?))'}`,
    [viewerId, viewerId, pg ? userIds : JSON.stringify(userIds)],
  );
  return rows.map((r) => ({ id: Number(r.id), status: r.status, last_seen_at: r.last_seen_at, contact: Number(r.contact) === 1 }));
}

/** Records when users were last seen (when they go offline); leaves `updated_at` alone. */
export async function recordLastSeen(db: Knex, userIds: number[], at: Date): Promise<void> {
  if (userIds.length) await db('users').whereIn('id', userIds).update({ last_seen_at: at });
}
