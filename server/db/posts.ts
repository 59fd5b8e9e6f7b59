import type { Knex } from 'knex';
import { myGroupIdsQuery } from './groups';

export type PostKind = 'article' | 'question' | 'document' | 'photo' | 'video' | 'link' | 'poll' | 'experience';
export type ReactionKind = 'like' | 'recommend';

export interface PostRow {
  id: number;
  group_id: number;
  author_id: number;
  kind: PostKind;
  title: string;
  body: string;
  link_url: string | null;
  created_at: Date | number;
  edited_at: Date | number | null;
}

/** A post with its author's and group's names, as list queries return it. */
export type PostWithPeople = PostRow & {
  a_username: string;
  a_first_name: string;
  a_last_name: string;
  a_avatar_sha256: string | null;
  g_name: string;
};

export interface AttachmentRow {
  id: number;
  group_id: number;
  post_id: number | null;
  uploader_id: number | null;
  sha256: string;
  filename: string;
  mime_type: string;
  size: number | string;
  is_image: boolean | number;
  created_at: Date | number;
}

export interface CommentRow {
  id: number;
  post_id: number;
  author_id: number;
  body: string;
  created_at: Date | number;
  edited_at: Date | number | null;
}

/** Posts joined with author and group names (a builder to filter further). */
function postsWithPeople(db: Knex): Knex.QueryBuilder {
  return db('posts as p')
    .join('users as a', 'a.id', 'p.author_id')
    .join('groups as g', 'g.id', 'p.group_id')
    .select(
      'p.*',
      'a.username as a_username',
      'a.first_name as a_first_name',
      'a.last_name as a_last_name',
      'a.avatar_sha256 as a_avatar_sha256',
      'g.name as g_name',
    );
}

/** Restricts a posts query (alias `p`) to what the viewer may see: addressed to one of their groups, or to them by name. */
export function whereVisibleTo(db: Knex, q: Knex.QueryBuilder, viewerId: number): Knex.QueryBuilder {
  return q.whereExists(
    db('post_audience as pa')
      .whereRaw('pa.post_id = p.id')
      .where((w) => w.where('pa.user_id', viewerId).orWhereIn('pa.group_id', myGroupIdsQuery(db, viewerId)))
      .select(db.raw('1')),
  );
}

export async function insertPost(db: Knex, p: Omit<PostRow, 'id' | 'created_at' | 'edited_at'>): Promise<PostRow> {
  const [row] = await db('posts')
    .insert({ ...p, created_at: new Date(), edited_at: null })
    .returning('*');
  return row as PostRow;
}

export async function findPost(db: Knex, id: number): Promise<PostWithPeople | undefined> {
  return postsWithPeople(db).where('p.id', id).first();
}

export async function canSeePost(db: Knex, viewerId: number, postId: number): Promise<boolean> {
  return !!(await whereVisibleTo(db, db('posts as p').where('p.id', postId).select('p.id'), viewerId).first());
}

/** Newest first, before an id: the posts addressed to a group, or my whole feed. */
export async function listPosts(
  db: Knex,
  s: { viewerId: number; groupId?: number; kind?: PostKind; beforeId?: number; limit: number },
): Promise<PostWithPeople[]> {
  const q = postsWithPeople(db).orderBy('p.id', 'desc').limit(s.limit);
  if (s.groupId) {
    q.whereExists(db('post_audience as pa').whereRaw('pa.post_id = p.id').where('pa.group_id', s.groupId).select(db.raw('1')));
  } else {
    whereVisibleTo(db, q, s.viewerId);
  }
  if (s.beforeId) q.where('p.id', '<', s.beforeId);
  if (s.kind) q.where('p.kind', s.kind);
  return q;
}

export async function insertAudience(db: Knex, postId: number, groupIds: number[], userIds: number[]): Promise<void> {
  const rows = [
    ...groupIds.map((group_id) => ({ post_id: postId, group_id, user_id: null })),
    ...userIds.map((user_id) => ({ post_id: postId, group_id: null, user_id })),
  ];
  if (rows.length) await db('post_audience').insert(rows);
}

/** Who a post is addressed to: groups (with their channels) and named users. */
export async function audienceOf(db: Knex, postId: number): Promise<{ groupIds: number[]; channelIds: number[]; userIds: number[] }> {
  const rows = (await db('post_audience as pa')
    .leftJoin('groups as g', 'g.id', 'pa.group_id')
    .where('pa.post_id', postId)
    .select('pa.group_id', 'pa.user_id', 'g.channel_id')) as {
    group_id: number | null;
    user_id: number | null;
    channel_id: number | null;
  }[];
  return {
    groupIds: rows.flatMap((r) => (r.group_id ? [r.group_id] : [])),
    channelIds: rows.flatMap((r) => (r.channel_id ? [r.channel_id] : [])),
    userIds: rows.flatMap((r) => (r.user_id ? [r.user_id] : [])),
  };
}

export async function attachmentsOf(db: Knex, postIds: number[]): Promise<AttachmentRow[]> {
  if (!postIds.length) return [];
  return db<AttachmentRow>('post_attachments').whereIn('post_id', postIds).orderBy('id');
}

export async function reactionCounts(db: Knex, postIds: number[]): Promise<{ post_id: number; kind: string; n: number | string }[]> {
  if (!postIds.length) return [];
  return db('reactions').whereIn('post_id', postIds).groupBy('post_id', 'kind').select('post_id', 'kind').count({ n: '*' }) as never;
}

export async function reactionsBy(db: Knex, userId: number, postIds: number[]): Promise<{ post_id: number; kind: string }[]> {
  if (!postIds.length) return [];
  return db('reactions').where('user_id', userId).whereIn('post_id', postIds).select('post_id', 'kind');
}

export async function commentCounts(db: Knex, postIds: number[]): Promise<{ post_id: number; n: number | string }[]> {
  if (!postIds.length) return [];
  return db('comments').whereIn('post_id', postIds).groupBy('post_id').select('post_id').count({ n: '*' }) as never;
}

/** Adds or removes my reaction of that kind; answers whether it is now set. */
export async function toggleReaction(db: Knex, postId: number, userId: number, kind: ReactionKind): Promise<boolean> {
  const removed = await db('reactions').where({ post_id: postId, user_id: userId, kind }).del();
  if (removed) return false;
  await db('reactions')
    .insert({ post_id: postId, user_id: userId, kind, created_at: new Date() })
    .onConflict(['post_id', 'user_id', 'kind'])
    .ignore();
  return true;
}

/** Who reacted to a post, oldest first. */
export async function reactorsOf(db: Knex, postId: number) {
  return db('reactions as r')
    .join('users as u', 'u.id', 'r.user_id')
    .where('r.post_id', postId)
    .orderBy('r.created_at')
    .select('r.kind', 'r.created_at', 'u.id', 'u.username', 'u.first_name', 'u.last_name') as Promise<
    { kind: ReactionKind; created_at: Date | number; id: number; username: string; first_name: string; last_name: string }[]
  >;
}

export type CommentWithAuthor = CommentRow & {
  a_username: string;
  a_first_name: string;
  a_last_name: string;
  a_avatar_sha256: string | null;
};

function commentsWithAuthor(db: Knex): Knex.QueryBuilder {
  return db('comments as c')
    .join('users as a', 'a.id', 'c.author_id')
    .select(
      'c.*',
      'a.username as a_username',
      'a.first_name as a_first_name',
      'a.last_name as a_last_name',
      'a.avatar_sha256 as a_avatar_sha256',
    );
}

export async function listComments(db: Knex, postId: number): Promise<CommentWithAuthor[]> {
  return commentsWithAuthor(db).where('c.post_id', postId).orderBy('c.id');
}

export async function findComment(db: Knex, id: number): Promise<CommentWithAuthor | undefined> {
  return commentsWithAuthor(db).where('c.id', id).first();
}

export async function insertComment(db: Knex, postId: number, authorId: number, body: string): Promise<number> {
  const [row] = await db('comments')
    .insert({ post_id: postId, author_id: authorId, body, created_at: new Date(), edited_at: null })
    .returning('id');
  return Number(typeof row === 'object' ? row.id : row);
}

export async function insertAttachment(
  db: Knex,
  a: Omit<AttachmentRow, 'id' | 'created_at' | 'post_id' | 'is_image'>,
): Promise<AttachmentRow> {
  const [row] = await db('post_attachments')
    .insert({ ...a, post_id: null, is_image: false, created_at: new Date() })
    .returning('*');
  return row as AttachmentRow;
}

export async function findAttachment(db: Knex, id: number): Promise<AttachmentRow | undefined> {
  return db<AttachmentRow>('post_attachments').where({ id }).first();
}

export async function updatePost(db: Knex, id: number, changes: Partial<PostRow>): Promise<void> {
  await db('posts').where({ id }).update(changes);
}

export async function deletePostRow(db: Knex, id: number): Promise<void> {
  await db('posts').where({ id }).del();
}

export async function updateCommentBody(db: Knex, id: number, body: string): Promise<void> {
  await db('comments').where({ id }).update({ body, edited_at: new Date() });
}

export async function deleteCommentRow(db: Knex, id: number): Promise<void> {
  await db('comments').where({ id }).del();
}

/** How many of these attachments the uploader put in this group and has not published yet. */
export async function countUnpublishedAttachments(db: Knex, ids: number[], groupId: number, uploaderId: number): Promise<number> {
  const rows = await db('post_attachments')
    .whereIn('id', ids)
    .where({ group_id: groupId, uploader_id: uploaderId })
    .whereNull('post_id')
    .select('id');
  return rows.length;
}

/** Ties attachments to their post; the illustration (if any) is marked as the post's image. */
export async function attachToPost(db: Knex, postId: number, ids: number[], imageId: number | null): Promise<AttachmentRow[]> {
  if (!ids.length) return [];
  await db('post_attachments').whereIn('id', ids).update({ post_id: postId });
  if (imageId) await db('post_attachments').where({ id: imageId }).update({ is_image: true });
  return db<AttachmentRow>('post_attachments').whereIn('id', ids);
}
