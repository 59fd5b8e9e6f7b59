import type { Knex } from 'knex';
import type { Publisher } from '../publish';
import { rooms } from '../rooms';
import type { NotificationBroadcasts } from './notifications';
import type { NotificationRow } from '../../db/notifications';
import { canvasOf } from '../../services/project-sheets/canvas';
import type { SheetComment } from '../../protocol/project-sheets';

/**
 * Project sheets live: whoever follows a sheet (`sheet:watch`) gets its canvas
 * after each change, each new contribution and each new version. A revoked
 * professional's sockets leave the room on every node at once (the adapter
 * carries `socketsLeave`), then they are told.
 */
export class SheetBroadcasts {
  constructor(
    private db: Knex,
    private publisher: Publisher,
    private notifications: NotificationBroadcasts,
  ) {}

  /** The whole canvas (small: at most a few hundred post-its), so a client never applies moves out of order. */
  async canvasChanged(sheetId: number): Promise<void> {
    this.publisher.toRooms([rooms.sheet(sheetId)], 'sheet:canvas', await canvasOf(this.db, sheetId));
  }

  commented(comment: SheetComment, notifications: NotificationRow[]): void {
    this.publisher.toRooms([rooms.sheet(comment.sheetId)], 'sheet:comment', comment);
    this.notifications.pushed(notifications);
  }

  updated(sheetId: number, version: number): void {
    this.publisher.toRooms([rooms.sheet(sheetId)], 'sheet:updated', { sheetId, version });
  }

  shared(notifications: NotificationRow[]): void {
    this.notifications.pushed(notifications);
  }

  /** Access withdrawn: out of the room on every node first, then told. */
  revoked(sheetId: number, userId: number): void {
    this.publisher.leaveRoom(userId, rooms.sheet(sheetId));
    this.publisher.toUser(userId, 'sheet:revoked', { sheetId });
  }

  /** The sheet is gone: everyone out of its room, told first. */
  deleted(sheetId: number): void {
    this.publisher.toRooms([rooms.sheet(sheetId)], 'sheet:revoked', { sheetId });
    this.publisher.emptyRoom(rooms.sheet(sheetId));
  }
}
