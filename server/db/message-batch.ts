import type { Knex } from 'knex';
import { hotRows, isPostgres, rawRows, valuesTable } from '../database';
import type { ChannelRow, ChannelUser } from './channels';
import { AUTHOR_COLUMNS, type MessageRow, type MessageWithAuthor } from './messages';

/**
 * The statements of a batch of sends, each one statement for the whole batch
 * whatever its size: with knex and node-sqlite3 a statement costs ~170 µs of
 * the main thread, so the write path's cost is per batch, not per message
 * (see docs/performance.md).
 *
 * On SQLite each binds its rows as one JSON array (`json_each`), so its text is
 * the same whatever the batch's size and it runs as a statement prepared once
 * per connection (`hotRows`: one trip to the thread pool instead of three).
 * PostgreSQL keeps `VALUES` lists through knex.
 */
const jsonRows = (rows: unknown[][]): string => JSON.stringify(rows);

type NewMessage = Omit<MessageRow, 'id' | 'edited_at' | 'deleted_at' | 'pinned_at' | 'pinned_by'>;

/** The channels, keyed `channel:user`, that each (channel, user) pair reaches through a membership (absent: not a member). */
export async function channelsOfMembers(db: Knex, pairs: ChannelUser[]): Promise<Map<string, ChannelRow>> {
  const keys = pairs.map((p) => [p.channelId, p.userId]);
  const joined = `JOIN channels c ON c.id = m.channel_id`;
  let rows: (ChannelRow & { m_user_id: number })[];
  if (isPostgres(db)) {
    const v = valuesTable(keys);
    rows = await rawRows(
      db,
      `SELECT c.*, m.user_id AS m_user_id FROM ${v.sql} JOIN channel_members m ON m.channel_id = v.column1 AND m.user_id = v.column2 ${joined}`,
      v.bindings,
    );
  } else {
    rows = await hotRows(
      db,
      `SELECT c.*, m.user_id AS m_user_id FROM json_each(?) v
       JOIN channel_members m ON m.channel_id = (v.value ->> 0) AND m.user_id = (v.value ->> 1) ${joined}`,
      [jsonRows(keys)],
    );
  }
  const found = new Map<string, ChannelRow>();
  for (const { m_user_id, ...channel } of rows) found.set(`${channel.id}:${m_user_id}`, channel);
  return found;
}

/** Messages already stored under these (author, clientMsgId) keys, keyed `author:clientMsgId`. */
export async function messagesByClientIds(db: Knex, keys: [number, string][]): Promise<Map<string, MessageWithAuthor>> {
  let rows: MessageWithAuthor[];
  if (isPostgres(db)) {
    const v = valuesTable(keys);
    rows = await rawRows(
      db,
      `SELECT msg.*, ${AUTHOR_COLUMNS}
       FROM ${v.sql} JOIN messages msg ON msg.author_id = v.column1 AND msg.client_msg_id = v.column2 JOIN users au ON au.id = msg.author_id`,
      v.bindings,
    );
  } else {
    rows = await hotRows(
      db,
      `SELECT msg.*, ${AUTHOR_COLUMNS} FROM json_each(?) v
       JOIN messages msg ON msg.author_id = (v.value ->> 0) AND msg.client_msg_id = (v.value ->> 1) JOIN users au ON au.id = msg.author_id`,
      [jsonRows(keys)],
    );
  }
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
  let rows: { id: number; last_seq: number }[];
  if (isPostgres(trx)) {
    const cases = ids.map(() => 'WHEN ? THEN CAST(? AS INTEGER)').join(' ');
    const marks = ids.map(() => '?').join(', ');
    rows = await rawRows(
      trx,
      `UPDATE channels SET last_seq = last_seq + CASE id ${cases} END
       WHERE id IN (SELECT id FROM channels WHERE id IN (${marks}) ORDER BY id FOR UPDATE) RETURNING id, last_seq`,
      [...ids.flatMap((id) => [id, counts.get(id)!]), ...ids],
    );
  } else {
    const reserved = jsonRows(ids.map((id) => [id, counts.get(id)!]));
    rows = await hotRows(
      trx,
      `UPDATE channels SET last_seq = last_seq + (SELECT v.value ->> 1 FROM json_each(?) v WHERE (v.value ->> 0) = channels.id)
       WHERE id IN (SELECT value ->> 0 FROM json_each(?)) RETURNING id, last_seq`,
      [reserved, reserved],
    );
  }
  return new Map(rows.map((r) => [Number(r.id), Number(r.last_seq)]));
}

/** Inserts the messages in one statement; returns the stored rows keyed `author:clientMsgId`. */
export async function insertMessageRows(trx: Knex.Transaction, messages: NewMessage[]): Promise<Map<string, MessageRow>> {
  const stored = new Map<string, MessageRow>();
  if (!isPostgres(trx)) {
    // Times as milliseconds, as node-sqlite3 binds a Date (the column's affinity stores both as the same integer).
    const rows = await hotRows<MessageRow>(
      trx,
      `INSERT INTO messages (channel_id, seq, author_id, client_msg_id, body, reply_to_id, thread_only, created_at)
       SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7 FROM json_each(?) RETURNING *`,
      [
        jsonRows(
          messages.map((m) => [
            m.channel_id,
            m.seq,
            m.author_id,
            m.client_msg_id,
            m.body,
            m.reply_to_id,
            m.thread_only ? 1 : 0,
            new Date(m.created_at).getTime(),
          ]),
        ),
      ],
    );
    for (const r of rows) stored.set(`${r.author_id}:${r.client_msg_id}`, r);
    return stored;
  }
  // 8 parameters a row: 100 rows stay far below PostgreSQL's limit of bound parameters.
  for (let i = 0; i < messages.length; i += 100) {
    const chunk = messages.slice(i, i + 100);
    const rows = await rawRows<MessageRow>(
      trx,
      `INSERT INTO messages (channel_id, seq, author_id, client_msg_id, body, reply_to_id, thread_only, created_at) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')} RETURNING *`,
      chunk.flatMap((m) => [m.channel_id, m.seq, m.author_id, m.client_msg_id, m.body, m.reply_to_id, !!m.thread_only, m.created_at]),
    );
    for (const r of rows) stored.set(`${r.author_id}:${r.client_msg_id}`, r);
  }
  return stored;
}

/** Raises each (channel, user) read marker to its seq, never lowering one, in one UPDATE. */
export async function raiseReadMarkers(trx: Knex.Transaction, markers: (ChannelUser & { seq: number })[]): Promise<void> {
  if (!markers.length) return;
  const rows = markers.map((m) => [m.channelId, m.userId, m.seq]);
  if (!isPostgres(trx)) {
    await hotRows(
      trx,
      `UPDATE channel_members SET last_read_seq = max(channel_members.last_read_seq, v.value ->> 2) FROM json_each(?) v
       WHERE channel_members.channel_id = (v.value ->> 0) AND channel_members.user_id = (v.value ->> 1)`,
      [jsonRows(rows)],
    );
    return;
  }
  const v = valuesTable(rows);
  await trx.raw(
    `UPDATE channel_members SET last_read_seq = greatest(channel_members.last_read_seq, v.column3) FROM ${v.sql}
     WHERE channel_members.channel_id = v.column1 AND channel_members.user_id = v.column2`,
    v.bindings,
  );
}
