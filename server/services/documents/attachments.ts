import type { Deps } from '../../deps';
import { AppError, invalidPayload, notFound } from '../../errors';
import { discardUpload, type ReceivedFile } from '../../http/upload';
import { storeFile } from '../../files';
import { cleanFilename, documentTypeOf } from './file-types';
import { canSeePost, findAttachment, insertAttachment, type AttachmentRow } from '../../db/posts';
import type { UserRow } from '../../db/users';
import { accessGroupAsMember } from '../groups/groups';

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
    if (!file || file.size === 0) throw invalidPayload('Joignez un fichier non vide (champ « file »).', { fields: { file: 'Fichier manquant ou vide.' } });
    // The same allow-list as the document bank: every attachment lands there.
    const mime = await documentTypeOf(file.tmpPath, file.filename);
    if (!mime) throw new AppError('unsupported_type', 415, 'Type de fichier non accepté (documents bureautiques, PDF, images, texte, CSV, archives).');
    await storeFile(deps.config.dataDir, file.tmpPath, file.sha256);
    return await insertAttachment(deps.db, {
      group_id: groupId, uploader_id: actor.id, sha256: file.sha256, filename: cleanFilename(file.filename), mime_type: mime, size: file.size,
    });
  } finally {
    await discardUpload(file);
  }
}

/** The attachment if the viewer may see it: its uploader before publication, afterwards whoever sees the post. */
export async function accessAttachment(deps: Deps, actor: UserRow, id: number): Promise<AttachmentRow> {
  const a = await findAttachment(deps.db, id);
  if (!a) throw notFound('Fichier');
  if (a.post_id === null ? a.uploader_id !== actor.id : !(await canSeePost(deps.db, actor.id, a.post_id))) throw notFound('Fichier');
  return a;
}
