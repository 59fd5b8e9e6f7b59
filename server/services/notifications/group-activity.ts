/**
 * Group activity: a new post, document, library resource or agenda event in a group notifies
 * its full members (never the author), in the app at once and by e-mail as
 * each member's settings say for that group (jobs/notification-mail.ts reads
 * the `groupId` of the data). A member whose frequency for the group is
 * `never` is not notified at all: the group is muted for them.
 */
import type { Knex } from 'knex';
import { groupMemberIds } from '../../db/groups';
import { insertNotifications, notificationSettingsOf, type NotificationRow } from '../../db/notifications';
import { parseSettings } from './notifications';

/** The kinds of group activity (the e-mail switches: posts and documents under `article`, events under `event`). */
export type GroupActivityKind = 'post_new' | 'document_new' | 'event_new' | 'resource_new';

export interface GroupActivity {
  kind: GroupActivityKind;
  groupId: number;
  groupName: string;
  authorId: number;
  /** What the notification says: its title, ids and author, as the client's texts read them. */
  data: Record<string, unknown>;
  /** Members already told about it another way (named in a post, invited to an event). */
  alreadyNotified?: Iterable<number>;
}

/** Stores the notifications of one group activity, inside the writing transaction; answers them, to push after the commit. */
export async function notifyGroupActivity(trx: Knex, a: GroupActivity): Promise<NotificationRow[]> {
  const skip = new Set<number>([a.authorId, ...(a.alreadyNotified ?? [])]);
  const members = (await groupMemberIds(trx, a.groupId)).filter((id) => !skip.has(id));
  if (!members.length) return [];
  const settings = await notificationSettingsOf(trx, members);
  const key = String(a.groupId);
  const listening = members.filter((id) => parseSettings(settings.get(id)).groups[key]?.frequency !== 'never');
  const data = { ...a.data, groupId: a.groupId, groupName: a.groupName };
  return insertNotifications(
    trx,
    listening.map((userId) => ({ userId, kind: a.kind, data })),
  );
}
