import type { Knex } from 'knex';
import { forbidden } from '../../errors';
import type { NotificationRow } from '../../db/notifications';
import {
  audienceOf,
  deleteCommentRow,
  findComment,
  findPost,
  insertComment,
  reactorsOf,
  toggleReaction,
  updateCommentBody,
  type ReactionKind,
} from '../../db/posts';
import type { UserRow } from '../../db/users';
import { presentComment } from '../../presenters/posts';
import type { Reactor } from '../../protocol/posts';
import { presentAuthor } from '../../presenters/users';
import { iso } from '../../presenters/time';
import { presentPosts } from './posts';
import { accessComment, accessPost, canModeratePost } from '../../access/posts';
import { notify } from '../notifications/notifications';

/** Comments on a post anyone who sees it; its author is notified (not of their own comments). */
export async function addComment(db: Knex, actor: UserRow, postId: number, body: string) {
  const post = await accessPost(db, actor, postId);
  const { id, notification } = await db.transaction(async (trx) => {
    const commentId = await insertComment(trx, post.id, actor.id, body);
    const n: NotificationRow | null =
      post.author_id === actor.id
        ? null
        : await notify(trx, post.author_id, 'comment', {
            postId: post.id,
            commentId,
            title: post.title,
            groupId: post.group_id,
            author: presentAuthor(actor),
          });
    return { id: commentId, notification: n };
  });
  return {
    comment: presentComment((await findComment(db, id))!),
    audience: await audienceOf(db, post.id),
    notifications: notification ? [notification] : [],
  };
}

/** Authors edit their comments. */
export async function editComment(db: Knex, actor: UserRow, commentId: number, body: string) {
  const { comment } = await accessComment(db, actor, commentId);
  if (comment.author_id !== actor.id) throw forbidden("Seul l'auteur peut modifier son commentaire.");
  await updateCommentBody(db, commentId, body);
  return { comment: presentComment((await findComment(db, commentId))!), audience: await audienceOf(db, comment.post_id) };
}

/** Authors and the group's owners/admins delete a comment. */
export async function deleteComment(db: Knex, actor: UserRow, commentId: number) {
  const { comment, post } = await accessComment(db, actor, commentId);
  if (comment.author_id !== actor.id && !(await canModeratePost(db, actor, post))) {
    throw forbidden('Seuls son auteur et les responsables du groupe suppriment un commentaire.');
  }
  await deleteCommentRow(db, commentId);
  return { comment: { id: comment.id, postId: comment.post_id }, audience: await audienceOf(db, comment.post_id) };
}

/**
 * Toggles my `like` or `recommend` on a post; answers whether it is now set,
 * the new counts and my reactions, plus the post for the broadcast.
 */
export async function react(db: Knex, actor: UserRow, postId: number, kind: ReactionKind) {
  const row = await accessPost(db, actor, postId);
  const active = await toggleReaction(db, postId, actor.id, kind);
  const [mine] = await presentPosts(db, [(await findPost(db, postId)) ?? row], actor.id);
  const { myReactions, ...forAll } = mine!;
  return { active, kind, reactions: mine!.reactions, myReactions: myReactions ?? [], post: forAll, audience: await audienceOf(db, postId) };
}

/** Who reacted to a post, and how. */
export async function reactors(db: Knex, actor: UserRow, postId: number): Promise<{ items: Reactor[] }> {
  await accessPost(db, actor, postId);
  const rows = await reactorsOf(db, postId);
  return {
    items: rows.map((r) => ({
      kind: r.kind,
      createdAt: iso(r.created_at),
      user: { id: r.id, username: r.username, displayName: `${r.first_name} ${r.last_name}` },
    })),
  };
}
