/**
 * Who may do what with activity reports. Only the author ever sees a single
 * report; animators and admins see territorial aggregates; a manager sees
 * their team's figures; admins set the teams.
 */
import type { Knex } from 'knex';
import { notFound } from '../errors';
import { findReport, type ReportRow } from '../db/reports';
import type { UserRow } from '../db/users';
import { isAdmin, isAnimator, isChatOnly, ROLE_SETS } from './roles';

/** The global roles that see territorial (département, région, national) dashboards: the animators' set. */
export const TERRITORY_ROLES: readonly UserRow['role'][] = ROLE_SETS.animators;

/** Any active member who is not chat-only records reports. */
export function canRecordReports(user: UserRow): boolean {
  return user.status === 'active' && !isChatOnly(user);
}

/** Whether the user sees territorial aggregates. */
export function canSeeTerritories(user: UserRow): boolean {
  return isAnimator(user);
}

/** Whether the user sets who manages whom. */
export function canManageTeams(user: UserRow): boolean {
  return isAdmin(user);
}

/** The report if the user wrote it; `not_found` for anyone else's, exactly as for a missing one. */
export async function accessReport(db: Knex, user: UserRow, id: number): Promise<ReportRow> {
  const row = await findReport(db, id);
  if (!row || row.author_id !== user.id) throw notFound('Compte rendu');
  return row;
}
