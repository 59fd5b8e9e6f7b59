import type { Knex } from 'knex';

export interface NotificationRow {
  id: number;
  user_id: number;
  kind: string;
  data: string;
  created_at: Date | number;
  read_at: Date | number | null;
}

export async function insertNotification(db: Knex, userId: number, kind: string, data: Record<string, unknown>): Promise<NotificationRow> {
  const [row] = await db('notifications')
    .insert({ user_id: userId, kind, data: JSON.stringify(data), created_at: new Date(), read_at: null })
    .returning('*');
  return row as NotificationRow;
}

/** Stores the same kind of notification for many users in one statement per 200 (PostgreSQL and SQLite bind limits alike). */
export async function insertNotifications(
  db: Knex,
  rows: { userId: number; kind: string; data: Record<string, unknown> }[],
): Promise<NotificationRow[]> {
  const out: NotificationRow[] = [];
  const now = new Date();
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows
      .slice(i, i + 200)
      .map((r) => ({ user_id: r.userId, kind: r.kind, data: JSON.stringify(r.data), created_at: now, read_at: null }));
    out.push(...((await db('notifications').insert(chunk).returning('*')) as NotificationRow[]));
  }
  return out;
}

/** The stored settings (JSON text) of these users; those who never saved any are absent. */
export async function notificationSettingsOf(db: Knex, userIds: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < userIds.length; i += 500) {
    const rows = (await db('notification_settings')
      .whereIn('user_id', userIds.slice(i, i + 500))
      .select('user_id', 'settings')) as {
      user_id: number;
      settings: string;
    }[];
    for (const r of rows) out.set(Number(r.user_id), r.settings);
  }
  return out;
}

/** A user's notifications, newest first, before an id (keyset cursor). */
export async function listNotifications(
  db: Knex,
  userId: number,
  beforeId: number | undefined,
  limit: number,
  unreadOnly: boolean,
): Promise<NotificationRow[]> {
  const q = db<NotificationRow>('notifications').where({ user_id: userId }).orderBy('id', 'desc').limit(limit);
  if (beforeId) q.where('id', '<', beforeId);
  if (unreadOnly) q.whereNull('read_at');
  return q;
}

export async function unreadNotificationCount(db: Knex, userId: number): Promise<number> {
  const row = (await db('notifications').where({ user_id: userId }).whereNull('read_at').count({ n: '*' }).first()) as {
    n: number | string;
  };
  return Number(row.n);
}

/** Marks the user's own notifications read (others' ids are ignored); `ids` null marks all. */
export async function markNotificationsRead(db: Knex, userId: number, ids: number[] | null): Promise<number> {
  const q = db('notifications').where({ user_id: userId }).whereNull('read_at');
  if (ids) q.whereIn('id', ids);
  return q.update({ read_at: new Date() });
}

export async function findNotificationSettings(db: Knex, userId: number): Promise<string | null> {
  const row = await db('notification_settings').where({ user_id: userId }).first('settings');
  return (row?.settings as string | undefined) ?? null;
}

export async function saveNotificationSettings(db: Knex, userId: number, settings: string): Promise<void> {
  await db('notification_settings')
    .insert({ user_id: userId, settings, updated_at: new Date() })
    .onConflict('user_id')
    .merge({ settings, updated_at: new Date() });
}

export async function notificationsByIds(db: Knex, ids: number[]): Promise<NotificationRow[]> {
  return db<NotificationRow>('notifications').whereIn('id', ids).orderBy('id');
}

/** A user's unread notifications of one kind (few: filtered by the caller). */
export async function unreadOfKind(db: Knex, userId: number, kind: string): Promise<Pick<NotificationRow, 'id' | 'data'>[]> {
  return db('notifications').where({ user_id: userId, kind }).whereNull('read_at').select('id', 'data');
}
