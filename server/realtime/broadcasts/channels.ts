import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Publisher } from '../publish';
import type { ChannelRow } from '../../db/channels';
import { findUserById } from '../../db/users';
import { channelView } from '../../services/chat/channels';
import { leanMessage, type PresentedMessage } from '../../presenters/messages';
import { presentSent } from '../../services/chat/message-extras';
import type { ReactionChange } from '../../services/chat/reactions';
import { rooms } from '../rooms';
import type { SendResult } from '../../services/chat/send-types';
import { UnreadPusher } from './unread';

/** What a channel's members see of a change to it (name, description, archived state). */
export interface ChannelChange {
  id: number;
  name: string;
  description: string | null;
  archived: boolean;
  archivedAt: string | null;
}

/**
 * What clients are told after a committed change in channels: membership
 * moves (rooms joined or left on every node at once), new and changed
 * messages, read markers, typing, and changes to the channel itself.
 */
export class ChannelBroadcasts {
  private unread: UnreadPusher;

  constructor(
    private db: Knex,
    private publisher: Publisher,
    log: Logger,
  ) {
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

  /** The user was already in the channel (a direct channel opened again): their sockets join its room, silently. */
  rejoined(userId: number, channelId: number): void {
    this.publisher.joinChannel(userId, channelId);
  }

  /**
   * `message:new` to the channel, `mention` to those named, `unread` (coalesced, see UnreadPusher) to members
   * of small channels and to the author and those named.
   */
  messageSent(result: SendResult, authorId: number): void {
    const { message, channel, mentionedUserIds } = result;
    // The files came with the send: no statement on the fan-out's path.
    const presented = presentSent(message, result.files);
    this.newMessage(presented);
    for (const userId of new Set(mentionedUserIds)) this.publisher.toUser(userId, 'mention', { message: presented });
    this.unread.afterMessage(channel.id, [authorId, ...mentionedUserIds]);
    // Files sent in a group's channel landed in its bank: open bank pages refresh.
    for (const documentId of result.bankedDocumentIds ?? [])
      if (channel.group_id) this.documentChanged(channel.id, { groupId: channel.group_id, documentId, action: 'added' });
  }

  /**
   * `message:new` to the channel's sockets: lean (the author by id) to protocol 2, the full message to older
   * ones (kept for one version). Each socket is in exactly one protocol room, so each gets one copy.
   */
  newMessage(presented: PresentedMessage): void {
    this.publisher.toChannelExcept(presented.channelId, rooms.protocol(1), 'message:new', leanMessage(presented));
    this.publisher.toChannelExcept(presented.channelId, rooms.protocol(2), 'message:new', presented);
  }

  /** An edited, deleted, pinned or unpinned message: `message:updated` to its channel. */
  messageUpdated(message: PresentedMessage): void {
    this.publisher.toChannel(message.channelId, 'message:updated', message);
  }

  /** `message:reactions` to the channel: the message's whole summary, so clients just replace it. */
  reactionsChanged(change: ReactionChange): void {
    this.publisher.toChannel(change.channelId, 'message:reactions', {
      messageId: change.messageId,
      channelId: change.channelId,
      reactions: change.reactions,
    });
  }

  /** My read marker moved: my other tabs get `unread`, and `notifications:read` for the mentions it read. */
  readMoved(userId: number, channel: ChannelRow, lastReadSeq: number, mentions: number, readNotificationIds: number[]): void {
    this.publisher.toUser(userId, 'unread', {
      channelId: channel.id,
      unread: Math.max(0, Number(channel.last_seq) - lastReadSeq),
      mentions,
    });
    if (readNotificationIds.length) this.publisher.toUser(userId, 'notifications:read', { ids: readNotificationIds });
  }

  /** `typing` to the channel's other sockets; volatile (a lost typing event is harmless). */
  typing(channelId: number, userId: number): void {
    this.publisher.toChannelExceptUserVolatile(channelId, userId, 'typing', { channelId, userId });
  }

  /** `channel:updated` to each member: they see the new name or the archived state at once. */
  changed(memberIds: number[], change: ChannelChange): void {
    this.publisher.toUsers(memberIds, 'channel:updated', change);
  }

  /** `document:changed` to a group's channel (its document bank moved). */
  documentChanged(
    channelId: number | null,
    change: { groupId: number; documentId: number; action: 'added' | 'updated' | 'removed' },
  ): void {
    if (channelId) this.publisher.toChannel(channelId, 'document:changed', change);
  }
}
