import type { Knex } from 'knex';
import type { Publisher } from './publish';
import type { ChannelRow } from '../db/channels';
import { unreadStateOfMembers } from '../db/channels';
import { findUserById } from '../db/users';
import { channelView } from '../services/channels';
import { presentMessage } from '../presenters/messages';
import type { SendResult } from '../services/messages';
import { notifyMentions } from '../services/mention-notices';
import { presentNotification } from '../services/notifications';

/** Above this many members, `unread` is not pushed to every member on each message (clients count from `message:new`). */
export const UNREAD_PUSH_MAX_MEMBERS = 200;

/**
 * What the hub tells clients after a committed change in channels: membership
 * moves (rooms joined or left on every node at once) and new messages.
 */
export class ChannelEvents {
  constructor(private db: Knex, private publisher: Publisher) {}

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
   * `message:new` to the channel, `mention` to those named, `unread` to members (small channels) and to those named;
   * then a `mention` notification for each person named (stored after the message's commit) and its `notification`.
   */
  async messageSent(result: SendResult, authorId: number): Promise<void> {
    const { message, channel, mentionedUserIds } = result;
    const presented = presentMessage(message);
    this.publisher.toChannel(channel.id, 'message:new', presented);
    const mentioned = new Set(mentionedUserIds);
    for (const userId of mentioned) this.publisher.toUser(userId, 'mention', { message: presented });
    // One query: the other members' markers, capped — a full page means a large channel (only those named get `unread`).
    let states = await unreadStateOfMembers(this.db, channel.id, authorId, { limit: UNREAD_PUSH_MAX_MEMBERS });
    if (states.length >= UNREAD_PUSH_MAX_MEMBERS) {
      states = mentioned.size ? await unreadStateOfMembers(this.db, channel.id, authorId, { onlyUserIds: [...mentioned] }) : [];
    }
    for (const s of states) {
      this.publisher.toUser(s.user_id, 'unread', {
        channelId: channel.id,
        unread: Math.max(0, message.seq - s.last_read_seq),
        mentions: Number(s.mentions),
      });
    }
    // The author's own marker moved to this message: their other tabs clear the badge.
    this.publisher.toUser(authorId, 'unread', { channelId: channel.id, unread: 0, mentions: 0 });
    for (const n of await notifyMentions(this.db, result)) this.publisher.toUser(n.user_id, 'notification', presentNotification(n));
  }
}
