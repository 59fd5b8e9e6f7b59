import type { Knex } from 'knex';
import { rawRows } from '../database';

export interface MessageRow {
  id: number;
  channel_id: number;
  seq: number;
  author_id: number;
  client_msg_id: string;
  body: string;
  reply_to_id: number | null;
  created_at: Date | number;
  edited_at: Date | number | null;
  deleted_at: Date | number | null;
  pinned_at: Date | number | null;
  pinned_by: number | null;
  /** A reply kept in its thread (SQLite answers 0/1). */
  thread_only?: boolean | number;
}

/** A message with its author's names joined (what presenters need). */
export type MessageWithAuthor = MessageRow & { author_username: string; author_first_name: string; author_last_name: string };

const withAuthor = (db: Knex) =>
  db('messages as msg')
    .join('users as au', 'au.id', 'msg.author_id')
    .select('msg.*', 'au.username as author_username', 'au.first_name as author_first_name', 'au.last_name as author_last_name');

export async function findMessage(db: Knex, id: number): Promise<MessageWithAuthor | undefined> {
  return withAuthor(db).where('msg.id', id).first();
}

export async function findByClientMsgId(db: Knex, authorId: number, clientMsgId: string): Promise<MessageWithAuthor | undefined> {
  return withAuthor(db).where({ 'msg.author_id': authorId, 'msg.client_msg_id': clientMsgId }).first();
}

/**
 * Takes the next seq of a channel. The UPDATE locks the channel row until the
 * transaction ends (PostgreSQL) or runs under SQLite's single writer, so seqs
 * are gap-free and follow commit order even with concurrent writers.
 */
export async function nextSeq(trx: Knex.Transaction, channelId: number): Promise<number> {
  const [row] = await trx('channels').where({ id: channelId }).increment('last_seq', 1).returning('last_seq');
  return Number((row as { last_seq: number }).last_seq);
}

export async function insertMessage(
  trx: Knex,
  m: Omit<MessageRow, 'id' | 'edited_at' | 'deleted_at' | 'pinned_at' | 'pinned_by'>,
): Promise<number> {
  const [row] = await trx('messages').insert(m).returning('id');
  return (row as { id: number }).id;
}

export async function updateMessage(db: Knex, id: number, changes: Partial<MessageRow>): Promise<void> {
  await db('messages').where({ id }).update(changes);
}

/** The author's names a presenter needs, joined as `au` (raw statements). */
export const AUTHOR_COLUMNS = 'au.username AS author_username, au.first_name AS author_first_name, au.last_name AS author_last_name';

type PageKind = 'after' | 'before' | 'latest';
const pageSql = new Map<string, string>();

/** The page statement of each shape, written once: it runs on every history request and every sync. */
function pageStatement(kind: PageKind, forMember: boolean): string {
  const key = `${kind}:${forMember}`;
  let sql = pageSql.get(key);
  if (!sql) {
    sql = `SELECT msg.*, ${AUTHOR_COLUMNS}
      FROM messages msg JOIN users au ON au.id = msg.author_id WHERE msg.channel_id = ?
      ${forMember ? 'AND EXISTS (SELECT 1 FROM channel_members cm WHERE cm.channel_id = ? AND cm.user_id = ?)' : ''}
      ${kind === 'after' ? 'AND msg.seq > ?' : kind === 'before' ? 'AND msg.seq < ?' : ''}
      ORDER BY msg.seq ${kind === 'after' ? 'ASC' : 'DESC'} LIMIT ?`;
    pageSql.set(key, sql);
  }
  return sql;
}

/**
 * A page of history, ascending by seq. With `memberId`, only if that user is a
 * member of the channel (else empty): the access check rides in the same statement.
 */
export async function messagePage(
  db: Knex,
  channelId: number,
  opts: { beforeSeq?: number; afterSeq?: number; limit: number; memberId?: number },
): Promise<MessageWithAuthor[]> {
  const kind: PageKind = opts.afterSeq !== undefined ? 'after' : opts.beforeSeq !== undefined ? 'before' : 'latest';
  const bindings: unknown[] = [channelId];
  if (opts.memberId !== undefined) bindings.push(channelId, opts.memberId);
  if (kind !== 'latest') bindings.push(kind === 'after' ? opts.afterSeq : opts.beforeSeq);
  bindings.push(opts.limit);
  const rows = await rawRows<MessageWithAuthor>(db, pageStatement(kind, opts.memberId !== undefined), bindings);
  return kind === 'after' ? rows : rows.reverse();
}

export async function pinnedMessages(db: Knex, channelId: number): Promise<MessageWithAuthor[]> {
  return withAuthor(db)
    .where('msg.channel_id', channelId)
    .whereNotNull('msg.pinned_at')
    .whereNull('msg.deleted_at')
    .orderBy('msg.pinned_at', 'desc');
}

export async function insertMentions(
  trx: Knex,
  rows: { message_id: number; user_id: number; channel_id: number; seq: number }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await trx('message_mentions').insert(rows.slice(i, i + 200));
}
