/**
 * Who reads and changes a library resource. The publishing table
 * (access/publishing.ts) decides who publishes directly and who moderates;
 * here: the working copy belongs to its author and moderators, the published
 * version to members (pro) or anyone (public); a group document is promoted
 * by whoever manages its group. Anything else answers `not_found`.
 */
import type { Knex } from 'knex';
import { forbidden, notFound } from '../errors';
import type { UserRow } from '../db/users';
import { findResource, type ResourceWithAuthor } from '../db/resources';
import { moderates } from './publishing';
import { isFullMember, canManageGroup } from './groups';
import { isAnimator } from './roles';
import { accessDocument, type DocumentAccess } from './documents';

/** A resource its author or one of its moderators may work on (the working copy); `not_found` for anyone else. */
export async function accessResourceDraft(db: Knex, user: UserRow, id: number): Promise<ResourceWithAuthor> {
  const r = await findResource(db, id);
  if (!r) throw notFound('Ressource');
  if (r.author_id === user.id || (await moderates(db, user, r.group_id))) return r;
  throw notFound('Ressource');
}

/** Whether a reader (null: a visitor) may read a resource's published version. */
export const mayReadPublished = (r: Pick<ResourceWithAuthor, 'published_at' | 'published_access'>, user: UserRow | null): boolean =>
  !!r.published_at && (r.published_access === 'public' || (!!user && isFullMember(user)));

/** A resource's published version for a reader: members read public and pro ones, visitors public ones only. */
export async function accessPublishedResource(db: Knex, user: UserRow | null, id: number): Promise<ResourceWithAuthor> {
  const r = await findResource(db, id);
  if (!r || !mayReadPublished(r, user)) throw notFound('Ressource');
  return r;
}

/**
 * A group document its group's moderators (owners and admins of the group,
 * animators and admins) may promote to the library; `not_found` for anyone
 * who may not see it, `forbidden` for a plain member who sees it.
 */
export async function accessDocumentToPromote(db: Knex, user: UserRow, documentId: number): Promise<DocumentAccess> {
  const access = await accessDocument(db, user, documentId);
  if (!(isAnimator(user) || canManageGroup(user, access.membership)))
    throw forbidden('Seuls les responsables du groupe versent un document à la ressourcerie.');
  return access;
}
