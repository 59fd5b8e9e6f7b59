import type { Publisher } from '../publish';
import type { NotificationRow } from '../../db/notifications';
import { presentNotification } from '../../services/notifications/notifications';

/** Stored notifications pushed live to their owners. */
export class NotificationBroadcasts {
  constructor(private publisher: Publisher) {}

  /** A `notification` event to each notified user. */
  pushed(rows: NotificationRow[]): void {
    for (const n of rows) this.publisher.toUser(n.user_id, 'notification', presentNotification(n));
  }
}
