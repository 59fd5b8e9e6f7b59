import type { Knex } from 'knex';

/** A manager → member link of `report_team_members`. */
export interface TeamLinkRow {
  manager_id: number;
  member_id: number;
  created_at: Date | number | string;
}

/** The ids of the members a manager manages. */
export async function teamMemberIds(db: Knex, managerId: number): Promise<number[]> {
  return (await db('report_team_members').where({ manager_id: managerId }).select('member_id')).map(
    (r: { member_id: number }) => r.member_id,
  );
}

/** Every link, or only one manager's. */
export async function listTeamLinks(db: Knex, managerId?: number): Promise<TeamLinkRow[]> {
  const q = db<TeamLinkRow>('report_team_members').orderBy(['manager_id', 'member_id']);
  if (managerId) q.where({ manager_id: managerId });
  return q;
}

/** Links a member to a manager (idempotent). */
export async function insertTeamLink(db: Knex, managerId: number, memberId: number): Promise<void> {
  await db('report_team_members')
    .insert({ manager_id: managerId, member_id: memberId, created_at: new Date() })
    .onConflict(['manager_id', 'member_id'])
    .ignore();
}

/** Unlinks a member from a manager; answers whether a link existed. */
export async function deleteTeamLink(db: Knex, managerId: number, memberId: number): Promise<boolean> {
  return (await db('report_team_members').where({ manager_id: managerId, member_id: memberId }).del()) > 0;
}

/** The name and host structure of some people (team views, team figures and exports). */
export async function teamPeople(
  db: Knex,
  ids: number[],
): Promise<{ id: number; first_name: string; last_name: string; employer: string | null }[]> {
  if (!ids.length) return [];
  return db('users').whereIn('id', ids).select('id', 'first_name', 'last_name', 'employer');
}
