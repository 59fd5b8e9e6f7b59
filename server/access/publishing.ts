/**
 * Who publishes what, in one table. A content goes on line at once when its
 * author "publishes directly" where they write it (network-wide by global
 * role, in a group by their role in that group); anyone else's content waits
 * for a moderator. Moderators: animators and admins for everything, a
 * group's owners and admins for their group's contents. Authors read and
 * change their own contents; a content nobody may see answers `not_found`.
 */
import type { Knex } from 'knex';
import { notFound } from '../errors';
import type { Role, UserRow } from '../db/users';
import { findGroupMember, groupIdsWhereRole, type GroupRole } from '../db/groups';
import { findArticle, type ArticleWithAuthor } from '../db/articles';
import { GROUP_MANAGER_ROLES, isAnimator } from './roles';
import { isFullMember } from './groups';
import { rightsOf } from './account-types';

/**
 * The publishing table: for each global role (network-wide contents) and each
 * group role (a group's contents), whether the author publishes directly; the
 * account type in force adds its own right (`ACCOUNT_TYPE_RIGHTS`, access/account-types.ts).
 */
export const PUBLISHES_DIRECTLY: { byRole: Record<Role, boolean>; byGroupRole: Record<GroupRole, boolean> } = {
  byRole: { admin: true, animator: true, hotline: false, member: false },
  byGroupRole: { owner: true, admin: true, member: false },
};

/** Full members (not chat-only) write contents, if their account type does (animators and admins always). */
export const canWriteContents = (user: UserRow): boolean =>
  isFullMember(user) && user.status === 'active' && (PUBLISHES_DIRECTLY.byRole[user.role] || rightsOf(user).writesContents);

/** Sending contents to outside addresses, by account type. */
export const canRecommend = (user: UserRow): boolean => isFullMember(user) && rightsOf(user).recommends;

/** Whether `user`'s content (in group `groupId`, or network-wide) goes on line without moderation. */
export async function publishesDirectly(db: Knex, user: UserRow, groupId: number | null): Promise<boolean> {
  if (PUBLISHES_DIRECTLY.byRole[user.role] || rightsOf(user).publishesDirectly) return true;
  if (groupId === null) return false;
  const m = await findGroupMember(db, groupId, user.id);
  return m?.status === 'member' && PUBLISHES_DIRECTLY.byGroupRole[m.role];
}

/** The groups whose contents `user` moderates; null means every content (animators and admins). */
export async function moderatedGroupIds(db: Knex, user: UserRow): Promise<number[] | null> {
  if (isAnimator(user)) return null;
  return groupIdsWhereRole(db, user.id, GROUP_MANAGER_ROLES);
}

/** Whether `user` moderates a content of group `groupId` (null: network-wide). */
export async function moderates(db: Knex, user: UserRow, groupId: number | null): Promise<boolean> {
  const groups = await moderatedGroupIds(db, user);
  return groups === null || (groupId !== null && groups.includes(groupId));
}

/** Whether anyone sees the moderators' queue (animators, admins, group managers). */
export async function isModerator(db: Knex, user: UserRow): Promise<boolean> {
  const groups = await moderatedGroupIds(db, user);
  return groups === null || groups.length > 0;
}

/** An article its author or one of its moderators may work on (the working copy); `not_found` for anyone else. */
export async function accessArticleDraft(db: Knex, user: UserRow, id: number): Promise<ArticleWithAuthor> {
  const a = await findArticle(db, id);
  if (!a) throw notFound('Contenu');
  if (a.author_id === user.id || (await moderates(db, user, a.group_id))) return a;
  throw notFound('Contenu');
}

/** An article's published version for a reader: members read public and pro ones, visitors (`user` null) public ones only. */
export async function accessPublishedArticle(db: Knex, user: UserRow | null, id: number): Promise<ArticleWithAuthor> {
  const a = await findArticle(db, id);
  if (!a || !a.published_at) throw notFound('Contenu');
  if (a.published_access !== 'public' && !(user && isFullMember(user))) throw notFound('Contenu');
  return a;
}
