import type { Knex } from 'knex';
import { isPostgres } from '../database';
import type { ChannelRow } from './channels';
import type { MessageRow, MessageWithAuthor } from './messages';

/**
 * The statements of a batch of sends, each one statement for the whole batch
 * whatever its size: with knex and node-sqlite3 a statement costs ~170 µs of
 * the main thread, so the write path's cost is per batch, not per message
 * (see docs/performance.md).
 */

export type ChannelUser = { channelId: number; userId: number };
type NewMessage = Omit<MessageRow, 'id' | 'edited_at' | 'deleted_at' | 'pinned_at' | 'pinned_by'>;

/** `(a = ? AND b = ?) OR …` over pairs (no row values: PostgreSQL cannot type untyped VALUES parameters). */
function wherePairs(q: Knex.QueryBuilder, pairs: [string, string], values: [number | string, number | string][]) {
  if (!values.length) return q.whereRaw('1 = 0');
  return q.where((w) => {
    for (const [a, b] of values) w.orWhere((o) => o.where(pairs[0], a).andWhere(pairs[1], b));
  });
}

/** The channels, by id, that each (channel, user) pair reaches through a membership (absent: not a member). */
export async function channelsOfMembers(db: Knex, pairs: ChannelUser[]): Promise<Map<string, ChannelRow>> {
  const rows = await wherePairs(
    db('channels as c').join('channel_members as m', 'm.channel_id', 'c.id'),
    ['c.id', 'm.user_id'],
    pairs.map((p) => [p.channelId, p.userId]),
  ).select('c.*', 'm.user_id as m_user_id');
  const found = new Map<string, ChannelRow>();
  for (const { m_user_id, ...channel } of rows as (ChannelRow & { m_user_id: number })[]) found.set(`${channel.id}:${m_user_id}`, channel);
  return found;
}

/** Messages already stored under these (author, clientMsgId) keys, keyed `author:clientMsgId`. */
export async function messagesByClientIds(db: Knex, keys: [number, string][]): Promise<Map<string, MessageWithAuthor>> {
  const rows = (await wherePairs(
    db('messages as msg').join('users as au', 'au.id', 'msg.author_id'),
    ['msg.author_id', 'msg.client_msg_id'],
    keys,
  ).select('msg.*', 'au.username as author_username', 'au.first_name as author_first_name', 'au.last_name as author_last_name')) as MessageWithAuthor[];
  return new Map(rows.map((r) => [`${r.author_id}:${r.client_msg_id}`, r]));
}

/** The channel of each of these messages (to check that a reply stays in its channel). */
export async function channelOfMessages(db: Knex, ids: number[]): Promise<Map<number, number>> {
  const rows = (await db('messages').whereIn('id', ids).select('id', 'channel_id')) as { id: number; channel_id: number }[];
  return new Map(rows.map((r) => [Number(r.id), Number(r.channel_id)]));
}

/**
 * Reserves `count` seqs in each channel in one UPDATE; returns the channel's
 * last seq after it (the reserved ones end there). On PostgreSQL the rows are
 * locked in id order first, so two nodes never deadlock; SQLite has one writer.
 */
export async function reserveSeqs(trx: Knex.Transaction, counts: Map<number, number>): Promise<Map<number, number>> {
  const ids = [...counts.keys()].sort((a, b) => a - b);
  const cases = ids.map(() => 'WHEN ? THEN CAST(? AS INTEGER)').join(' ');
  const marks = ids.map(() => '?').join(', ');
  const target = isPostgres(trx) ? `SELECT id FROM channels WHERE id IN (${marks}) ORDER BY id FOR UPDATE` : marks;
  const result = await trx.raw(
    `UPDATE channels SET last_seq = last_seq + CASE id ${cases} END WHERE id IN (${target}) RETURNING id, last_seq`,
    [...ids.flatMap((id) => [id, counts.get(id)!]), ...ids],
  );
  const rows = (Array.isArray(result) ? result : result.rows) as { id: number; last_seq: number }[];
  return new Map(rows.map((r) => [Number(r.id), Number(r.last_seq)]));
}

/** Inserts the messages in one statement; returns the stored rows keyed `author:clientMsgId`. */
export async function insertMessageRows(trx: Knex.Transaction, messages: NewMessage[]): Promise<Map<string, MessageRow>> {
  const stored = new Map<string, MessageRow>();
  // 7 columns a row: 100 rows stay far below SQLite's limit of bound parameters.
  for (let i = 0; i < messages.length; i += 100) {
    const rows = (await trx('messages').insert(messages.slice(i, i + 100)).returning('*')) as MessageRow[];
    for (const r of rows) stored.set(`${r.author_id}:${r.client_msg_id}`, r);
  }
  return stored;
}

/** Raises each (channel, user) read marker to its seq, never lowering one, in one UPDATE. */
export async function raiseReadMarkers(trx: Knex.Transaction, markers: (ChannelUser & { seq: number })[]): Promise<void> {
  if (!markers.length) return;
  const greatest = isPostgres(trx) ? 'greatest' : 'max';
  const cases = markers.map(() => 'WHEN channel_id = ? AND user_id = ? THEN CAST(? AS INTEGER)').join(' ');
  const where = markers.map(() => '(channel_id = ? AND user_id = ?)').join(' OR ');
  await trx.raw(`UPDATE channel_members SET last_read_seq = ${greatest}(last_read_seq, CASE ${cases} ELSE last_read_seq END) WHERE ${where}`, [
    ...markers.flatMap((m) => [m.channelId, m.userId, m.seq]),
    ...markers.flatMap((m) => [m.channelId, m.userId]),
  ]);
}
