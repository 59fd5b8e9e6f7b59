import type { Knex } from 'knex';
import type { Deps } from '../../deps';
import type { ChannelRow } from '../../db/channels';
import { invalidPayload, forbidden, ruleViolated } from '../../errors';
import { discardUpload, storeFile, type ReceivedFile } from '../../files';
import { accessChannel, canPostIn } from '../../access/channels';
import { deleteUnsentFiles, insertMessageFile, type MessageFileRow } from '../../db/message-files';
import type { UserRow } from '../../db/users';
import { cleanFilename, documentTypeOf, RASTER_IMAGES } from '../documents/file-types';
import { unsupportedType } from '../documents/documents';
import { makeThumbnail } from './thumbnails';

/**
 * The channel a file may be uploaded to: the actor is a member, may write there, and it is not
 * archived. Asked before the bytes are received, so a stranger's upload is refused at once (404).
 */
export async function channelForUpload(db: Knex, actor: UserRow, channelId: number): Promise<ChannelRow> {
  const { channel } = await accessChannel(db, actor, channelId);
  if (channel.archived_at) throw ruleViolated('channel_archived', 'Ce salon est archivé : on ne peut plus y écrire.');
  if (!canPostIn(actor, channel)) throw forbidden('Seuls les animateurs publient dans ce salon d’annonces.', 'announce_only');
  return channel;
}

/**
 * Stores a file for a message to come in a channel the actor may write in. The same checks as the
 * document bank (size limit at the upload, the type read from the bytes against the same allow-list,
 * the name kept as data only); raster images get a server-made thumbnail. The row waits, seen by
 * its uploader only, until `message:send` names it in `fileIds`.
 */
export async function uploadMessageFile(deps: Deps, actor: UserRow, channelId: number, file: ReceivedFile | null): Promise<MessageFileRow> {
  try {
    // Asked again after the upload: the membership may have changed while the bytes came.
    const channel = await channelForUpload(deps.db, actor, channelId);
    if (!file || file.size === 0)
      throw invalidPayload('Joignez un fichier non vide (champ « file »).', { fields: { file: 'Fichier manquant ou vide.' } });
    const filename = cleanFilename(file.filename);
    const mime = await documentTypeOf(file.tmpPath, filename);
    if (!mime) throw unsupportedType();
    const thumb = RASTER_IMAGES.has(mime) ? await makeThumbnail(deps.config.dataDir, file.tmpPath) : null;
    await storeFile(deps.config.dataDir, file.tmpPath, file.sha256);
    return await insertMessageFile(deps.db, {
      channel_id: channel.id,
      uploader_id: actor.id,
      sha256: file.sha256,
      filename,
      mime_type: mime,
      size: file.size,
      width: thumb?.width ?? null,
      height: thumb?.height ?? null,
      thumb_sha256: thumb?.sha256 ?? null,
    });
  } finally {
    await discardUpload(file);
  }
}

/**
 * Forgets files uploaded for a message that never left (the composer closed, the file removed after
 * its upload) once a day old. The bytes stay in the content-addressed store, which other rows may share.
 */
export async function purgeUnsentFiles(db: Knex, now = new Date()): Promise<number> {
  return deleteUnsentFiles(db, new Date(now.getTime() - 86_400_000));
}
