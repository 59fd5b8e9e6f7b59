/**
 * « Documents de référence » (bank documents a community's managers pin) and
 * the forum (the group's questions; the question's author or a group manager
 * accepts one comment as its answer).
 */
import type { Knex } from 'knex';
import { forbidden, notFound, ruleViolated } from '../../errors';
import { accessGroupAsMember } from '../../access/groups';
import { accessDocument, canEditDocument } from '../../access/documents';
import { accessCommunityEditor } from '../../access/communities';
import { accessPost, canModeratePost } from '../../access/posts';
import { findDocument } from '../../db/documents';
import { findComment } from '../../db/posts';
import { listForumQuestions, pinDocument, referenceDocumentIds, setAcceptedAnswer, unpinDocument } from '../../db/communities';
import type { UserRow } from '../../db/users';
import type { ForumQuestion } from '../../protocol/communities';
import { presentDocument } from '../../presenters/documents';
import { iso } from '../../presenters/time';

/** GET /api/groups/:id/references (members). */
export async function referenceDocuments(db: Knex, actor: UserRow, groupId: number) {
  const { group, membership } = await accessGroupAsMember(db, actor, groupId);
  const out = [];
  for (const id of await referenceDocumentIds(db, group.id)) {
    const d = await findDocument(db, id);
    if (d) out.push(presentDocument(d, { canDelete: canEditDocument(actor, d, membership) }));
  }
  return { items: out };
}

/** PUT or DELETE /api/groups/:id/references/:documentId: a bank document of this group, pinned by its editors. */
export async function setReference(db: Knex, actor: UserRow, groupId: number, documentId: number, pinned: boolean): Promise<void> {
  const { group } = await accessCommunityEditor(db, actor, groupId);
  const { document } = await accessDocument(db, actor, documentId).catch(() => {
    throw notFound('Document');
  });
  if (document.group_id !== group.id) throw notFound('Document');
  if (pinned) await pinDocument(db, group.id, documentId, actor.id);
  else await unpinDocument(db, documentId);
}

/** GET /api/groups/:id/forum: the group's questions, newest first (members). */
export async function forumQuestions(db: Knex, actor: UserRow, groupId: number): Promise<{ items: ForumQuestion[] }> {
  const { group } = await accessGroupAsMember(db, actor, groupId);
  const rows = await listForumQuestions(db, group.id, 100);
  return {
    items: rows.map((r: Record<string, unknown>) => ({
      postId: Number(r.id),
      title: String(r.title),
      author: { id: Number(r.author_id), displayName: `${r.first_name} ${r.last_name}` },
      createdAt: iso(r.created_at as Date),
      commentCount: Number(r.comment_count),
      acceptedCommentId: r.accepted_comment_id ? Number(r.accepted_comment_id) : null,
    })),
  };
}

/** PUT /api/posts/:id/accepted-answer: the question's author or a group manager accepts one of its comments (or none). */
export async function acceptAnswer(db: Knex, actor: UserRow, postId: number, commentId: number | null) {
  const post = await accessPost(db, actor, postId);
  if (post.author_id !== actor.id && !(await canModeratePost(db, actor, post)))
    throw forbidden("Seuls l'auteur de la question et les responsables du groupe choisissent la réponse.");
  if (post.kind !== 'question') throw ruleViolated('not_a_question', 'Seule une question peut avoir une réponse acceptée.');
  if (commentId !== null) {
    const c = await findComment(db, commentId);
    if (!c || c.post_id !== post.id) throw notFound('Commentaire');
  }
  await setAcceptedAnswer(db, post.id, commentId, actor.id);
  return { postId: post.id, acceptedCommentId: commentId };
}
