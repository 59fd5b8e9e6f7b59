/** My notifications (/api/notifications, the `notification` event) and my notification e-mail settings. */
import { z } from 'zod';
import { fields, type Page } from './common';

/** One notification (REST and the live `notification` event). `data` depends on `kind` (docs/protocol.md). */
export interface Notification {
  id: number;
  kind: string;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

/** GET /api/notifications: a page with my unread count. */
export type NotificationPage = Page<Notification> & { unreadCount: number };

/** POST /api/notifications/read answer. */
export interface ReadNotificationsAnswer {
  updated: number;
  unreadCount: number;
}

/** GET /api/notifications query. */
export const notificationListQuerySchema = z.object({
  cursor: z.coerce.number<number>().int().min(1).optional(),
  limit: z.coerce.number<number>().int().min(1).max(100).default(30),
  unread: z
    .enum(['1', 'true', '0', 'false'])
    .transform((v) => v === '1' || v === 'true')
    .optional(),
});
/** POST /api/notifications/read: some, or all. */
export const readNotificationsSchema = z.union([
  z.object({ ids: z.array(fields.id).min(1).max(500) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);

const frequency = z.enum(['realtime', 'daily', 'weekly', 'never']);

/** GET/PUT /api/me/notification-settings; unknown keys are refused so a typo is not silently dropped. */
export const notificationSettingsSchema = z
  .object({
    frequency,
    batchMinutes: z.union([z.literal(0), z.literal(15), z.literal(120), z.literal(240)]),
    types: z.object({ article: z.boolean(), comment: z.boolean(), member: z.boolean(), event: z.boolean(), mention: z.boolean() }).strict(),
    groups: z.record(z.string().regex(/^\d+$/, 'Identifiant de groupe attendu.'), z.object({ frequency }).strict()),
  })
  .strict();

/** The contract's settings shape. */
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;
/** How often notification mails go out. */
export type MailFrequency = NotificationSettings['frequency'];
/** How long real-time mails are held to be grouped. */
export type BatchMinutes = NotificationSettings['batchMinutes'];
/** The kinds of notification a user may mute. */
export type NotificationType = keyof NotificationSettings['types'];
/** Body of POST /api/notifications/read. */
export type ReadNotificationsBody = z.input<typeof readNotificationsSchema>;

/** Server → client events of notifications. */
export interface NotificationServerEvents {
  notification: Notification;
  /** Notifications read elsewhere (another tab, or by reading the channel they point to). */
  'notifications:read': { ids: number[] };
}
