import type { Knex } from 'knex';
import { forbidden, notFound } from '../errors';
import type { GroupMemberRow } from '../db/groups';
import type { UserRow } from '../db/users';
import { accessGroup, canManageGroup, isGroupMember, type GroupAccess } from './groups';
import { isAnimator } from './roles';

/** Who shapes a community (its flag, links, references): the group's owners and admins, and the network's animators. */
export const canEditCommunity = (actor: UserRow, membership: GroupMemberRow | undefined): boolean =>
  canManageGroup(actor, membership) || isAnimator(actor);

/** The group if the actor may shape its community: 404 to outsiders of a private group, 403 to others who see it. */
export async function accessCommunityEditor(db: Knex, actor: UserRow, groupId: number): Promise<GroupAccess> {
  const access = await accessGroup(db, actor, groupId);
  if (canEditCommunity(actor, access.membership)) {
    // An animator outside a private group does not see it (accessGroup already answered 404 then).
    return access;
  }
  if (access.group.visibility === 'private' && !isGroupMember(access.membership)) throw notFound('Groupe');
  throw forbidden('Réservé aux responsables du groupe et aux animateurs du réseau.');
}
