/**
 * « On vous propose »: up to 6 groups to join, ranked by three signals, each
 * one small query (db/group-suggestions.ts): members of my département, my
 * contacts' groups, and groups whose members share my centres of interest. Never a private
 * group, one I am already in, one I dismissed, or a sub-group whose parent I
 * am not in (I could not join it). The largest groups fill the rest.
 */
import type { Knex } from 'knex';
import { accessGroup } from '../../access/groups';
import {
  contactsSignal,
  interestsSignal,
  dismissSuggestion,
  groupsWithCounts,
  popularSignal,
  sameDepartmentSignal,
  type SignalRow,
} from '../../db/group-suggestions';
import type { GroupRow } from '../../db/groups';
import type { UserRow } from '../../db/users';
import type { GroupSuggestion } from '../../protocol/communities';
import { presentGroup } from '../../presenters/groups';

export const MAX_SUGGESTIONS = 6;
type Reason = GroupSuggestion['reasons'][number];

/** GET /api/group-suggestions. */
export async function groupSuggestions(db: Knex, viewer: UserRow): Promise<{ items: GroupSuggestion[] }> {
  const pool = MAX_SUGGESTIONS * 4;
  const [department, contacts, interests] = await Promise.all([
    viewer.department_code ? sameDepartmentSignal(db, viewer.id, viewer.department_code, pool) : Promise.resolve([]),
    contactsSignal(db, viewer.id, pool),
    interestsSignal(db, viewer.id, pool),
  ]);
  const scores = new Map<number, { score: number; reasons: Reason[]; contactCount: number }>();
  const add = (rows: SignalRow[], reason: Reason, weight: number) => {
    for (const r of rows) {
      const s = scores.get(Number(r.group_id)) ?? { score: 0, reasons: [], contactCount: 0 };
      s.score += weight * Math.log2(1 + Number(r.n));
      s.reasons.push(reason);
      if (reason === 'contacts') s.contactCount = Number(r.n);
      scores.set(Number(r.group_id), s);
    }
  };
  // People I already work with say more than the département.
  add(contacts, 'contacts', 2);
  add(interests, 'interets', 1.5);
  add(department, 'departement', 1);
  let ranked = [...scores.entries()].sort((a, b) => b[1].score - a[1].score || a[0] - b[0]);
  if (ranked.length < MAX_SUGGESTIONS) {
    for (const r of await popularSignal(db, viewer.id, MAX_SUGGESTIONS * 2)) {
      if (!scores.has(Number(r.group_id))) ranked.push([Number(r.group_id), { score: 0, reasons: [], contactCount: 0 }]);
    }
  }
  ranked = ranked.slice(0, MAX_SUGGESTIONS);
  const rows = (await groupsWithCounts(
    db,
    ranked.map(([id]) => id),
  )) as (GroupRow & { member_count: number | string })[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items: GroupSuggestion[] = [];
  for (const [id, s] of ranked) {
    const g = byId.get(id);
    if (!g) continue;
    const parent = g.parent_id ? await accessGroup(db, viewer, g.parent_id).catch(() => null) : null;
    items.push({
      group: presentGroup(g, {
        memberCount: Number(g.member_count),
        myStatus: null,
        myRole: null,
        parent: parent ? { id: parent.group.id, name: parent.group.name } : null,
      }),
      reasons: s.reasons,
      contactCount: s.contactCount,
    });
  }
  return { items };
}

/** DELETE /api/group-suggestions/:groupId: not proposed again (a group I may not see stays not found). */
export async function dismissGroupSuggestion(db: Knex, viewer: UserRow, groupId: number): Promise<void> {
  await accessGroup(db, viewer, groupId);
  await dismissSuggestion(db, viewer.id, groupId);
}
