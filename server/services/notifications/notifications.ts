import type { Knex } from 'knex';
import {
  findNotificationSettings,
  insertNotification,
  listNotifications,
  markNotificationsRead,
  saveNotificationSettings,
  unreadNotificationCount,
  type NotificationRow,
} from '../../db/notifications';
import { iso } from '../../presenters/time';
import {
  notificationSettingsSchema,
  type Notification,
  type NotificationPage,
  type NotificationSettings,
} from '../../protocol/notifications';

export type { NotificationSettings } from '../../protocol/notifications';

/** Kinds of notification this domain sends (others may add theirs). */
export type NotificationKind = 'join_request' | 'join_approved' | 'join_rejected' | 'group_invitation' | 'post_addressed' | 'comment';

/**
 * Stores a notification for a user and returns it; the caller sends it live
 * (`notification` event) once its transaction has committed.
 */
export async function notify(
  db: Knex,
  userId: number,
  kind: NotificationKind | string,
  data: Record<string, unknown>,
): Promise<NotificationRow> {
  return insertNotification(db, userId, kind, data);
}

/** The wire shape of a notification. */
export function presentNotification(n: NotificationRow): Notification {
  let data: Record<string, unknown> = {};
  try {
    data = JSON.parse(n.data);
  } catch {
    data = {};
  }
  return { id: n.id, kind: n.kind, data, createdAt: iso(n.created_at), readAt: iso(n.read_at) };
}

/** GET /api/notifications: newest first, keyset cursor on id, with the unread count. */
export async function myNotifications(
  db: Knex,
  userId: number,
  q: { cursor?: number; limit: number; unread?: boolean },
): Promise<NotificationPage> {
  const rows = await listNotifications(db, userId, q.cursor, q.limit + 1, !!q.unread);
  const page = rows.slice(0, q.limit);
  return {
    items: page.map(presentNotification),
    nextCursor: rows.length > q.limit ? page[page.length - 1]!.id : null,
    unreadCount: await unreadNotificationCount(db, userId),
  };
}

/** Marks some (or all) of my notifications read; answers the unread count left. */
export async function readNotifications(db: Knex, userId: number, ids: number[] | null): Promise<{ updated: number; unreadCount: number }> {
  const updated = await markNotificationsRead(db, userId, ids);
  return { updated, unreadCount: await unreadNotificationCount(db, userId) };
}

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  frequency: 'realtime',
  batchMinutes: 0,
  types: { article: true, comment: true, member: true, event: true, mention: true },
  groups: {},
};

/** Stored settings (JSON text or null) read leniently: anything unreadable is the defaults. */
export function parseSettings(raw: string | null | undefined): NotificationSettings {
  if (!raw) return DEFAULT_NOTIFICATION_SETTINGS;
  try {
    const parsed = notificationSettingsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : DEFAULT_NOTIFICATION_SETTINGS;
  } catch {
    return DEFAULT_NOTIFICATION_SETTINGS;
  }
}

/** My settings, or the defaults when never saved (or unreadable). */
export async function getNotificationSettings(db: Knex, userId: number): Promise<NotificationSettings> {
  return parseSettings(await findNotificationSettings(db, userId));
}

/** Stores my settings (already validated). E-mail digests that use them are not built yet. */
export async function putNotificationSettings(db: Knex, userId: number, settings: NotificationSettings): Promise<NotificationSettings> {
  await saveNotificationSettings(db, userId, JSON.stringify(settings));
  return settings;
}
