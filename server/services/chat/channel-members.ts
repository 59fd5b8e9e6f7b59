import type { Knex } from 'knex';
import { forbidden, notFound, ruleViolated } from '../../errors';
import { accessReadableChannel, canAddToThematic } from '../../access/channels';
import { addMember, findChannel, type ChannelRow } from '../../db/channels';
import { channelMemberRows } from '../../db/channel-members';
import { findUserByUsername, type UserRow } from '../../db/users';

/** Members read for one list (presence is asked for each): enough for a thematic or départemental channel. */
const SCAN = 2000;

/** The members of a channel I may read (at most SCAN of them; the route filters and ranks them). */
export async function channelMembers(db: Knex, actor: UserRow, channelId: number): Promise<UserRow[]> {
  await accessReadableChannel(db, actor, channelId);
  return channelMemberRows(db, channelId, SCAN);
}

/**
 * An animator or admin puts someone (chat-only accounts included) in a thematic channel. Answers the
 * channel and the person, and whether they were added (false: already in).
 */
export async function addToThematic(
  db: Knex,
  actor: UserRow,
  channelId: number,
  username: string,
): Promise<{ channel: ChannelRow; user: UserRow; added: boolean }> {
  if (!canAddToThematic(actor)) throw forbidden('Seuls les animateurs et administrateurs ajoutent des personnes à un salon.');
  const channel = await findChannel(db, channelId);
  if (!channel || channel.kind !== 'thematic') throw notFound('Salon');
  if (channel.archived_at) throw ruleViolated('channel_archived', 'Ce salon est archivé.');
  const user = await findUserByUsername(db, username);
  if (!user || user.status !== 'active') throw notFound('Membre');
  return { channel, user, added: await addMember(db, channel.id, user.id, Number(channel.last_seq)) };
}
