/**
 * What the platform's admins are told of (in-app notification, pushed live by
 * the caller after the commit, and mailed by the notification-mail job per
 * each admin's settings): a new organisation request, a new account-type
 * request waiting for validation.
 */
import type { Knex } from 'knex';
import { activeUserIdsWithRoles } from '../../db/users';
import { insertNotifications, type NotificationRow } from '../../db/notifications';

/** Kinds of the admins' notices. */
export type AdminNoticeKind = 'organisation_requested' | 'account_type_requested';

/** Stores one notice per active admin; answers the rows to push. */
export async function notifyAdmins(db: Knex, kind: AdminNoticeKind, data: Record<string, unknown>): Promise<NotificationRow[]> {
  const admins = await activeUserIdsWithRoles(db, ['admin']);
  return insertNotifications(
    db,
    admins.map((userId) => ({ userId, kind, data })),
  );
}
