/** Files attached to a sheet, through the safe store: type read from the bytes (the document bank's allow-list), size-limited upstream. */
import type { Deps } from '../../deps';
import { AppError, invalidPayload, notFound } from '../../errors';
import { discardUpload, storeFile, type ReceivedFile } from '../../files';
import { cleanFilename, documentTypeOf } from '../documents/file-types';
import { deleteSheetFile, filesOfSheet, findSheetFile, insertSheetFile, type SheetFileRow } from '../../db/sheet-files';
import type { ProjectSheetRow } from '../../db/project-sheets';
import type { UserRow } from '../../db/users';
import { presentSheetFile } from '../../presenters/project-sheets';
import type { SheetFile, SheetFileList } from '../../protocol/project-sheets';

/** At most this many files on one sheet. */
export const MAX_SHEET_FILES = 50;

export async function listSheetFiles(deps: Deps, sheet: ProjectSheetRow): Promise<SheetFileList> {
  return { items: (await filesOfSheet(deps.db, sheet.id)).map(presentSheetFile) };
}

export async function uploadSheetFile(deps: Deps, actor: UserRow, sheet: ProjectSheetRow, file: ReceivedFile | null): Promise<SheetFile> {
  try {
    if (!file || file.size === 0)
      throw invalidPayload('Joignez un fichier non vide (champ « file »).', { fields: { file: 'Fichier manquant ou vide.' } });
    if ((await filesOfSheet(deps.db, sheet.id)).length >= MAX_SHEET_FILES)
      throw new AppError('too_many_files', 422, `Une fiche garde au plus ${MAX_SHEET_FILES} fichiers.`);
    const mime = await documentTypeOf(file.tmpPath, file.filename);
    if (!mime)
      throw new AppError(
        'unsupported_type',
        415,
        'Type de fichier non accepté (documents bureautiques, PDF, images, texte, CSV, archives).',
      );
    await storeFile(deps.config.dataDir, file.tmpPath, file.sha256);
    const row = await insertSheetFile(deps.db, {
      sheet_id: sheet.id,
      uploader_id: actor.id,
      sha256: file.sha256,
      filename: cleanFilename(file.filename),
      mime_type: mime,
      size: file.size,
    });
    return presentSheetFile(row);
  } finally {
    await discardUpload(file);
  }
}

export async function sheetFile(deps: Deps, sheet: ProjectSheetRow, id: number): Promise<SheetFileRow> {
  const f = await findSheetFile(deps.db, sheet.id, id);
  if (!f) throw notFound('Fichier');
  return f;
}

export async function removeSheetFile(deps: Deps, sheet: ProjectSheetRow, id: number): Promise<void> {
  await sheetFile(deps, sheet, id);
  await deleteSheetFile(deps.db, id);
}
