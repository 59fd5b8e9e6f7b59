import type { Publisher } from '../publish';
import { rooms } from '../rooms';
import type { PresenceStatus } from '../../protocol/presence';

/** How long presence changes are gathered before they go out: one frame per changed user per window. */
export const PRESENCE_WINDOW_MS = 250;

/**
 * What clients are told when someone's presence changes: `presence` to the sockets subscribed to that
 * user (`presence:subscribe`) and to the user's own sockets (their other tabs), never room-wide. Changes
 * are gathered for 250 ms and only each user's last state goes out, so a burst of arrivals (the morning
 * logins) costs one frame per subscriber and changed user per window. `lastSeenAt` goes to contacts only.
 */
export class PresenceBroadcasts {
  private pending = new Map<number, { status: PresenceStatus; lastSeenAt: string | null }>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private publisher: Publisher) {}

  changed(userId: number, status: PresenceStatus, lastSeenAt: string | null): void {
    this.pending.delete(userId); // re-inserted last: the window's changes go out in the order of their last state
    this.pending.set(userId, { status, lastSeenAt });
    this.timer ??= setTimeout(() => this.flush(), PRESENCE_WINDOW_MS);
  }

  /** Sends what the window gathered (also called on shutdown). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = new Map();
    for (const [userId, { status, lastSeenAt }] of batch) {
      const full = { userId, status, lastSeenAt };
      const insiders = [rooms.presenceOfContact(userId), rooms.user(userId)];
      if (lastSeenAt === null) {
        this.publisher.toRooms([...insiders, rooms.presence(userId)], 'presence', full);
      } else {
        this.publisher.toRooms(insiders, 'presence', full);
        this.publisher.toRoomsExcept([rooms.presence(userId)], insiders, 'presence', { ...full, lastSeenAt: null });
      }
    }
  }
}
