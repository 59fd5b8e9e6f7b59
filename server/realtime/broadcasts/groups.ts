import type { Knex } from 'knex';
import type { Publisher } from '../publish';
import type { ChannelBroadcasts } from './channels';
import type { NotificationBroadcasts } from './notifications';
import { rooms } from '../rooms';
import { findChannel, memberIds, type ChannelRow } from '../../db/channels';
import type { NotificationRow } from '../../db/notifications';
import type { MembershipEffects } from '../../services/groups/membership';
import type { PostAudience } from '../../services/groups/posts';
import type { ServerEventName, ServerEventPayloads } from '../../protocol/socket';

/**
 * What clients are told after a committed change in groups: members'
 * sockets moved into or out of the group channel's room on every node (through
 * ChannelBroadcasts), notifications pushed, and posts and comments sent to their
 * audience (the rooms of the groups' channels and of the named users).
 */
export class GroupBroadcasts {
  constructor(
    private db: Knex,
    private publisher: Publisher,
    private channels: ChannelBroadcasts,
    private notices: NotificationBroadcasts,
  ) {}

  /** Applies a membership change: `channel:removed` / `channel:added` and room moves, then notifications. */
  async apply(e: MembershipEffects): Promise<void> {
    const channel = e.group.channel_id && (e.joined.length || e.left.length) ? await findChannel(this.db, e.group.channel_id) : undefined;
    if (channel) {
      for (const userId of e.left) await this.channels.removed(userId, channel);
      for (const userId of e.joined) await this.channels.added(userId, channel);
    }
    this.notices.pushed(e.notifications);
  }

  /** A `notification` event to each notified user (a post addressed to them, a comment, an invitation). */
  notifications(rows: NotificationRow[]): void {
    this.notices.pushed(rows);
  }

  /** One emit to every room of a post's audience (socket.io sends once to a socket in several of them). */
  toAudience<E extends ServerEventName>(audience: PostAudience, event: E, payload: ServerEventPayloads[E]): void {
    this.publisher.toRooms([...audience.channelIds.map(rooms.channel), ...audience.userIds.map(rooms.user)], event, payload);
  }

  /** A renamed or redescribed group: its channel's members get `channel:updated`. */
  async renamed(channel: ChannelRow): Promise<void> {
    this.channels.changed(await memberIds(this.db, channel.id), {
      id: channel.id,
      name: channel.name,
      description: channel.description,
      archived: !!channel.archived_at,
      archivedAt: null,
    });
  }

  /** Everyone in a deleted group's channel leaves its room and gets `channel:removed`. */
  async groupDeleted(memberIds: number[], channel: ChannelRow | null): Promise<void> {
    if (!channel) return;
    for (const userId of memberIds) await this.channels.removed(userId, channel);
  }
}
