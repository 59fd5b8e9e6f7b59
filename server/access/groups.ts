import type { Knex } from 'knex';
import { forbidden, notFound } from '../errors';
import { findGroup, findGroupMember, type GroupMemberRow, type GroupRole, type GroupRow } from '../db/groups';
import type { UserRow } from '../db/users';
import { GROUP_MANAGER_ROLES, isAdmin, isAnimator, isChatOnly } from './roles';

/** A group with the viewer's row in group_members (member, pending or invited), if any. */
export interface GroupAccess {
  group: GroupRow;
  membership: GroupMemberRow | undefined;
}

/** Groups, posts, documents, agenda and the directory are closed to chat-only accounts. */
export const isFullMember = (user: UserRow): boolean => !isChatOnly(user);

/** A full member of the group (not pending, not invited). */
export const isGroupMember = (m: GroupMemberRow | undefined): boolean => m?.status === 'member';

/** Group owners and admins manage a group; global admins too (on groups they can see). */
export function canManageGroup(actor: UserRow, membership: GroupMemberRow | undefined): boolean {
  if (isAdmin(actor)) return true;
  return isGroupMember(membership) && (GROUP_MANAGER_ROLES as readonly string[]).includes(membership!.role);
}

/** Owners (and global admins) name or remove owners and managers, and delete the group. */
export const isGroupOwner = (actor: UserRow, membership: GroupMemberRow | undefined): boolean =>
  isAdmin(actor) || membership?.role === 'owner';

/** Managers remove plain members; removing a manager (owner or admin of the group) takes an owner. */
export const canRemoveGroupMember = (actor: UserRow, membership: GroupMemberRow | undefined, target: GroupMemberRow): boolean =>
  target.status !== 'member' || target.role === 'member' || isGroupOwner(actor, membership);

/** Only owners (and global admins) name an owner or take the role away. */
export const canChangeOwnership = (actor: UserRow, membership: GroupMemberRow | undefined, from: GroupRole, to: GroupRole): boolean =>
  (from !== 'owner' && to !== 'owner') || isGroupOwner(actor, membership);

/** Animators and admins create groups; a group's managers create its sub-groups. */
export const canCreateGroup = (actor: UserRow, parentMembership: GroupMemberRow | undefined, hasParent: boolean): boolean =>
  isAnimator(actor) || (hasParent && canManageGroup(actor, parentMembership));

/**
 * The group if the user may see it: public and moderated groups to every full
 * member, private ones only to their members and invitees, and a sub-group of a
 * private group only to that group's members and invitees (or its own). Anything else is
 * `not_found`, exactly as a missing group.
 */
export async function accessGroup(db: Knex, user: UserRow, groupId: number): Promise<GroupAccess> {
  const [group, membership] = await Promise.all([findGroup(db, groupId), findGroupMember(db, groupId, user.id)]);
  if (!group) throw notFound('Groupe');
  const inside = membership?.status === 'member' || membership?.status === 'invited';
  if (group.visibility === 'private' && !inside) throw notFound('Groupe');
  // A group inside a private community is as hidden as the community to whoever is outside both.
  if (group.parent_id && !inside) {
    const parent = await findGroup(db, group.parent_id);
    if (parent?.visibility === 'private') {
      const p = await findGroupMember(db, parent.id, user.id);
      if (p?.status !== 'member' && p?.status !== 'invited') throw notFound('Groupe');
    }
  }
  return { group, membership };
}

/** The group if the actor is a full member (404 for a private one, 403 for a visible one). */
export async function accessGroupAsMember(db: Knex, actor: UserRow, groupId: number): Promise<GroupAccess> {
  const access = await accessGroup(db, actor, groupId);
  if (!isGroupMember(access.membership)) {
    if (access.group.visibility === 'private') throw notFound('Groupe');
    throw forbidden('Réservé aux membres du groupe.', 'not_a_member');
  }
  return access;
}

/** The group if the actor manages it (a private group stays 404 to outsiders). */
export async function accessGroupAsManager(db: Knex, actor: UserRow, groupId: number): Promise<GroupAccess> {
  const access = await accessGroup(db, actor, groupId);
  assertManager(actor, access);
  return access;
}

/** Throws unless the actor manages the group: 404 to outsiders of a private group, 403 to those who see it. */
export function assertManager(actor: UserRow, access: GroupAccess): void {
  if (canManageGroup(actor, access.membership)) return;
  if (access.group.visibility === 'private' && !isGroupMember(access.membership)) throw notFound('Groupe');
  throw forbidden('Réservé aux responsables du groupe.');
}
