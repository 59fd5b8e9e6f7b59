import type { Knex } from 'knex';
import type { MessageWithAuthor } from './messages';

/** The replies under each of these roots: how many, the last one's time (deleted replies left out). */
export async function threadCounts(db: Knex, rootIds: number[]): Promise<Map<number, { count: number; lastAt: Date | number }>> {
  if (!rootIds.length) return new Map();
  const rows = (await db('messages')
    .whereIn('reply_to_id', rootIds)
    .whereNull('deleted_at')
    .groupBy('reply_to_id')
    .select('reply_to_id')
    .count({ n: '*' })
    .max({ last_at: 'created_at' })) as { reply_to_id: number; n: number | string; last_at: Date | number }[];
  return new Map(rows.map((r) => [Number(r.reply_to_id), { count: Number(r.n), lastAt: r.last_at }]));
}

/** The latest replies' authors under these roots, newest first (a few per root are kept by the caller). */
export async function latestRepliers(
  db: Knex,
  rootIds: number[],
  perRootScan = 30,
): Promise<{ reply_to_id: number; author_id: number; first_name: string; last_name: string }[]> {
  if (!rootIds.length) return [];
  return db('messages as m')
    .join('users as u', 'u.id', 'm.author_id')
    .whereIn('m.reply_to_id', rootIds)
    .whereNull('m.deleted_at')
    .orderBy('m.id', 'desc')
    .limit(rootIds.length * perRootScan)
    .select('m.reply_to_id', 'm.author_id', 'u.first_name', 'u.last_name');
}

/** The replies under a root, oldest first (at most `limit`, the latest ones). */
export async function repliesOf(db: Knex, rootId: number, limit = 200): Promise<MessageWithAuthor[]> {
  const rows = await db('messages as msg')
    .join('users as au', 'au.id', 'msg.author_id')
    .where('msg.reply_to_id', rootId)
    .orderBy('msg.id', 'desc')
    .limit(limit)
    .select('msg.*', 'au.username as author_username', 'au.first_name as author_first_name', 'au.last_name as author_last_name');
  return (rows as MessageWithAuthor[]).reverse();
}

/** These messages with their authors, by id. */
export async function messagesByIds(db: Knex, ids: number[]): Promise<MessageWithAuthor[]> {
  if (!ids.length) return [];
  return db('messages as msg')
    .join('users as au', 'au.id', 'msg.author_id')
    .whereIn('msg.id', ids)
    .select('msg.*', 'au.username as author_username', 'au.first_name as author_first_name', 'au.last_name as author_last_name');
}
