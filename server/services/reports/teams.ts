/** Teams: admins name a member the manager of colleagues of the same host structure. */
import type { Knex } from 'knex';
import { notFound, ruleViolated } from '../../errors';
import { canManageTeams } from '../../access/reports';
import { deleteTeamLink, insertTeamLink, listTeamLinks, teamPeople } from '../../db/report-teams';
import { findUserById, type UserRow } from '../../db/users';
import type { TeamPerson, TeamView } from '../../protocol/reports';

const sameStructure = (a: UserRow, b: UserRow) =>
  !!a.employer && !!b.employer && a.employer.trim().toLowerCase() === b.employer.trim().toLowerCase();

const person = (u: Pick<UserRow, 'id' | 'first_name' | 'last_name' | 'employer'>): TeamPerson => ({
  id: u.id,
  displayName: `${u.first_name} ${u.last_name}`,
  employer: u.employer,
});

/** Makes `memberId` part of `managerId`'s team. Admins only (`not_found` for others, the feature is theirs). */
export async function addTeamMember(db: Knex, actor: UserRow, managerId: number, memberId: number): Promise<void> {
  if (!canManageTeams(actor)) throw notFound('Équipe');
  if (managerId === memberId) throw ruleViolated('team_self', 'Un responsable ne fait pas partie de sa propre équipe.');
  const [manager, member] = await Promise.all([findUserById(db, managerId), findUserById(db, memberId)]);
  if (!manager || !member || manager.status !== 'active' || member.status !== 'active') throw notFound('Membre');
  if (!sameStructure(manager, member)) {
    throw ruleViolated('not_same_structure', "Le responsable et le membre doivent avoir la même structure d'accueil.");
  }
  await insertTeamLink(db, managerId, memberId);
}

/** Takes `memberId` out of `managerId`'s team. Admins only. */
export async function removeTeamMember(db: Knex, actor: UserRow, managerId: number, memberId: number): Promise<void> {
  if (!canManageTeams(actor)) throw notFound('Équipe');
  if (!(await deleteTeamLink(db, managerId, memberId))) throw notFound('Équipe');
}

/** Teams: every team for admins, mine for a manager (an empty list for others). */
export async function listTeams(db: Knex, actor: UserRow): Promise<TeamView[]> {
  const links = await listTeamLinks(db, canManageTeams(actor) ? undefined : actor.id);
  const ids = [...new Set(links.flatMap((l) => [l.manager_id, l.member_id]))];
  const users = new Map((await teamPeople(db, ids)).map((u) => [u.id, person(u)]));
  const teams = new Map<number, TeamView>();
  for (const l of links) {
    const t = teams.get(l.manager_id) ?? { manager: users.get(l.manager_id)!, members: [] };
    t.members.push(users.get(l.member_id)!);
    teams.set(l.manager_id, t);
  }
  return [...teams.values()];
}
