/**
 * Project sheets: create, edit (each change is a new version), read (a
 * professional sees what changed since their last visit), mark visited,
 * delete, and the two lists: « Mes projets » and « Mes accompagnements ».
 */
import type { Knex } from 'knex';
import { AppError } from '../../errors';
import {
  deleteSheet as deleteSheetRow,
  insertSheet,
  sheetVersion,
  sheetsOfOwner,
  updateSheet as updateSheetRow,
  type ProjectSheetRow,
} from '../../db/project-sheets';
import { sheetsSharedWith } from '../../db/sheet-shares';
import { findRead, lastCommentId, readsOf, saveRead, unreadCounts } from '../../db/sheet-comments';
import { findUserById, type UserRow } from '../../db/users';
import { listSectors } from '../../db/sectors';
import { keepsProjectSheets, accompaniesCreators, type SheetAccess } from '../../access/project-sheets';
import { presentOwner } from '../../presenters/project-sheets';
import { iso } from '../../presenters/time';
import { findCommune } from '../reports/communes';
import { describeChanges, fieldsOf, inputOf, parseNeeds, toColumns, type SheetInput } from './fields';
import type { ProjectNeed, ProjectSheet, ProjectSheetList, SheetProjectSize, ProjectStage } from '../../protocol/project-sheets';

/** Creates a sheet for a créateur (anyone else: 403 `not_a_creator`). */
export async function createSheet(db: Knex, actor: UserRow, input: SheetInput): Promise<ProjectSheetRow> {
  if (!keepsProjectSheets(actor))
    throw new AppError('not_a_creator', 403, 'Les fiches projet sont réservées aux comptes « créateur d’entreprise ».');
  return insertSheet(db, actor.id, await toColumns(db, input));
}

/** Applies a partial change; a new version only when something really changed. */
export async function editSheet(
  db: Knex,
  sheet: ProjectSheetRow,
  patch: Partial<SheetInput>,
): Promise<{ sheet: ProjectSheetRow; changed: boolean }> {
  const before = fieldsOf(sheet);
  const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<SheetInput>;
  // An empty legal form clears it, like the other optional fields.
  const merged: SheetInput = { ...inputOf(before), ...given, ...(given.legalForm === '' ? { legalForm: null } : {}) };
  const after = await toColumns(db, merged);
  const diff = await describeChanges(db, before, after);
  if (diff.length === 0) return { sheet, changed: false };
  return db.transaction(async (trx) => ({ sheet: await updateSheetRow(trx, sheet, after), changed: true }));
}

export async function deleteSheet(db: Knex, sheet: ProjectSheetRow): Promise<void> {
  await deleteSheetRow(db, sheet.id);
}

/** The sheet as the caller sees it: for a professional, what changed since the version they last saw. */
export async function viewSheet(db: Knex, actor: UserRow, { sheet, role }: SheetAccess): Promise<ProjectSheet> {
  const owner = await findUserById(db, sheet.owner_id);
  const read = await findRead(db, sheet.id, actor.id);
  let changes: ProjectSheet['changes'] = [];
  if (role === 'professional' && read && read.seen_version < sheet.version) {
    const before = await sheetVersion(db, sheet.id, read.seen_version);
    if (before) changes = await describeChanges(db, before, fieldsOf(sheet));
  }
  const unread = (await unreadCounts(db, actor.id, new Map([[sheet.id, read?.seen_comment_id ?? 0]]))).get(sheet.id) ?? 0;
  const sectorName = sheet.sector_id ? ((await listSectors(db)).find((s) => Number(s.id) === Number(sheet.sector_id))?.name ?? null) : null;
  return {
    id: sheet.id,
    owner: presentOwner(owner!),
    title: sheet.title,
    summary: sheet.summary,
    stage: sheet.stage as ProjectStage,
    sectorId: sheet.sector_id === null ? null : Number(sheet.sector_id),
    sectorName,
    departmentCode: sheet.department_code,
    communeCode: sheet.commune_code,
    communeName: sheet.commune_code ? (findCommune(sheet.commune_code)?.name ?? null) : null,
    projectSize: sheet.project_size as SheetProjectSize | null,
    legalForm: sheet.legal_form,
    needs: parseNeeds(sheet.needs) as ProjectNeed[],
    description: sheet.description,
    version: sheet.version,
    createdAt: iso(sheet.created_at),
    updatedAt: iso(sheet.updated_at),
    myRole: role,
    changes,
    firstVisit: role === 'professional' && !read,
    lastVisitAt: iso(read?.seen_at ?? null),
    unread,
  };
}

/** Records that the caller has seen the sheet as it is now, and every contribution so far. */
export async function markVisited(db: Knex, actor: UserRow, sheet: ProjectSheetRow): Promise<void> {
  await saveRead(db, sheet.id, actor.id, sheet.version, await lastCommentId(db, sheet.id));
}

/** Summaries with unread counts and "changed since my visit", for one reader. */
async function summaries(db: Knex, actor: UserRow, rows: ProjectSheetRow[]): Promise<ProjectSheetList> {
  const reads = await readsOf(
    db,
    actor.id,
    rows.map((r) => r.id),
  );
  const unread = await unreadCounts(db, actor.id, new Map(rows.map((r) => [Number(r.id), reads.get(Number(r.id))?.seen_comment_id ?? 0])));
  const owners = new Map<number, UserRow>();
  for (const r of rows) if (!owners.has(r.owner_id)) owners.set(r.owner_id, (await findUserById(db, r.owner_id))!);
  return {
    items: rows.map((r) => {
      const read = reads.get(Number(r.id));
      return {
        id: Number(r.id),
        title: r.title,
        stage: r.stage as ProjectStage,
        owner: presentOwner(owners.get(r.owner_id)!),
        updatedAt: iso(r.updated_at),
        version: r.version,
        unread: unread.get(Number(r.id)) ?? 0,
        changed: r.owner_id !== actor.id && (!read || read.seen_version < r.version),
      };
    }),
  };
}

/** « Mes projets »: the créateur's own sheets. */
export async function mySheets(db: Knex, actor: UserRow): Promise<ProjectSheetList> {
  return summaries(db, actor, await sheetsOfOwner(db, actor.id));
}

/** « Mes accompagnements »: the sheets shared with a validated professional (nothing for anyone else). */
export async function myAccompaniments(db: Knex, actor: UserRow): Promise<ProjectSheetList> {
  if (!accompaniesCreators(actor)) return { items: [] };
  return summaries(db, actor, await sheetsSharedWith(db, actor));
}
