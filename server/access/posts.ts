import type { Knex } from 'knex';
import { notFound } from '../errors';
import { findGroupMember } from '../db/groups';
import {
  canSeePost,
  findAttachment,
  findComment,
  findPost,
  type AttachmentRow,
  type CommentWithAuthor,
  type PostWithPeople,
} from '../db/posts';
import type { UserRow } from '../db/users';
import { canManageGroup } from './groups';

/** The post if the viewer may see it (addressed to one of their groups or to them); `not_found` otherwise. */
export async function accessPost(db: Knex, actor: UserRow, postId: number): Promise<PostWithPeople> {
  const post = await findPost(db, postId);
  if (!post || !(await canSeePost(db, actor.id, postId))) throw notFound('Publication');
  return post;
}

/** The comment and its post if the viewer may see the post. */
export async function accessComment(
  db: Knex,
  actor: UserRow,
  commentId: number,
): Promise<{ comment: CommentWithAuthor; post: PostWithPeople }> {
  const comment = await findComment(db, commentId);
  if (!comment) throw notFound('Commentaire');
  const post = await accessPost(db, actor, comment.post_id).catch(() => {
    throw notFound('Commentaire');
  });
  return { comment, post };
}

/** The attachment if the viewer may see it: its uploader before publication, afterwards whoever sees the post. */
export async function accessAttachment(db: Knex, actor: UserRow, id: number): Promise<AttachmentRow> {
  const a = await findAttachment(db, id);
  if (!a) throw notFound('Fichier');
  if (a.post_id === null ? a.uploader_id !== actor.id : !(await canSeePost(db, actor.id, a.post_id))) throw notFound('Fichier');
  return a;
}

/** Group owners/admins of the post's group (and global admins) moderate it. */
export async function canModeratePost(db: Knex, actor: UserRow, post: PostWithPeople): Promise<boolean> {
  return canManageGroup(actor, await findGroupMember(db, post.group_id, actor.id));
}
