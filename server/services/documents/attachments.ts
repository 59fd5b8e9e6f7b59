import type { Deps } from '../../deps';
import { AppError, invalidPayload } from '../../errors';
import { discardUpload, storeFile, type ReceivedFile } from '../../files';
import { cleanFilename, documentTypeOf } from './file-types';
import { insertAttachment, type AttachmentRow } from '../../db/posts';
import type { UserRow } from '../../db/users';
import { accessGroupAsMember } from '../../access/groups';

/** Image types shown inline (a post's illustration); every other file is served as a download. */
export const INLINE_IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif']);

/**
 * Stores a file for a post to come (members of the group only). The type is
 * read from the bytes; the client's word and the name are never trusted. The
 * file lands in the content-addressed store and a `post_attachments` row
 * points to it (no post yet: publishing the post ties them).
 */
export async function uploadAttachment(deps: Deps, actor: UserRow, groupId: number, file: ReceivedFile | null): Promise<AttachmentRow> {
  try {
    await accessGroupAsMember(deps.db, actor, groupId);
    if (!file || file.size === 0)
      throw invalidPayload('Joignez un fichier non vide (champ « file »).', { fields: { file: 'Fichier manquant ou vide.' } });
    // The same allow-list as the document bank: every attachment lands there.
    const mime = await documentTypeOf(file.tmpPath, file.filename);
    if (!mime)
      throw new AppError(
        'unsupported_type',
        415,
        'Type de fichier non accepté (documents bureautiques, PDF, images, texte, CSV, archives).',
      );
    await storeFile(deps.config.dataDir, file.tmpPath, file.sha256);
    return await insertAttachment(deps.db, {
      group_id: groupId,
      uploader_id: actor.id,
      sha256: file.sha256,
      filename: cleanFilename(file.filename),
      mime_type: mime,
      size: file.size,
    });
  } finally {
    await discardUpload(file);
  }
}
