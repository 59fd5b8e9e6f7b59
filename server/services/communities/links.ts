/** « Liens utiles »: links a community's managers (and the network's animators) keep; everyone who sees the group reads them. */
import type { Knex } from 'knex';
import { notFound } from '../../errors';
import { accessGroup } from '../../access/groups';
import { accessCommunityEditor } from '../../access/communities';
import { deleteGroupLink, findGroupLink, insertGroupLink, listGroupLinks, updateGroupLink } from '../../db/communities';
import type { UserRow } from '../../db/users';
import type { GroupLink } from '../../protocol/communities';
import { presentLink } from './home';

export async function groupLinks(db: Knex, viewer: UserRow, groupId: number): Promise<GroupLink[]> {
  const { group } = await accessGroup(db, viewer, groupId);
  return (await listGroupLinks(db, group.id)).map(presentLink);
}

export async function addGroupLink(
  db: Knex,
  actor: UserRow,
  groupId: number,
  input: { title: string; url: string; description: string | null },
): Promise<GroupLink> {
  const { group } = await accessCommunityEditor(db, actor, groupId);
  return presentLink(await insertGroupLink(db, { group_id: group.id, ...input, created_by: actor.id }));
}

export async function editGroupLink(
  db: Knex,
  actor: UserRow,
  groupId: number,
  linkId: number,
  changes: { title?: string; url?: string; description?: string | null; position?: number },
): Promise<GroupLink> {
  const { group } = await accessCommunityEditor(db, actor, groupId);
  if (!(await findGroupLink(db, group.id, linkId))) throw notFound('Lien');
  return presentLink(await updateGroupLink(db, linkId, changes));
}

export async function removeGroupLink(db: Knex, actor: UserRow, groupId: number, linkId: number): Promise<void> {
  const { group } = await accessCommunityEditor(db, actor, groupId);
  if (!(await findGroupLink(db, group.id, linkId))) throw notFound('Lien');
  await deleteGroupLink(db, linkId);
}
