import type { Knex } from 'knex';
import { forbidden, ruleViolated } from '../../errors';
import { accessGroup, accessGroupAsMember } from '../../access/groups';
import { accessPost, canModeratePost } from '../../access/posts';
import type { NotificationRow } from '../../db/notifications';
import {
  attachToPost,
  attachmentsOf,
  audienceOf,
  commentCounts,
  countUnpublishedAttachments,
  deletePostRow,
  findAttachment,
  findPost,
  updatePost,
  insertAudience,
  insertPost,
  listComments,
  listPosts,
  reactionCounts,
  reactionsBy,
  type PostKind,
  type PostWithPeople,
  type ReactionKind,
} from '../../db/posts';
import { activeFullMemberIds, type UserRow } from '../../db/users';
import { presentComment, presentPost, type PresentedPost } from '../../presenters/posts';
import type { PostDetail } from '../../protocol/posts';
import { presentAuthor } from '../../presenters/users';
import { notify } from '../notifications/notifications';
import { notifyGroupActivity } from '../notifications/group-activity';
import { bankPostAttachments } from '../documents/documents';
import { createPollFor, type PollInput } from '../polls/polls';
import { findPoll, tally } from '../../db/polls';

export interface PostInput {
  kind: PostKind;
  title: string;
  body: string;
  linkUrl: string | null;
  audience?: { groupIds?: number[]; userIds?: number[] };
  attachmentIds?: number[];
  imageId?: number | null;
  /** The options and rules of a post of kind `poll`. */
  poll?: PollInput;
}

/** Who a post reached: the rooms its events go to. */
export type PostAudience = Awaited<ReturnType<typeof audienceOf>>;

/** Posts with their attachments, reaction and comment counts (and the viewer's own reactions, if a viewer is given). */
export async function presentPosts(db: Knex, rows: PostWithPeople[], viewerId?: number): Promise<PresentedPost[]> {
  const ids = rows.map((r) => r.id);
  const [files, counts, comments, mine] = await Promise.all([
    attachmentsOf(db, ids),
    reactionCounts(db, ids),
    commentCounts(db, ids),
    viewerId ? reactionsBy(db, viewerId, ids) : Promise.resolve([]),
  ]);
  return rows.map((r) => {
    const reactions: Record<ReactionKind, number> = { like: 0, recommend: 0 };
    for (const c of counts) if (c.post_id === r.id && (c.kind === 'like' || c.kind === 'recommend')) reactions[c.kind] = Number(c.n);
    return presentPost(r, {
      attachments: files.filter((f) => f.post_id === r.id),
      reactions,
      commentCount: Number(comments.find((c) => c.post_id === r.id)?.n ?? 0),
      myReactions: viewerId ? (mine.filter((m) => m.post_id === r.id).map((m) => m.kind) as ReactionKind[]) : undefined,
    });
  });
}

async function checkAudience(
  db: Knex,
  actor: UserRow,
  groupId: number,
  a: PostInput['audience'],
): Promise<{ groupIds: number[]; userIds: number[] }> {
  const groupIds = [...new Set((a?.groupIds ?? []).filter((id) => id !== groupId))];
  const userIds = [...new Set(a?.userIds ?? [])];
  for (const id of groupIds) {
    // Only groups the author may see: a private group they are not in is as unknown as a missing one.
    if (!(await accessGroup(db, actor, id).catch(() => null)))
      throw ruleViolated('invalid_audience', `Groupe destinataire introuvable (${id}).`);
  }
  if (userIds.length) {
    const found = await activeFullMemberIds(db, userIds);
    if (found.length !== userIds.length) throw ruleViolated('invalid_audience', 'Un des membres destinataires est introuvable.');
  }
  return { groupIds, userIds };
}

async function checkAttachments(db: Knex, actor: UserRow, groupId: number, ids: number[]): Promise<void> {
  if (!ids.length) return;
  if ((await countUnpublishedAttachments(db, ids, groupId, actor.id)) !== ids.length)
    throw ruleViolated('invalid_attachment', 'Un des fichiers joints est introuvable ou déjà publié.');
}

/**
 * Publishes a post in a group (members only): addressed to the group, plus
 * other groups and named members if asked. Attachments uploaded beforehand are
 * tied to it; named members are notified.
 */
export async function createPost(db: Knex, actor: UserRow, groupId: number, input: PostInput) {
  const { group } = await accessGroupAsMember(db, actor, groupId);
  const audience = await checkAudience(db, actor, group.id, input.audience);
  const fileIds = [...new Set([...(input.attachmentIds ?? []), ...(input.imageId ? [input.imageId] : [])])];
  await checkAttachments(db, actor, group.id, fileIds);
  if (input.imageId) {
    const img = await findAttachment(db, input.imageId);
    if (!String(img?.mime_type).startsWith('image/'))
      throw ruleViolated('invalid_attachment', "L'illustration doit être une image (PNG, JPEG, WebP ou GIF).");
  }
  const { postId, notifications } = await db.transaction(async (trx) => {
    const post = await insertPost(trx, {
      group_id: group.id,
      author_id: actor.id,
      kind: input.kind,
      title: input.title,
      body: input.body,
      link_url: input.linkUrl,
    });
    await insertAudience(trx, post.id, [group.id, ...audience.groupIds], audience.userIds);
    if (input.kind === 'poll') await createPollFor(trx, post.id, input.poll!);
    const files = await attachToPost(trx, post.id, fileIds, input.imageId ?? null);
    // Every file posted in a group lands in its document bank (services/documents/documents.ts).
    if (files.length) await bankPostAttachments(trx, post, files);
    const out: NotificationRow[] = [];
    for (const userId of audience.userIds) {
      if (userId === actor.id) continue;
      out.push(
        await notify(trx, userId, 'post_addressed', {
          postId: post.id,
          title: post.title,
          groupId: group.id,
          groupName: group.name,
          author: presentAuthor(actor),
        }),
      );
    }
    // The group's other members, as each one's settings for the group say (those named above are told once).
    out.push(
      ...(await notifyGroupActivity(trx, {
        kind: 'post_new',
        groupId: group.id,
        groupName: group.name,
        authorId: actor.id,
        data: { postId: post.id, title: post.title, author: presentAuthor(actor) },
        alreadyNotified: audience.userIds,
      })),
    );
    return { postId: post.id, notifications: out };
  });
  const row = (await findPost(db, postId))!;
  const [post] = await presentPosts(db, [row], actor.id);
  return { post: post!, audience: await audienceOf(db, postId), notifications };
}

const page = <T extends { id: number }>(rows: T[], limit: number) => ({
  rows: rows.slice(0, limit),
  nextCursor: rows.length > limit ? rows[limit - 1]!.id : null,
});

/** GET /api/groups/:id/posts: posts addressed to the group, newest first (members only). */
export async function groupPosts(db: Knex, actor: UserRow, groupId: number, q: { cursor?: number; limit: number; kind?: PostKind }) {
  const { group } = await accessGroupAsMember(db, actor, groupId);
  const { rows, nextCursor } = page(
    await listPosts(db, { viewerId: actor.id, groupId: group.id, kind: q.kind, beforeId: q.cursor, limit: q.limit + 1 }),
    q.limit,
  );
  return { items: await presentPosts(db, rows, actor.id), nextCursor };
}

/** GET /api/feed: every post I may see, newest first. */
export async function feed(db: Knex, actor: UserRow, q: { cursor?: number; limit: number }) {
  const { rows, nextCursor } = page(await listPosts(db, { viewerId: actor.id, beforeId: q.cursor, limit: q.limit + 1 }), q.limit);
  return { items: await presentPosts(db, rows, actor.id), nextCursor };
}

/** GET /api/posts/:id: the post with its comments, and what the viewer may do with it. */
export async function getPost(db: Knex, actor: UserRow, postId: number): Promise<PostDetail> {
  const row = await accessPost(db, actor, postId);
  const [post] = await presentPosts(db, [row], actor.id);
  const comments = (await listComments(db, postId)).map(presentComment);
  const canModerate = await canModeratePost(db, actor, row);
  return { ...post!, comments, canEdit: row.author_id === actor.id, canDelete: row.author_id === actor.id || canModerate, canModerate };
}

/** Authors edit their own posts. */
export async function editPost(
  db: Knex,
  actor: UserRow,
  postId: number,
  changes: { kind?: PostKind; title?: string; body?: string; linkUrl?: string | null },
) {
  const row = await accessPost(db, actor, postId);
  if (row.author_id !== actor.id) throw forbidden("Seul l'auteur peut modifier sa publication.");
  await checkPollEdit(db, row, changes);
  const update: Record<string, unknown> = { edited_at: new Date() };
  if (changes.kind !== undefined) update.kind = changes.kind;
  if (changes.title !== undefined) update.title = changes.title;
  if (changes.body !== undefined) update.body = changes.body;
  if (changes.linkUrl !== undefined) update.link_url = changes.linkUrl;
  await updatePost(db, postId, update);
  const [post] = await presentPosts(db, [(await findPost(db, postId))!], actor.id);
  return { post: post!, audience: await audienceOf(db, postId) };
}

/** Authors and the group's owners/admins delete a post (its comments, reactions and files go with it). */
export async function deletePost(db: Knex, actor: UserRow, postId: number) {
  const row = await accessPost(db, actor, postId);
  if (row.author_id !== actor.id && !(await canModeratePost(db, actor, row)))
    throw forbidden('Seuls son auteur et les responsables du groupe suppriment une publication.');
  const audience = await audienceOf(db, postId);
  await deletePostRow(db, postId);
  return { post: row, audience };
}

/** A poll stays a poll (and another post never becomes one); its question is fixed once someone has voted. */
async function checkPollEdit(db: Knex, row: PostWithPeople, changes: { kind?: PostKind; title?: string }): Promise<void> {
  if (changes.kind !== undefined && (changes.kind === 'poll') !== (row.kind === 'poll'))
    throw ruleViolated('poll_locked', 'Un sondage reste un sondage : créez une nouvelle publication pour changer de type.');
  if (row.kind !== 'poll' || changes.title === undefined || changes.title === row.title) return;
  const poll = await findPoll(db, row.id);
  if (poll && (await tally(db, row.id)).voters > 0)
    throw ruleViolated('poll_locked', 'La question d’un sondage ne change plus une fois que des membres ont voté.');
}
