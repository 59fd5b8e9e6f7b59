import type { Publisher } from '../publish';
import { rooms } from '../rooms';
import type { PresenceStatus } from '../../protocol/presence';

/** What clients are told when someone's presence changes. */
export class PresenceBroadcasts {
  constructor(private publisher: Publisher) {}

  /** `presence` to the rooms of the user's channels and to their own (their other tabs). */
  changed(userId: number, channelIds: number[], status: PresenceStatus, lastSeenAt: string | null): void {
    this.publisher.toRooms([...channelIds.map(rooms.channel), rooms.user(userId)], 'presence', { userId, status, lastSeenAt });
  }
}
