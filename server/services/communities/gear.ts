/**
 * The gear of a group: my notification rhythm for it (the same values as the
 * notification settings page, stored in the same settings), muting being the
 * rhythm `never`. Leaving goes through DELETE /api/groups/:id/members/me.
 */
import type { Knex } from 'knex';
import { accessGroupAsMember } from '../../access/groups';
import type { UserRow } from '../../db/users';
import type { MailFrequency, NotificationSettings } from '../../protocol/notifications';
import { getNotificationSettings, putNotificationSettings } from '../notifications/notifications';

/** PUT /api/me/notification-settings/groups/:id: sets (or with null, clears) my rhythm for one of my groups. */
export async function setGroupRhythm(
  db: Knex,
  actor: UserRow,
  groupId: number,
  frequency: MailFrequency | null,
): Promise<NotificationSettings> {
  const { group } = await accessGroupAsMember(db, actor, groupId);
  return db.transaction(async (trx) => {
    const settings = await getNotificationSettings(trx, actor.id);
    const groups = { ...settings.groups };
    if (frequency) groups[String(group.id)] = { frequency };
    else delete groups[String(group.id)];
    return putNotificationSettings(trx, actor.id, { ...settings, groups });
  });
}
