import type { Publisher } from '../publish';
import { rooms } from '../rooms';
import type { NotificationRow } from '../../db/notifications';
import { presentNotification } from '../../services/notifications/notifications';

/** Stored notifications pushed live to their owners. */
export class NotificationBroadcasts {
  constructor(private publisher: Publisher) {}

  /** Whether the user has a socket open on any node (then what they get live needs no push on top). */
  async userOnline(userId: number): Promise<boolean> {
    return (await this.publisher.socketCount(rooms.user(userId))) > 0;
  }

  /** A `notification` event to each notified user. */
  pushed(rows: NotificationRow[]): void {
    for (const n of rows) this.publisher.toUser(n.user_id, 'notification', presentNotification(n));
  }
}
