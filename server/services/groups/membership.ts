import type { Knex } from 'knex';
import { forbidden, notFound, ruleViolated } from '../../errors';
import {
  accessGroup,
  accessGroupAsManager,
  assertManager,
  canChangeOwnership,
  canRemoveGroupMember,
  isFullMember,
  isGroupMember,
} from '../../access/groups';
import { GROUP_MANAGER_ROLES } from '../../access/roles';
import { addMember, findChannel, removeMember, type ChannelRow } from '../../db/channels';
import {
  countOwners,
  deleteGroupMember,
  findGroupMember,
  groupManagerIds,
  groupRoleOf,
  setGroupRole,
  upsertGroupMember,
  type GroupRole,
  type GroupRow,
} from '../../db/groups';
import { closeInvitations, decideRequest, findJoinRequestView, findPendingRequest, insertJoinRequest } from '../../db/group-requests';
import type { NotificationRow } from '../../db/notifications';
import type { UserRow } from '../../db/users';
import { presentAuthor } from '../../presenters/users';
import { presentJoinRequest } from '../../presenters/groups';
import { notify } from '../notifications/notifications';

/** What a membership change leaves to do after commit: sockets to move, notifications to push. */
export interface MembershipEffects {
  group: GroupRow;
  joined: number[];
  left: number[];
  notifications: NotificationRow[];
}

const effects = (group: GroupRow, e: Partial<Omit<MembershipEffects, 'group'>> = {}): MembershipEffects => ({
  group,
  joined: e.joined ?? [],
  left: e.left ?? [],
  notifications: e.notifications ?? [],
});

/** Makes the user a full member and puts them in the group channel (read marker at the present). */
export async function enterGroup(trx: Knex, group: GroupRow, userId: number, role: GroupRole = 'member'): Promise<void> {
  await upsertGroupMember(trx, group.id, userId, 'member', role);
  const channel = group.channel_id ? await findChannel(trx, group.channel_id) : undefined;
  if (channel) await addMember(trx, channel.id, userId, Number(channel.last_seq));
}

async function exitGroup(trx: Knex, group: GroupRow, userId: number): Promise<void> {
  await deleteGroupMember(trx, group.id, userId);
  if (group.channel_id) await removeMember(trx, group.channel_id, userId);
}

/** A sub-group is open only to members of its parent (the parent is not named: it may be private). */
export async function assertParentMember(db: Knex, group: GroupRow, userId: number): Promise<void> {
  if (group.parent_id && !(await groupRoleOf(db, group.parent_id, userId))) {
    throw ruleViolated('parent_membership_required', "Ce sous-groupe est réservé aux membres de son groupe parent : rejoignez-le d'abord.");
  }
}

/**
 * POST /api/groups/:id/join. Public: member at once. Moderated: a pending
 * request (with its motive) and the group's managers are notified. Private:
 * not found, unless the user was invited (then joining accepts the invitation).
 */
export async function joinGroup(
  db: Knex,
  actor: UserRow,
  groupId: number,
  motive: string | null,
): Promise<{ status: 'member' | 'pending'; effects: MembershipEffects }> {
  const { group, membership } = await accessGroup(db, actor, groupId);
  if (membership?.status === 'member') return { status: 'member', effects: effects(group) };
  if (membership?.status === 'invited') return { status: 'member', effects: await acceptInvitation(db, actor, groupId) };
  if (group.visibility === 'private') throw notFound('Groupe');
  if (membership?.status === 'pending') return { status: 'pending', effects: effects(group) };
  await assertParentMember(db, group, actor.id);
  if (group.visibility === 'public') {
    await db.transaction((trx) => enterGroup(trx, group, actor.id));
    return { status: 'member', effects: effects(group, { joined: [actor.id] }) };
  }
  const notifications = await db.transaction(async (trx) => {
    if (await findPendingRequest(trx, group.id, actor.id)) return [];
    await upsertGroupMember(trx, group.id, actor.id, 'pending');
    const request = await insertJoinRequest(trx, group.id, actor.id, motive);
    const data = { groupId: group.id, groupName: group.name, requestId: request.id, user: presentAuthor(actor), motive };
    const out: NotificationRow[] = [];
    for (const managerId of await groupManagerIds(trx, group.id, GROUP_MANAGER_ROLES))
      out.push(await notify(trx, managerId, 'join_request', data));
    return out;
  });
  return { status: 'pending', effects: effects(group, { notifications }) };
}

/** Approves or rejects a pending request; the decision, its author and time are kept; the requester is notified. */
export async function decideJoinRequest(db: Knex, actor: UserRow, groupId: number, userId: number, approve: boolean) {
  const { group } = await accessGroupAsManager(db, actor, groupId);
  const request = await findPendingRequest(db, group.id, userId);
  if (!request) throw notFound('Demande');
  if (approve) await assertParentMember(db, group, userId);
  const notification = await db.transaction(async (trx) => {
    if (approve) await enterGroup(trx, group, userId);
    else if ((await findGroupMember(trx, group.id, userId))?.status === 'pending') await deleteGroupMember(trx, group.id, userId);
    await decideRequest(trx, request.id, approve ? 'approved' : 'rejected', actor.id);
    return notify(trx, userId, approve ? 'join_approved' : 'join_rejected', {
      groupId: group.id,
      groupName: group.name,
      decidedBy: presentAuthor(actor),
    });
  });
  const view = await findJoinRequestView(db, request.id);
  return {
    request: presentJoinRequest(view!),
    effects: effects(group, { joined: approve ? [userId] : [], notifications: [notification] }),
  };
}

/** Accepts my invitation: I become a member with the role I was invited with. */
export async function acceptInvitation(db: Knex, actor: UserRow, groupId: number): Promise<MembershipEffects> {
  const { group, membership } = await accessGroup(db, actor, groupId);
  if (membership?.status === 'member') return effects(group);
  if (membership?.status !== 'invited') throw notFound('Invitation');
  await assertParentMember(db, group, actor.id);
  await db.transaction(async (trx) => {
    await enterGroup(trx, group, actor.id, membership.role);
    await closeInvitations(trx, group.id, actor.id, 'accepted');
  });
  return effects(group, { joined: [actor.id] });
}

/** Declines my invitation (a private group then disappears from my view). */
export async function declineInvitation(db: Knex, actor: UserRow, groupId: number): Promise<MembershipEffects> {
  const { group, membership } = await accessGroup(db, actor, groupId);
  if (membership?.status !== 'invited') throw notFound('Invitation');
  await db.transaction(async (trx) => {
    await deleteGroupMember(trx, group.id, actor.id);
    await closeInvitations(trx, group.id, actor.id, 'declined');
  });
  return effects(group);
}

/**
 * DELETE /api/groups/:id/members/:userId: leaving (`me`), cancelling my request
 * or invitation, or a manager removing someone. Admins remove members; only
 * owners remove admins and owners; the last owner cannot go.
 */
export async function removeGroupMember(db: Knex, actor: UserRow, groupId: number, target: number | 'me'): Promise<MembershipEffects> {
  const { group, membership } = await accessGroup(db, actor, groupId);
  const targetId = target === 'me' ? actor.id : target;
  const self = targetId === actor.id;
  if (!self) assertManager(actor, { group, membership });
  const row = self ? membership : await findGroupMember(db, group.id, targetId);
  if (!row) throw notFound('Membre');
  if (!self && !canRemoveGroupMember(actor, membership, row)) {
    throw forbidden('Seul un propriétaire du groupe peut retirer un responsable.');
  }
  if (row.status === 'member' && row.role === 'owner' && (await countOwners(db, group.id)) <= 1) {
    throw ruleViolated('last_owner', 'Le groupe doit garder au moins un propriétaire : nommez-en un autre avant.');
  }
  await db.transaction(async (trx) => {
    if (row.status === 'pending') {
      const pending = await findPendingRequest(trx, group.id, targetId);
      if (pending) await decideRequest(trx, pending.id, self ? 'cancelled' : 'rejected', actor.id);
    }
    if (row.status === 'invited') await closeInvitations(trx, group.id, targetId, self ? 'declined' : 'revoked');
    await exitGroup(trx, group, targetId);
  });
  return effects(group, { left: row.status === 'member' ? [targetId] : [] });
}

/** Changes a member's group role; only owners grant or take away `owner`; a group always keeps one. */
export async function changeGroupRole(db: Knex, actor: UserRow, groupId: number, userId: number, role: GroupRole) {
  const { group, membership } = await accessGroupAsManager(db, actor, groupId);
  const target = await findGroupMember(db, group.id, userId);
  if (!target || target.status !== 'member') throw notFound('Membre');
  if (!canChangeOwnership(actor, membership, target.role, role))
    throw forbidden('Seuls les propriétaires nomment ou retirent un propriétaire.');
  if (target.role === 'owner' && role !== 'owner' && (await countOwners(db, group.id)) <= 1) {
    throw ruleViolated('last_owner', 'Le groupe doit garder au moins un propriétaire : nommez-en un autre avant.');
  }
  await setGroupRole(db, group.id, userId, role);
  return { group, role };
}

/**
 * `channel:join` on a group's channel: joins a public group (the channel
 * follows). Moderated groups need a request, private ones stay invisible.
 */
export async function joinGroupChannel(db: Knex, actor: UserRow, channel: ChannelRow): Promise<{ channel: ChannelRow; added: boolean }> {
  if (!isFullMember(actor)) throw notFound('Salon');
  const { group, membership } = await accessGroup(db, actor, channel.group_id!).catch(() => {
    throw notFound('Salon');
  });
  if (isGroupMember(membership)) return { channel, added: false };
  if (group.visibility !== 'public') {
    if (group.visibility === 'private') throw notFound('Salon');
    throw forbidden('Ce groupe est modéré : demandez à le rejoindre depuis sa page.', 'moderated_group');
  }
  const { effects: e } = await joinGroup(db, actor, group.id, null);
  return { channel, added: e.joined.includes(actor.id) };
}

/** `channel:leave` on a public group's channel leaves the group; other group channels cannot be left this way. */
export async function leaveGroupChannel(db: Knex, actor: UserRow, channel: ChannelRow): Promise<{ channel: ChannelRow; removed: boolean }> {
  const { group, membership } = await accessGroup(db, actor, channel.group_id!).catch(() => {
    throw notFound('Salon');
  });
  if (!isGroupMember(membership)) throw notFound('Salon');
  if (group.visibility !== 'public') {
    throw ruleViolated('cannot_leave', 'Pour quitter ce salon, quittez le groupe depuis sa page.');
  }
  const e = await removeGroupMember(db, actor, group.id, 'me');
  return { channel, removed: e.left.includes(actor.id) };
}
