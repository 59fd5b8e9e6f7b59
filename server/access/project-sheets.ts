/**
 * Who sees a project sheet: its creator, and the validated professionals the
 * creator shared it with (by address). Nobody else — admins included — may
 * know it exists: every other caller gets `not_found`, on the sheet, its
 * canvas, its files and its comments. A professional who can see it but
 * tries a creator's action gets `forbidden` (they know it exists).
 */
import type { Knex } from 'knex';
import { forbidden, notFound } from '../errors';
import { findSheet, type ProjectSheetRow } from '../db/project-sheets';
import { shareFor } from '../db/sheet-shares';
import type { UserRow } from '../db/users';
import { rightsOf } from './account-types';
import { isChatOnly } from './roles';

/** Whether the account may keep project sheets (a créateur, active, not chat-only). */
export function keepsProjectSheets(user: UserRow): boolean {
  return user.status === 'active' && !isChatOnly(user) && rightsOf(user).keepsProjectSheets;
}

/** Whether a share can give this account access: a validated professional type in force, active, not chat-only. */
export function accompaniesCreators(user: Pick<UserRow, 'status' | 'chat_only' | 'account_type'>): boolean {
  return user.status === 'active' && !user.chat_only && rightsOf(user).accompaniesCreators;
}

/** A sheet and how the caller sees it. */
export interface SheetAccess {
  sheet: ProjectSheetRow;
  role: 'owner' | 'professional';
}

/** The sheet if the caller is its creator or a professional it is shared with; `not_found` otherwise. */
export async function accessSheet(db: Knex, user: UserRow, id: number): Promise<SheetAccess> {
  const sheet = await findSheet(db, id);
  if (!sheet) throw notFound('Fiche projet');
  if (sheet.owner_id === user.id) return { sheet, role: 'owner' };
  if (accompaniesCreators(user) && (await shareFor(db, id, user))) return { sheet, role: 'professional' };
  throw notFound('Fiche projet');
}

/** The sheet for a creator's action: its creator only (a professional who sees it: `forbidden`; anyone else: `not_found`). */
export async function accessOwnSheet(db: Knex, user: UserRow, id: number): Promise<ProjectSheetRow> {
  const { sheet, role } = await accessSheet(db, user, id);
  if (role !== 'owner') throw forbidden('Seul le créateur du projet peut faire cela.');
  return sheet;
}
