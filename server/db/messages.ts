import type { Knex } from 'knex';

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

export async function insertMessage(trx: Knex, m: Omit<MessageRow, 'id' | 'edited_at' | 'deleted_at' | 'pinned_at' | 'pinned_by'>): Promise<number> {
  const [row] = await trx('messages').insert(m).returning('id');
  return (row as { id: number }).id;
}

export async function updateMessage(db: Knex, id: number, changes: Partial<MessageRow>): Promise<void> {
  await db('messages').where({ id }).update(changes);
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
  const q = withAuthor(db).where('msg.channel_id', channelId).limit(opts.limit);
  if (opts.memberId !== undefined) {
    q.whereExists(db('channel_members as cm').where({ 'cm.channel_id': channelId, 'cm.user_id': opts.memberId }).select(db.raw('1')));
  }
  if (opts.afterSeq !== undefined) return q.where('msg.seq', '>', opts.afterSeq).orderBy('msg.seq', 'asc');
  if (opts.beforeSeq !== undefined) q.where('msg.seq', '<', opts.beforeSeq);
  const rows = await q.orderBy('msg.seq', 'desc');
  return rows.reverse();
}

export async function pinnedMessages(db: Knex, channelId: number): Promise<MessageWithAuthor[]> {
  return withAuthor(db).where('msg.channel_id', channelId).whereNotNull('msg.pinned_at').whereNull('msg.deleted_at').orderBy('msg.pinned_at', 'desc');
}

export async function insertMentions(trx: Knex, rows: { message_id: number; user_id: number; channel_id: number; seq: number }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await trx('message_mentions').insert(rows.slice(i, i + 200));
}
