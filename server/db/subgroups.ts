import type { Knex } from 'knex';
import type { GroupListRow } from './groups';

/**
 * The sub-groups of a group that a viewer may see (private ones only where
 * the viewer is a member or invited), with member counts, by name.
 */
export async function searchSubgroups(db: Knex, parentId: number, viewerId: number): Promise<GroupListRow[]> {
  return db('groups as g')
    .leftJoin('group_members as me', function () {
      this.on('me.group_id', '=', 'g.id').andOn('me.user_id', '=', db.raw('?', [viewerId]));
    })
    .where('g.parent_id', parentId)
    .where((w) => w.whereNot('g.visibility', 'private').orWhereIn('me.status', ['member', 'invited']))
    .select('g.*', 'me.status as my_status', 'me.role as my_role')
    .select(db.raw("(select count(*) from group_members gm where gm.group_id = g.id and gm.status = 'member') as member_count"))
    .orderByRaw('lower(g.name), g.id')
    .limit(200);
}
