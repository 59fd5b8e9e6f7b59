import type { Knex } from 'knex';
import { notFound } from './errors';
import { findChannel, findMembership, type ChannelRow, type MemberRow } from './db/channels';
import type { UserRow } from './db/users';
import { findGroup, findGroupMember, type GroupMemberRow, type GroupRow } from './db/groups';

export interface ChannelAccess {
  channel: ChannelRow;
  membership: MemberRow;
}

/**
 * The channel if the user is a member of it; `not_found` otherwise, whether the
 * channel is missing or merely not theirs, so existence never leaks.
 */
export async function accessChannel(db: Knex, user: UserRow, channelId: number): Promise<ChannelAccess> {
  // One round trip: the channel joined with the caller's membership row (absent → not a member).
  const row = await db('channels as c')
    .join('channel_members as m', 'm.channel_id', 'c.id')
    .where({ 'c.id': channelId, 'm.user_id': user.id })
    .first('c.*', 'm.user_id as m_user_id', 'm.last_read_seq as m_last_read_seq', 'm.favorite as m_favorite', 'm.joined_at as m_joined_at');
  if (!row) throw notFound('Salon');
  const { m_user_id, m_last_read_seq, m_favorite, m_joined_at, ...channel } = row;
  return {
    channel: channel as ChannelRow,
    membership: { channel_id: channelId, user_id: m_user_id, last_read_seq: m_last_read_seq, favorite: m_favorite, joined_at: m_joined_at },
  };
}

/** The channel if the user may see it without being a member (thematic, not archived), or is a member. */
export async function accessJoinableChannel(db: Knex, user: UserRow, channelId: number): Promise<ChannelRow> {
  const channel = await findChannel(db, channelId);
  if (!channel) throw notFound('Salon');
  if (channel.kind === 'thematic' && !channel.archived_at) return channel;
  // Animators and admins see archived thematic channels (to restore them): no need to hide those from them.
  if (channel.kind === 'thematic' && (user.role === 'animator' || user.role === 'admin')) return channel;
  if (await findMembership(db, channelId, user.id)) return channel;
  throw notFound('Salon');
}

export interface GroupAccess {
  group: GroupRow;
  /** The viewer's row in group_members (member, pending or invited), if any. */
  membership: GroupMemberRow | undefined;
}

/**
 * The group if the user may see it: public and moderated groups to every full
 * member, private ones only to their members and invitees. Anything else is
 * `not_found`, exactly as a missing group.
 */
export async function accessGroup(db: Knex, user: UserRow, groupId: number): Promise<GroupAccess> {
  const [group, membership] = await Promise.all([findGroup(db, groupId), findGroupMember(db, groupId, user.id)]);
  if (!group) throw notFound('Groupe');
  if (group.visibility === 'private' && membership?.status !== 'member' && membership?.status !== 'invited') throw notFound('Groupe');
  return { group, membership };
}
