import type { Knex } from 'knex';
import { notFound } from '../errors';
import { findChannel, findChannelWithMembership, findMembership, type ChannelRow, type MemberRow } from '../db/channels';
import { groupIdsWhereRole, groupRoleOf } from '../db/groups';
import type { UserRow } from '../db/users';
import { GROUP_MANAGER_ROLES, isAnimator, isHotlineStaff, isOpenToDirectMessages } from './roles';

/** A channel with the caller's membership row. */
export interface ChannelAccess {
  channel: ChannelRow;
  membership: MemberRow;
}

/**
 * The channel if the user is a member of it; `not_found` otherwise, whether the
 * channel is missing or merely not theirs, so existence never leaks.
 */
export async function accessChannel(db: Knex, user: UserRow, channelId: number): Promise<ChannelAccess> {
  const access = await findChannelWithMembership(db, channelId, user.id);
  if (!access) throw notFound('Salon');
  return access;
}

/**
 * The channel if the user may read its messages: its members, and hotline
 * staff in any ticket's channel (an old ticket opened by an agent who was
 * never in it is read without joining: reading never writes).
 */
export async function accessReadableChannel(db: Knex, user: UserRow, channelId: number): Promise<ChannelRow> {
  if (isHotlineStaff(user)) {
    const channel = await findChannel(db, channelId);
    if (channel?.kind === 'hotline') return channel;
  }
  return (await accessChannel(db, user, channelId)).channel;
}

/** The channel if the user may see it without being a member (thematic, not archived), or is a member. */
export async function accessJoinableChannel(db: Knex, user: UserRow, channelId: number): Promise<ChannelRow> {
  const channel = await findChannel(db, channelId);
  if (!channel) throw notFound('Salon');
  if (channel.kind === 'thematic' && !channel.archived_at) return channel;
  // Animators and admins see archived thematic channels (to restore them): no need to hide those from them.
  if (channel.kind === 'thematic' && canManageThematic(user)) return channel;
  // Hotline staff may take their place in any ticket's channel.
  if (channel.kind === 'hotline' && isHotlineStaff(user)) return channel;
  if (await findMembership(db, channelId, user.id)) return channel;
  throw notFound('Salon');
}

/** Animators and admins create, rename, archive and restore thematic channels. */
export const canManageThematic = (user: UserRow): boolean => isAnimator(user);

/**
 * Active accounts are in the national and their départemental channels and may join thematic ones —
 * chat-only accounts (coordinators, partners) included: what they may not see is groups, the
 * directory and documents, not the network's channels (#14).
 */
export const canJoinOpenChannels = (user: UserRow): boolean => user.status === 'active';

/** Animators and admins add anyone (chat-only accounts included) to a thematic channel. */
export const canAddToThematic = (user: UserRow): boolean => isAnimator(user);

/** Only animators and admins write in announcement channels. */
export const canPostIn = (user: UserRow, channel: ChannelRow): boolean => !channel.announce || isAnimator(user);

/** `@channel` (and its synonyms) is for animators and admins. */
export const canMentionEveryone = (user: UserRow): boolean => isAnimator(user);

/** Direct messages: between contacts, towards animators, hotline staff and admins, and from them to anyone. */
export async function canWriteDirectly(actor: UserRow, other: UserRow, areContacts: () => Promise<boolean>): Promise<boolean> {
  return isOpenToDirectMessages(other) || isOpenToDirectMessages(actor) || (await areContacts());
}

/** Who may delete others' messages in a channel: animators, admins, hotline staff in tickets, a group's owners/admins in its channel. */
export async function canModerate(db: Knex, actor: UserRow, channel: ChannelRow): Promise<boolean> {
  if (channel.kind === 'hotline' && isHotlineStaff(actor)) return true;
  return canPin(db, actor, channel);
}

/** Who may pin: animators, admins, and a group's owners/admins in its channel. */
export async function canPin(db: Knex, actor: UserRow, channel: ChannelRow): Promise<boolean> {
  if (isAnimator(actor)) return true;
  const role = channel.kind === 'group' && channel.group_id ? await groupRoleOf(db, channel.group_id, actor.id) : null;
  return !!role && (GROUP_MANAGER_ROLES as readonly string[]).includes(role);
}

/** What a viewer may do in one channel, for the client's buttons (the server checks again on every action). */
export interface ChannelRights {
  canPin: boolean;
  canModerate: boolean;
}

/** The rights of a viewer in each of their channels, with the groups they manage read once. */
export async function rightsInChannels(db: Knex, actor: UserRow): Promise<(channel: ChannelRow) => ChannelRights> {
  const managed = new Set(await groupIdsWhereRole(db, actor.id, GROUP_MANAGER_ROLES));
  return (channel) => {
    const groupManager = channel.kind === 'group' && channel.group_id !== null && managed.has(channel.group_id);
    const pin = isAnimator(actor) || groupManager;
    return { canPin: pin, canModerate: pin || (channel.kind === 'hotline' && isHotlineStaff(actor)) };
  };
}
