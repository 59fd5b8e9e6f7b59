/** Typed calls for my notifications and my notification (e-mail) settings. */
import type { Http } from './http.js';
import type { Page } from './types.js';

/** One notification as the server presents it (REST and the live `notification` event). */
export interface AppNotification {
  id: number;
  kind: string;
  /** Depends on the kind (see docs/protocol.md, "Notifications"); read defensively. */
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

export type MailFrequency = 'realtime' | 'daily' | 'weekly' | 'never';
export type BatchMinutes = 0 | 15 | 120 | 240;
export type NotificationType = 'article' | 'comment' | 'member' | 'event' | 'mention';

/** The contract's settings shape. */
export interface NotificationSettings {
  frequency: MailFrequency;
  batchMinutes: BatchMinutes;
  types: Record<NotificationType, boolean>;
  groups: Record<string, { frequency: MailFrequency }>;
}

/** A group of mine, as far as the settings need it. */
export interface MyGroup {
  id: number;
  name: string;
  myStatus: string | null;
}

/** A page of notifications with my unread count. */
export type NotificationPage = Page<AppNotification> & { unreadCount: number };

/** Every call of the notifications domain. */
export function notificationsApi(http: Http) {
  return {
    list: (q: { cursor?: number | string | null; limit?: number } = {}) => http.get<NotificationPage>('/api/notifications', { query: q }),
    read: (ids: number[] | 'all') => http.post<{ updated: number; unreadCount: number }>('/api/notifications/read', ids === 'all' ? { all: true } : { ids }),
    settings: () => http.get<NotificationSettings>('/api/me/notification-settings'),
    saveSettings: (s: NotificationSettings) => http.put<NotificationSettings>('/api/me/notification-settings', s),
    /** The groups I am a member of (every page of `GET /api/groups?scope=mine`). */
    async myGroups(): Promise<MyGroup[]> {
      const out: MyGroup[] = [];
      let cursor: string | number | null = null;
      do {
        const page: Page<MyGroup> = await http.get<Page<MyGroup>>('/api/groups', { query: { scope: 'mine', limit: 100, cursor } });
        out.push(...page.items.filter((g) => g.myStatus === 'member'));
        cursor = page.nextCursor;
      } while (cursor !== null && cursor !== undefined && out.length < 1000);
      return out;
    },
  };
}

export type NotificationsApi = ReturnType<typeof notificationsApi>;
