/** Typed calls for my notifications and my notification (e-mail) settings. */
import type { Http } from './http.js';
import type { Page } from '../../server/protocol/common.js';
import type { Group } from '../../server/protocol/groups.js';
import type { NotificationPage, NotificationSettings, ReadNotificationsAnswer } from '../../server/protocol/notifications.js';

export type {
  BatchMinutes,
  MailFrequency,
  NotificationPage,
  NotificationSettings,
  NotificationType,
} from '../../server/protocol/notifications.js';
/** One notification as the server presents it (REST and the live `notification` event). */
export type { Notification as AppNotification } from '../../server/protocol/notifications.js';

/** A group of mine, as far as the settings need it. */
export type MyGroup = Pick<Group, 'id' | 'name' | 'myStatus'>;

/** Every call of the notifications domain. */
export function notificationsApi(http: Http) {
  return {
    list: (q: { cursor?: number | string | null; limit?: number } = {}) => http.get<NotificationPage>('/api/notifications', { query: q }),
    read: (ids: number[] | 'all') => http.post<ReadNotificationsAnswer>('/api/notifications/read', ids === 'all' ? { all: true } : { ids }),
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
