/**
 * Full-text queries over the indexes of migration 20261205_040 (FTS5 tables
 * on SQLite, `<table>_search` vectors with a GIN index on PostgreSQL), each restricted in SQL to
 * what the viewer may see: the same rules as the access/ modules, written as
 * joins so that no row the viewer may not see ever leaves the database.
 */
import type { Knex } from 'knex';
import { myGroupIdsQuery } from './groups';
import { whereVisibleTo } from './posts';
import { dated, search, type SearchWindow } from './search-engine';

export { RANKED_CANDIDATES, type SearchWindow, type TextMatch } from './search-engine';

/** What every authored hit carries: its date and its author's names (`authorColumns`). */
export interface AuthoredHit {
  created_at: Date | number;
  author_id: number;
  u_username: string;
  u_first_name: string;
  u_last_name: string;
}

const authorColumns = ['u.username as u_username', 'u.first_name as u_first_name', 'u.last_name as u_last_name'];

export interface MessageHitRow extends AuthoredHit {
  id: number;
  channel_id: number;
  seq: number;
  body: string;
  c_name: string;
  c_kind: string;
}

/** Messages of the channels the viewer is a member of (never deleted ones), optionally in one channel. */
export async function searchMessageRows(db: Knex, w: SearchWindow & { channelId?: number }): Promise<MessageHitRow[]> {
  const q = () => {
    const b = db('messages as m')
      .join('channel_members as cm', function () {
        this.on('cm.channel_id', '=', 'm.channel_id').andOn('cm.user_id', '=', db.raw('?', [w.viewerId]));
      })
      .join('channels as c', 'c.id', 'm.channel_id')
      .join('users as u', 'u.id', 'm.author_id')
      .whereNull('m.deleted_at')
      .select(
        'm.id',
        'm.channel_id',
        'm.seq',
        'm.body',
        'm.created_at',
        'm.author_id',
        'c.name as c_name',
        'c.kind as c_kind',
        ...authorColumns,
      );
    if (w.authorId) b.where('m.author_id', w.authorId);
    if (w.channelId) b.where('m.channel_id', w.channelId);
    return dated(b, 'm.created_at', w);
  };
  return search(db, q, 'messages', 'm', w);
}

export interface PostHitRow extends AuthoredHit {
  id: number;
  group_id: number;
  title: string;
  body: string;
  g_name: string;
}

/** Posts addressed to one of the viewer's groups or to them by name. */
export async function searchPostRows(db: Knex, w: SearchWindow): Promise<PostHitRow[]> {
  const q = () => {
    const b = db('posts as p')
      .join('users as u', 'u.id', 'p.author_id')
      .join('groups as g', 'g.id', 'p.group_id')
      .select('p.id', 'p.group_id', 'p.title', 'p.body', 'p.created_at', 'p.author_id', 'g.name as g_name', ...authorColumns);
    whereVisibleTo(db, b, w.viewerId);
    if (w.authorId) b.where('p.author_id', w.authorId);
    return dated(b, 'p.created_at', w);
  };
  return search(db, q, 'posts', 'p', w);
}

export interface CommentHitRow extends AuthoredHit {
  id: number;
  post_id: number;
  body: string;
  p_title: string;
  p_group_id: number;
}

/** Comments on the posts the viewer may see. */
export async function searchCommentRows(db: Knex, w: SearchWindow): Promise<CommentHitRow[]> {
  const q = () => {
    const b = db('comments as cm')
      .join('posts as p', 'p.id', 'cm.post_id')
      .join('users as u', 'u.id', 'cm.author_id')
      .select(
        'cm.id',
        'cm.post_id',
        'cm.body',
        'cm.created_at',
        'cm.author_id',
        'p.title as p_title',
        'p.group_id as p_group_id',
        ...authorColumns,
      );
    whereVisibleTo(db, b, w.viewerId);
    if (w.authorId) b.where('cm.author_id', w.authorId);
    return dated(b, 'cm.created_at', w);
  };
  return search(db, q, 'comments', 'cm', w);
}

export interface DocumentHitRow {
  id: number;
  group_id: number;
  title: string;
  description: string | null;
  filename: string;
  created_at: Date | number;
  uploader_id: number | null;
  u_username: string | null;
  u_first_name: string | null;
  u_last_name: string | null;
  g_name: string;
}

/** Documents of the banks of the groups the viewer is a full member of. */
export async function searchDocumentRows(db: Knex, w: SearchWindow): Promise<DocumentHitRow[]> {
  const q = () => {
    const b = db('documents as d')
      .join('groups as g', 'g.id', 'd.group_id')
      .leftJoin('users as u', 'u.id', 'd.uploader_id')
      .whereIn('d.group_id', myGroupIdsQuery(db, w.viewerId))
      .select(
        'd.id',
        'd.group_id',
        'd.title',
        'd.description',
        'd.filename',
        'd.created_at',
        'd.uploader_id',
        'g.name as g_name',
        ...authorColumns,
      );
    if (w.authorId) b.where('d.uploader_id', w.authorId);
    return dated(b, 'd.created_at', w);
  };
  return search(db, q, 'documents', 'd', w);
}

export interface ResourceHitRow {
  id: number;
  published_title: string;
  published_description: string;
  published_file_name: string | null;
  published_access: string;
  published_at: Date | number;
  author_id: number;
  u_username: string;
  u_first_name: string;
  u_last_name: string;
}

/**
 * Library resources on line (their published version, the only one indexed):
 * members read public and pro ones; drafts, submissions never published and
 * rejected ones are never found. Only full members search resources.
 */
export async function searchResourceRows(db: Knex, w: SearchWindow): Promise<ResourceHitRow[]> {
  const q = () => {
    const b = db('resources as r')
      .join('users as u', 'u.id', 'r.author_id')
      .whereNotNull('r.published_at')
      .whereIn('r.published_access', ['public', 'pro'])
      .select(
        'r.id',
        'r.published_title',
        'r.published_description',
        'r.published_file_name',
        'r.published_access',
        'r.published_at',
        'r.author_id',
        ...authorColumns,
      );
    if (w.authorId) b.where('r.author_id', w.authorId);
    return dated(b, 'r.published_at', w);
  };
  return search(db, q, 'resources', 'r', w);
}

export interface EventHitRow {
  id: number;
  group_id: number;
  title: string;
  description: string | null;
  location: string | null;
  starts_at: Date | number;
  cancelled_at: Date | number | null;
  g_name: string;
}

/** Agenda events of the viewer's groups and those they are invited to. */
export async function searchEventRows(db: Knex, w: SearchWindow): Promise<EventHitRow[]> {
  const q = () =>
    db('events as e')
      .join('groups as g', 'g.id', 'e.group_id')
      .where((v) =>
        v
          .whereIn('e.group_id', myGroupIdsQuery(db, w.viewerId))
          .orWhereIn('e.id', db('event_invitations').where({ user_id: w.viewerId }).select('event_id')),
      )
      .select('e.id', 'e.group_id', 'e.title', 'e.description', 'e.location', 'e.starts_at', 'e.cancelled_at', 'g.name as g_name');
  return search(db, q, 'events', 'e', w);
}

export interface GroupHitRow {
  id: number;
  name: string;
  description: string | null;
  visibility: string;
  created_at: Date | number;
}

/** Public and moderated groups, and private ones where the viewer is a member or invited. */
export async function searchGroupRows(db: Knex, w: SearchWindow): Promise<GroupHitRow[]> {
  const q = () =>
    db('groups as g')
      .leftJoin('group_members as me', function () {
        this.on('me.group_id', '=', 'g.id').andOn('me.user_id', '=', db.raw('?', [w.viewerId]));
      })
      .where((v) => v.whereNot('g.visibility', 'private').orWhereIn('me.status', ['member', 'invited']))
      .select('g.id', 'g.name', 'g.description', 'g.visibility', 'g.created_at');
  return search(db, q, 'groups', 'g', w);
}

export interface PersonHitRow {
  id: number;
  username: string;
  first_name: string;
  last_name: string;
  job_title: string | null;
  employer: string | null;
  city: string | null;
}

/** People listed in the directory: active accounts that are not chat-only. */
export async function searchPersonRows(db: Knex, w: SearchWindow): Promise<PersonHitRow[]> {
  const q = () =>
    db('users as pu')
      .where({ 'pu.status': 'active', 'pu.chat_only': false })
      .select('pu.id', 'pu.username', 'pu.first_name', 'pu.last_name', 'pu.job_title', 'pu.employer', 'pu.city');
  return search(db, q, 'users', 'pu', w);
}

/** The id of the account with this user name (any case), if any. */
export async function userIdNamed(db: Knex, username: string): Promise<number | null> {
  const row = await db('users').whereRaw('lower(username) = ?', [username.toLowerCase()]).select('id').first();
  return row ? Number(row.id) : null;
}

/** The id of a channel of the viewer's whose slug or name is this (any case), if any. */
export async function myChannelIdNamed(db: Knex, viewerId: number, name: string): Promise<number | null> {
  const row = await db('channels as c')
    .join('channel_members as cm', 'cm.channel_id', 'c.id')
    .where('cm.user_id', viewerId)
    .where((w) => w.whereRaw('lower(c.slug) = ?', [name.toLowerCase()]).orWhereRaw('lower(c.name) = ?', [name.toLowerCase()]))
    .orderBy('c.id')
    .select('c.id')
    .first();
  return row ? Number(row.id) : null;
}
