import type { Knex } from 'knex';
import { forbidden, ruleViolated } from '../../errors';
import { accessGroup, accessGroupAsManager, canCreateGroup, isGroupOwner } from '../../access/groups';
import {
  addMember,
  deleteChannel,
  findChannel,
  findChannelBySlug,
  insertChannel,
  memberIds,
  updateChannel,
  type ChannelRow,
} from '../../db/channels';
import {
  deleteGroupRow,
  findGroupBySlug,
  findGroupMember,
  insertGroup,
  memberCountOf,
  searchGroups,
  updateGroup,
  upsertGroupMember,
  type GroupMemberRow,
  type GroupRow,
  type Visibility,
} from '../../db/groups';
import type { UserRow } from '../../db/users';
import { presentGroup, type PresentedGroup } from '../../presenters/groups';
import { freeSlug, slugify } from '../../slug';
import { assertChannelNameFree } from '../chat/channel-names';

/** One group as a viewer sees it (with its parent when the viewer may see that too). */
export async function groupView(db: Knex, viewer: UserRow, group: GroupRow, membership?: GroupMemberRow): Promise<PresentedGroup> {
  const m = membership ?? (await findGroupMember(db, group.id, viewer.id));
  const parent = await visibleParent(db, viewer, group.parent_id);
  return presentGroup(group, {
    memberCount: await memberCountOf(db, group.id),
    myStatus: m?.status ?? null,
    myRole: m?.role ?? null,
    parent,
  });
}

/** The parent group's id and name if the viewer may see it (a private parent stays hidden). */
async function visibleParent(db: Knex, viewer: UserRow, parentId: number | null): Promise<{ id: number; name: string } | null> {
  if (!parentId) return null;
  const p = await accessGroup(db, viewer, parentId).catch(() => null);
  return p ? { id: p.group.id, name: p.group.name } : null;
}

export interface CreateGroupInput {
  name: string;
  description: string | null;
  visibility: Visibility;
  parentId?: number | null;
}

/**
 * Creates a group, its channel (kind `group`) and makes the creator its owner,
 * in one transaction. Animators and admins create groups; the owners and
 * admins of a group also create its sub-groups.
 */
export async function createGroup(db: Knex, actor: UserRow, input: CreateGroupInput): Promise<{ group: GroupRow; channel: ChannelRow }> {
  if (input.parentId) {
    const parent = await accessGroup(db, actor, input.parentId);
    if (!canCreateGroup(actor, parent.membership, true))
      throw forbidden('Seuls les responsables du groupe parent créent des sous-groupes.');
  } else if (!canCreateGroup(actor, undefined, false)) {
    throw forbidden('Seuls les animateurs et les administrateurs créent des groupes.');
  }
  return db.transaction(async (trx) => {
    await assertChannelNameFree(trx, input.name);
    const slug = await freeSlug(slugify(input.name, 'groupe'), (s) => findGroupBySlug(trx, s));
    const group = await insertGroup(trx, {
      name: input.name,
      slug,
      description: input.description,
      visibility: input.visibility,
      parent_id: input.parentId ?? null,
      created_by: actor.id,
    });
    const channelSlug = await freeSlug(`groupe-${slug}`, (s) => findChannelBySlug(trx, s));
    const channel = await insertChannel(trx, {
      kind: 'group',
      name: input.name,
      slug: channelSlug,
      description: input.description,
      group_id: group.id,
      created_by: actor.id,
    });
    const saved = await updateGroup(trx, group.id, { channel_id: channel.id });
    await upsertGroupMember(trx, group.id, actor.id, 'member', 'owner');
    await addMember(trx, channel.id, actor.id);
    return { group: saved, channel };
  });
}

/** Renames, describes or changes the visibility of a group; its channel follows the name. */
export async function editGroup(
  db: Knex,
  actor: UserRow,
  groupId: number,
  changes: { name?: string; description?: string | null; visibility?: Visibility },
): Promise<{ group: GroupRow; channel: ChannelRow | null; renamed: boolean }> {
  const { group } = await accessGroupAsManager(db, actor, groupId);
  return db.transaction(async (trx) => {
    if (changes.name !== undefined) await assertChannelNameFree(trx, changes.name, group.channel_id);
    const saved = Object.keys(changes).length ? await updateGroup(trx, group.id, changes) : group;
    const renamed =
      (changes.name !== undefined && changes.name !== group.name) ||
      (changes.description !== undefined && changes.description !== group.description);
    if (renamed && group.channel_id) {
      await updateChannel(trx, group.channel_id, { name: saved.name, description: saved.description });
    }
    const channel = group.channel_id ? ((await findChannel(trx, group.channel_id)) ?? null) : null;
    return { group: saved, channel, renamed };
  });
}

/**
 * Deletes a group with its posts, memberships and channel (owners and global
 * admins). Answers who was in the channel, so their sockets can leave its room.
 */
export async function deleteGroup(
  db: Knex,
  actor: UserRow,
  groupId: number,
): Promise<{ group: GroupRow; channel: ChannelRow | null; memberIds: number[] }> {
  const { group, membership } = await accessGroupAsManager(db, actor, groupId);
  if (!isGroupOwner(actor, membership)) throw forbidden('Seuls les propriétaires du groupe peuvent le supprimer.');
  return db.transaction(async (trx) => {
    const channel = group.channel_id ? ((await findChannel(trx, group.channel_id)) ?? null) : null;
    const members = channel ? await memberIds(trx, channel.id) : [];
    await deleteGroupRow(trx, group.id);
    if (channel) await deleteChannel(trx, channel.id);
    return { group, channel, memberIds: members };
  });
}

export interface ListGroupsQuery {
  scope: 'mine' | 'directory';
  q?: string;
  cursor?: string;
  limit: number;
}

/** The cursor of the group list: the last item's name and id (keyset on lower(name), id). */
const encodeCursor = (g: GroupRow) => Buffer.from(JSON.stringify([g.name, g.id])).toString('base64url');
function decodeCursor(cursor: string | undefined): { name: string; id: number } | undefined {
  if (!cursor) return undefined;
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof name === 'string' && Number.isInteger(id)) return { name, id: id as number };
  } catch {
    // fall through
  }
  throw ruleViolated('invalid_cursor', 'Curseur de pagination invalide.');
}

/** GET /api/groups: the directory (every group I may see) or mine (member, pending, invited). */
export async function listGroups(db: Knex, actor: UserRow, query: ListGroupsQuery) {
  const rows = await searchGroups(db, {
    viewerId: actor.id,
    q: query.q,
    mine: query.scope === 'mine',
    afterName: decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const items = [];
  for (const r of page) {
    const parent = await visibleParent(db, actor, r.parent_id);
    items.push(presentGroup(r, { memberCount: Number(r.member_count), myStatus: r.my_status, myRole: r.my_role, parent }));
  }
  return { items, nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]!) : null };
}
