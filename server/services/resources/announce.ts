/**
 * A resource of a group going on line for the first time notifies the group's
 * members (group activity, `resource_new`); a network-wide resource, or a new
 * version of one already on line, notifies nobody.
 */
import type { Knex } from 'knex';
import type { NotificationRow } from '../../db/notifications';
import type { ResourceRow } from '../../db/resources';
import type { UserRow } from '../../db/users';
import { findGroup } from '../../db/groups';
import { presentAuthor } from '../../presenters/users';
import { notifyGroupActivity } from '../notifications/group-activity';

export async function announceResource(
  trx: Knex,
  r: Pick<ResourceRow, 'id' | 'group_id' | 'author_id' | 'title'>,
  author: Pick<UserRow, 'id' | 'username' | 'first_name' | 'last_name'>,
  firstPublication: boolean,
): Promise<NotificationRow[]> {
  if (!firstPublication || r.group_id === null) return [];
  const group = await findGroup(trx, r.group_id);
  if (!group) return [];
  return notifyGroupActivity(trx, {
    kind: 'resource_new',
    groupId: group.id,
    groupName: group.name,
    authorId: r.author_id,
    data: { resourceId: r.id, title: r.title, author: presentAuthor(author) },
  });
}
