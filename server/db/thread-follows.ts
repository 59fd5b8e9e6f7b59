import type { Knex } from 'knex';
import { isPostgres, rawRows } from '../database';

/**
 * After replies are stored: each replier follows the thread, read up to their reply (a reply
 * follows again a thread one had stopped following), and the root's author follows it unless they
 * chose not to. Two statements whatever the number of replies.
 */
export async function followOnReplies(trx: Knex, replies: { rootId: number; replierId: number; replyId: number }[]): Promise<void> {
  const now = new Date();
  const last = new Map<string, { user_id: number; root_id: number; following: boolean; last_read_id: number; updated_at: Date }>();
  for (const r of replies)
    last.set(`${r.replierId}:${r.rootId}`, {
      user_id: r.replierId,
      root_id: r.rootId,
      following: true,
      last_read_id: r.replyId,
      updated_at: now,
    });
  await trx('thread_follows')
    .insert([...last.values()])
    .onConflict(['user_id', 'root_id'])
    .merge(['following', 'last_read_id', 'updated_at']);
  const roots = (await trx('messages')
    .whereIn('id', [...new Set(replies.map((r) => r.rootId))])
    .select('id', 'author_id')) as { id: number; author_id: number }[];
  const authors = roots.filter((r) => !last.has(`${r.author_id}:${r.id}`));
  if (authors.length)
    await trx('thread_follows')
      .insert(authors.map((r) => ({ user_id: r.author_id, root_id: r.id, following: true, last_read_id: 0, updated_at: now })))
      .onConflict(['user_id', 'root_id'])
      .ignore();
}

/** Follows or stops following a thread (keeps what was read). */
export async function setFollowing(db: Knex, userId: number, rootId: number, following: boolean): Promise<void> {
  await db('thread_follows')
    .insert({ user_id: userId, root_id: rootId, following, last_read_id: 0, updated_at: new Date() })
    .onConflict(['user_id', 'root_id'])
    .merge(['following', 'updated_at']);
}

/** Marks a thread read up to its last reply (a row is made if needed, not following). */
export async function markThreadRead(db: Knex, userId: number, rootId: number): Promise<void> {
  const row = (await db('messages').where({ reply_to_id: rootId }).max({ m: 'id' }).first()) as { m: number | null } | undefined;
  const lastId = Number(row?.m ?? 0);
  const updated = await db('thread_follows').where({ user_id: userId, root_id: rootId }).update({ last_read_id: lastId });
  if (!updated)
    await db('thread_follows')
      .insert({ user_id: userId, root_id: rootId, following: false, last_read_id: lastId, updated_at: new Date() })
      .onConflict(['user_id', 'root_id'])
      .ignore();
}

export async function isFollowing(db: Knex, userId: number, rootId: number): Promise<boolean> {
  const row = await db('thread_follows').where({ user_id: userId, root_id: rootId }).first('following');
  return !!row?.following;
}

/** A followed thread with its counts, as "Fils suivis" lists it. */
export interface FollowedThreadRow {
  root_id: number;
  channel_id: number;
  reply_count: number | string;
  unread: number | string;
  last_at: Date | number | string | null;
}

/**
 * The threads a person follows in channels they are still in, roots not deleted, the most recently
 * answered first: how many replies, how many from others after the last one they read.
 */
export async function followedThreads(db: Knex, userId: number, limit = 50): Promise<FollowedThreadRow[]> {
  const yes = isPostgres(db) ? 'true' : '1';
  return rawRows<FollowedThreadRow>(
    db,
    `SELECT * FROM (SELECT f.root_id, root.channel_id, root.created_at AS root_at,
       (SELECT count(*) FROM messages r WHERE r.reply_to_id = f.root_id AND r.deleted_at IS NULL) AS reply_count,
       (SELECT count(*) FROM messages r WHERE r.reply_to_id = f.root_id AND r.deleted_at IS NULL
          AND r.id > f.last_read_id AND r.author_id <> f.user_id) AS unread,
       (SELECT max(r.created_at) FROM messages r WHERE r.reply_to_id = f.root_id AND r.deleted_at IS NULL) AS last_at
     FROM thread_follows f
     JOIN messages root ON root.id = f.root_id AND root.deleted_at IS NULL
     JOIN channel_members cm ON cm.channel_id = root.channel_id AND cm.user_id = f.user_id
     WHERE f.user_id = ? AND f.following = ${yes}) t
     ORDER BY COALESCE(t.last_at, t.root_at) DESC, t.root_id DESC LIMIT ?`,
    [userId, limit],
  );
}
