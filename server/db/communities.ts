import type { Knex } from 'knex';

// A community's own rows: useful links, members' last visits, pinned reference
// documents and the forum's accepted answers (the groups, posts and documents
// themselves live in their own modules).

export interface GroupLinkRow {
  id: number;
  group_id: number;
  title: string;
  url: string;
  description: string | null;
  position: number;
  created_by: number | null;
  created_at: Date | number;
}

export async function listGroupLinks(db: Knex, groupId: number): Promise<GroupLinkRow[]> {
  return db<GroupLinkRow>('group_links')
    .where({ group_id: groupId })
    .orderBy([{ column: 'position' }, { column: 'id' }]);
}

export async function findGroupLink(db: Knex, groupId: number, id: number): Promise<GroupLinkRow | undefined> {
  return db<GroupLinkRow>('group_links').where({ group_id: groupId, id }).first();
}

/** Adds a link at the end of the list. */
export async function insertGroupLink(
  db: Knex,
  l: Pick<GroupLinkRow, 'group_id' | 'title' | 'url' | 'description' | 'created_by'>,
): Promise<GroupLinkRow> {
  const last = (await db('group_links').where({ group_id: l.group_id }).max({ p: 'position' }).first()) as { p: number | null };
  const [row] = await db('group_links')
    .insert({ ...l, position: Number(last?.p ?? -1) + 1, created_at: new Date() })
    .returning('*');
  return row as GroupLinkRow;
}

export async function updateGroupLink(db: Knex, id: number, changes: Partial<GroupLinkRow>): Promise<GroupLinkRow> {
  const [row] = await db('group_links').where({ id }).update(changes).returning('*');
  return row as GroupLinkRow;
}

export async function deleteGroupLink(db: Knex, id: number): Promise<void> {
  await db('group_links').where({ id }).del();
}

/** Stores now as my last visit; answers the one before (null the first time). */
export async function recordVisit(db: Knex, groupId: number, userId: number, now: Date): Promise<Date | number | null> {
  const before = await db('group_visits').where({ group_id: groupId, user_id: userId }).first('visited_at');
  await db('group_visits')
    .insert({ group_id: groupId, user_id: userId, visited_at: now })
    .onConflict(['group_id', 'user_id'])
    .merge({ visited_at: now });
  return (before?.visited_at as Date | number | undefined) ?? null;
}

export async function lastVisitOf(db: Knex, groupId: number, userId: number): Promise<Date | number | null> {
  const row = await db('group_visits').where({ group_id: groupId, user_id: userId }).first('visited_at');
  return (row?.visited_at as Date | number | undefined) ?? null;
}

/** Posts addressed to the group, and those newer than `since` (all of them when `since` is null). */
export async function countGroupPosts(
  db: Knex,
  groupId: number,
  opts: { kind?: string; since?: Date | null } = {},
): Promise<{ total: number; recent: number }> {
  const q = db('posts as p')
    .join('post_audience as a', 'a.post_id', 'p.id')
    .where('a.group_id', groupId)
    .select(db.raw('count(distinct p.id) as total'));
  if (opts.kind) q.where('p.kind', opts.kind);
  if (opts.since) q.select(db.raw('count(distinct case when p.created_at > ? then p.id end) as recent', [opts.since]));
  const row = (await q.first()) as { total: number | string; recent?: number | string };
  return { total: Number(row.total), recent: opts.since ? Number(row.recent ?? 0) : Number(row.total) };
}

export async function countReferenceDocuments(db: Knex, groupId: number): Promise<number> {
  const row = (await db('reference_documents').where({ group_id: groupId }).count({ n: '*' }).first()) as { n: number | string };
  return Number(row.n);
}

/** Pinned document ids of a group, most recently pinned first. */
export async function referenceDocumentIds(db: Knex, groupId: number): Promise<number[]> {
  const rows = await db('reference_documents').where({ group_id: groupId }).orderBy('pinned_at', 'desc').select('document_id');
  return rows.map((r: { document_id: number }) => r.document_id);
}

export async function pinDocument(db: Knex, groupId: number, documentId: number, userId: number): Promise<void> {
  await db('reference_documents')
    .insert({ document_id: documentId, group_id: groupId, pinned_by: userId, pinned_at: new Date() })
    .onConflict('document_id')
    .ignore();
}

export async function unpinDocument(db: Knex, documentId: number): Promise<void> {
  await db('reference_documents').where({ document_id: documentId }).del();
}

/** Agenda events of the group still to come. */
export async function countUpcomingEvents(db: Knex, groupId: number, now: Date): Promise<number> {
  const row = (await db('events').where({ group_id: groupId }).where('ends_at', '>=', now).count({ n: '*' }).first()) as {
    n: number | string;
  };
  return Number(row.n);
}

/** The group's questions (newest first) with their comment count and accepted answer. */
export async function listForumQuestions(db: Knex, groupId: number, limit: number) {
  return db('posts as p')
    .join('users as u', 'u.id', 'p.author_id')
    .leftJoin('accepted_answers as aa', 'aa.post_id', 'p.id')
    .where({ 'p.group_id': groupId, 'p.kind': 'question' })
    .select('p.id', 'p.title', 'p.created_at', 'u.id as author_id', 'u.first_name', 'u.last_name', 'aa.comment_id as accepted_comment_id')
    .select(db.raw('(select count(*) from comments c where c.post_id = p.id) as comment_count'))
    .orderBy('p.id', 'desc')
    .limit(limit);
}

export async function acceptedAnswerOf(db: Knex, postId: number): Promise<number | null> {
  const row = await db('accepted_answers').where({ post_id: postId }).first('comment_id');
  return row ? Number(row.comment_id) : null;
}

export async function setAcceptedAnswer(db: Knex, postId: number, commentId: number | null, userId: number): Promise<void> {
  await db('accepted_answers').where({ post_id: postId }).del();
  if (commentId)
    await db('accepted_answers').insert({ post_id: postId, comment_id: commentId, accepted_by: userId, accepted_at: new Date() });
}
