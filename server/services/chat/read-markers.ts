import type { Knex } from 'knex';
import { accessMessage } from '../../access/messages';
import { mentionCounts, setReadMarker, type ChannelRow } from '../../db/channels';
import type { UserRow } from '../../db/users';

/**
 * "Mark as unread" from a message (members of its channel): my read marker goes back to just before
 * it, so it and what follows count as unread again.
 */
export async function markUnreadFrom(
  db: Knex,
  actor: UserRow,
  messageId: number,
): Promise<{ channel: ChannelRow; lastReadSeq: number; mentions: number }> {
  const { message, channel } = await accessMessage(db, actor, messageId);
  const lastReadSeq = Math.max(0, Number(message.seq) - 1);
  await setReadMarker(db, channel.id, actor.id, lastReadSeq);
  const mentions = (await mentionCounts(db, actor.id, channel.id)).get(channel.id) ?? 0;
  return { channel, lastReadSeq, mentions };
}
