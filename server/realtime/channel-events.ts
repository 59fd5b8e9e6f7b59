import type { Knex } from 'knex';
import type { Publisher } from './publish';
import type { ChannelRow } from '../db/channels';
import type { Logger } from 'pino';
import { UnreadPusher } from './unread-pusher';
import { findUserById } from '../db/users';
import { channelView } from '../services/chat/channels';
import { presentMessage } from '../presenters/messages';
import type { SendResult } from '../services/chat/messages';
import { notifyMentions } from '../services/chat/mention-notices';
import { presentNotification } from '../services/notifications/notifications';

/**
 * What the hub tells clients after a committed change in channels: membership
 * moves (rooms joined or left on every node at once) and new messages.
 */
export class ChannelEvents {
  private unread: UnreadPusher;

  constructor(private db: Knex, private publisher: Publisher, log: Logger) {
    this.unread = new UnreadPusher(db, publisher, log);
  }

  /** The user gained a channel: their sockets join its room, and they get `channel:added`. */
  async added(userId: number, channel: ChannelRow): Promise<void> {
    this.publisher.joinChannel(userId, channel.id);
    const user = await findUserById(this.db, userId);
    if (user) this.publisher.toUser(userId, 'channel:added', await channelView(this.db, user, channel));
  }

  /** The user lost a channel: their sockets leave its room first, then `channel:removed`. */
  async removed(userId: number, channel: ChannelRow): Promise<void> {
    this.publisher.leaveChannel(userId, channel.id);
    const user = await findUserById(this.db, userId);
    if (user) this.publisher.toUser(userId, 'channel:removed', await channelView(this.db, user, channel));
  }

  /**
   * `message:new` to the channel, `mention` to those named, `unread` (coalesced, see UnreadPusher) to members
   * of small channels and to the author and those named; then a `mention` notification for each person named
   * (stored after the message's commit) and its `notification`.
   */
  async messageSent(result: SendResult, authorId: number): Promise<void> {
    const { message, channel, mentionedUserIds } = result;
    const presented = presentMessage(message);
    this.publisher.toChannel(channel.id, 'message:new', presented);
    for (const userId of new Set(mentionedUserIds)) this.publisher.toUser(userId, 'mention', { message: presented });
    this.unread.afterMessage(channel.id, [authorId, ...mentionedUserIds]);
    if (!mentionedUserIds.length) return;
    for (const n of await notifyMentions(this.db, result)) this.publisher.toUser(n.user_id, 'notification', presentNotification(n));
  }
}
