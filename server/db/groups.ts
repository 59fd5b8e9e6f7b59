import type { Knex } from 'knex';
import { whereAnyContains } from '../database';

export type Visibility = 'public' | 'moderated' | 'private';
export type GroupRole = 'owner' | 'admin' | 'member';
export type MemberStatus = 'member' | 'pending' | 'invited';

export interface GroupRow {
  id: number;
  name: string;
  slug: string;
  description: string | null;
  visibility: Visibility;
  parent_id: number | null;
  channel_id: number | null;
  is_community: boolean | number;
  picture_sha256: string | null;
  picture_mime: string | null;
  created_by: number | null;
  created_at: Date | number;
  updated_at: Date | number;
}

export interface GroupMemberRow {
  group_id: number;
  user_id: number;
  role: GroupRole;
  status: MemberStatus;
  joined_at: Date | number | null;
  created_at: Date | number;
}

/** A group as a viewer sees it in lists: with member count and the viewer's own membership. */
export type GroupListRow = GroupRow & { member_count: number | string; my_status: MemberStatus | null; my_role: GroupRole | null };

export async function findGroup(db: Knex, id: number): Promise<GroupRow | undefined> {
  return db<GroupRow>('groups').where({ id }).first();
}

export async function findGroupByChannel(db: Knex, channelId: number): Promise<GroupRow | undefined> {
  return db<GroupRow>('groups').where({ channel_id: channelId }).first();
}

export async function findGroupMember(db: Knex, groupId: number, userId: number): Promise<GroupMemberRow | undefined> {
  return db<GroupMemberRow>('group_members').where({ group_id: groupId, user_id: userId }).first();
}

/** The role of a full member (status `member`), or null. */
export async function groupRoleOf(db: Knex, groupId: number, userId: number): Promise<GroupRole | null> {
  const row = await db<GroupMemberRow>('group_members').where({ group_id: groupId, user_id: userId, status: 'member' }).first('role');
  return (row?.role as GroupRole | undefined) ?? null;
}

export async function insertGroup(
  db: Knex,
  g: Pick<GroupRow, 'name' | 'slug' | 'description' | 'visibility' | 'parent_id' | 'created_by'>,
): Promise<GroupRow> {
  const now = new Date();
  const [row] = await db('groups')
    .insert({ ...g, created_at: now, updated_at: now })
    .returning('*');
  return row as GroupRow;
}

export async function updateGroup(db: Knex, id: number, changes: Partial<GroupRow>): Promise<GroupRow> {
  const [row] = await db('groups')
    .where({ id })
    .update({ ...changes, updated_at: new Date() })
    .returning('*');
  return row as GroupRow;
}

/** Inserts or replaces a membership row. */
export async function upsertGroupMember(
  db: Knex,
  groupId: number,
  userId: number,
  status: MemberStatus,
  role: GroupRole = 'member',
): Promise<void> {
  const now = new Date();
  await db('group_members')
    .insert({ group_id: groupId, user_id: userId, role, status, joined_at: status === 'member' ? now : null, created_at: now })
    .onConflict(['group_id', 'user_id'])
    .merge({ status, role, joined_at: status === 'member' ? now : null });
}

export async function deleteGroupMember(db: Knex, groupId: number, userId: number): Promise<boolean> {
  return (await db('group_members').where({ group_id: groupId, user_id: userId }).del()) > 0;
}

export async function setGroupRole(db: Knex, groupId: number, userId: number, role: GroupRole): Promise<void> {
  await db('group_members').where({ group_id: groupId, user_id: userId }).update({ role });
}

export async function countOwners(db: Knex, groupId: number): Promise<number> {
  const row = (await db('group_members').where({ group_id: groupId, status: 'member', role: 'owner' }).count({ n: '*' }).first()) as {
    n: number | string;
  };
  return Number(row.n);
}

/** The ids of the group's owners and admins (who decide requests and are notified of them). */
export async function groupManagerIds(db: Knex, groupId: number, roles: readonly GroupRole[]): Promise<number[]> {
  const rows = await db('group_members').where({ group_id: groupId, status: 'member' }).whereIn('role', roles).select('user_id');
  return rows.map((r: { user_id: number }) => r.user_id);
}

/** The ids of the groups where the user is a full member with one of these roles. */
export async function groupIdsWhereRole(db: Knex, userId: number, roles: readonly GroupRole[]): Promise<number[]> {
  const rows = await db('group_members').where({ user_id: userId, status: 'member' }).whereIn('role', roles).select('group_id');
  return rows.map((r: { group_id: number }) => r.group_id);
}

/** The user's full memberships, every group at once. */
export async function fullMembershipsOf(db: Knex, userId: number): Promise<GroupMemberRow[]> {
  return db<GroupMemberRow>('group_members').where({ user_id: userId, status: 'member' });
}

/** The user's rows (any status) in these groups. */
export async function membershipsIn(db: Knex, userId: number, groupIds: number[]): Promise<GroupMemberRow[]> {
  if (!groupIds.length) return [];
  return db<GroupMemberRow>('group_members').where({ user_id: userId }).whereIn('group_id', groupIds);
}

/** The ids of the groups where the user is a full member (a knex subquery). */
export function myGroupIdsQuery(db: Knex, userId: number): Knex.QueryBuilder {
  return db('group_members').where({ user_id: userId, status: 'member' }).select('group_id');
}

export interface GroupSearch {
  viewerId: number;
  q?: string;
  /** Only groups where the viewer is a member, pending or invited. */
  mine: boolean;
  afterName?: { name: string; id: number };
  limit: number;
}

/**
 * Groups a viewer may see: public and moderated ones, private ones only where
 * the viewer is a member or invited. Ordered by name then id (keyset cursor).
 */
export async function searchGroups(db: Knex, s: GroupSearch): Promise<GroupListRow[]> {
  const q = db('groups as g')
    .leftJoin('group_members as me', function () {
      this.on('me.group_id', '=', 'g.id').andOn('me.user_id', '=', db.raw('?', [s.viewerId]));
    })
    .select('g.*', 'me.status as my_status', 'me.role as my_role')
    .select(db.raw("(select count(*) from group_members gm where gm.group_id = g.id and gm.status = 'member') as member_count"))
    .where((w) => w.whereNot('g.visibility', 'private').orWhereIn('me.status', ['member', 'invited']))
    // A group inside a private community stays hidden from whoever is outside both.
    .where((w) =>
      w
        .whereNull('g.parent_id')
        .orWhereIn('me.status', ['member', 'invited'])
        .orWhereNotExists(
          db('groups as pg')
            .whereRaw('pg.id = g.parent_id')
            .where('pg.visibility', 'private')
            .whereNotExists(
              db('group_members as pm')
                .whereRaw('pm.group_id = pg.id')
                .where('pm.user_id', s.viewerId)
                .whereIn('pm.status', ['member', 'invited'])
                .select(db.raw('1')),
            )
            .select(db.raw('1')),
        ),
    )
    .orderByRaw('lower(g.name), g.id')
    .limit(s.limit);
  if (s.mine) q.whereNotNull('me.status');
  if (s.q) whereAnyContains(q, ['g.name', "coalesce(g.description, '')"], s.q);
  if (s.afterName) q.whereRaw('(lower(g.name), g.id) > (?, ?)', [s.afterName.name.toLowerCase(), s.afterName.id]);
  return q;
}

export async function memberCountOf(db: Knex, groupId: number): Promise<number> {
  const row = (await db('group_members').where({ group_id: groupId, status: 'member' }).count({ n: '*' }).first()) as {
    n: number | string;
  };
  return Number(row.n);
}

/** Full members with their user rows, ordered by role (owners first) then name. */
export async function listGroupMembers(db: Knex, groupId: number, status: MemberStatus, limit: number, offset: number) {
  return db('group_members as gm')
    .join('users as u', 'u.id', 'gm.user_id')
    .where({ 'gm.group_id': groupId, 'gm.status': status })
    .select('u.*', 'gm.role as group_role', 'gm.status as group_status', 'gm.joined_at as group_joined_at')
    .orderByRaw("case gm.role when 'owner' then 0 when 'admin' then 1 else 2 end, lower(u.last_name), lower(u.first_name), u.id")
    .limit(limit)
    .offset(offset);
}

export async function findGroupBySlug(db: Knex, slug: string): Promise<GroupRow | undefined> {
  return db<GroupRow>('groups').where({ slug }).first();
}

/** Deletes a group (its memberships, posts and requests go with it); its sub-groups lose their parent. */
export async function deleteGroupRow(db: Knex, id: number): Promise<void> {
  await db('groups').where({ parent_id: id }).update({ parent_id: null });
  await db('groups').where({ id }).del();
}

/** Ids of the full members of a group. */
export async function groupMemberIds(db: Knex, groupId: number): Promise<number[]> {
  const rows = await db('group_members').where({ group_id: groupId, status: 'member' }).select('user_id');
  return rows.map((r: { user_id: number }) => r.user_id);
}

/** The groups of a user the viewer may see (private ones only if the viewer is a member too), by name. */
export async function visibleGroupsOf(
  db: Knex,
  userId: number,
  viewerId: number,
): Promise<{ id: number; name: string; visibility: Visibility; role: GroupRole }[]> {
  return db('group_members as gm')
    .join('groups as g', 'g.id', 'gm.group_id')
    .leftJoin('group_members as v', function () {
      this.on('v.group_id', '=', 'g.id').andOn('v.user_id', '=', db.raw('?', [viewerId]));
    })
    .where({ 'gm.user_id': userId, 'gm.status': 'member' })
    .where((w) => w.whereNot('g.visibility', 'private').orWhere('v.status', 'member'))
    .orderByRaw('lower(g.name)')
    .select('g.id', 'g.name', 'g.visibility', 'gm.role');
}
