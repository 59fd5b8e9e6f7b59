import type { Knex } from 'knex';
import { notFound } from './errors';
import { findChannel, findMembership, type ChannelRow, type MemberRow } from './db/channels';
import type { UserRow } from './db/users';

export interface ChannelAccess {
  channel: ChannelRow;
  membership: MemberRow;
}

/**
 * The channel if the user is a member of it; `not_found` otherwise, whether the
 * channel is missing or merely not theirs, so existence never leaks.
 */
export async function accessChannel(db: Knex, user: UserRow, channelId: number): Promise<ChannelAccess> {
  const [channel, membership] = await Promise.all([findChannel(db, channelId), findMembership(db, channelId, user.id)]);
  if (!channel || !membership) throw notFound('Salon');
  return { channel, membership };
}

/** The channel if the user may see it without being a member (thematic, not archived), or is a member. */
export async function accessJoinableChannel(db: Knex, user: UserRow, channelId: number): Promise<ChannelRow> {
  const channel = await findChannel(db, channelId);
  if (!channel) throw notFound('Salon');
  if (channel.kind === 'thematic' && !channel.archived_at) return channel;
  if (await findMembership(db, channelId, user.id)) return channel;
  throw notFound('Salon');
}
