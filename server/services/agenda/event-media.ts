/**
 * An event's image (with its alternative text) and attached files (programme,
 * poster…), through the safe storage: types read from the bytes (images:
 * PNG, JPEG, WebP; files: the document bank's allow-list), content-addressed
 * store. Readers get them as they read the event (the published image for
 * readers; visitors only for public events).
 */
import fs from 'node:fs/promises';
import type { Deps } from '../../deps';
import { AppError, invalidPayload, notFound } from '../../errors';
import { updateEvent, type EventView } from '../../db/agenda-events';
import { deleteEventFile, findEventFile, insertEventFile, type EventFileKind, type EventFileRow } from '../../db/event-files';
import type { UserRow } from '../../db/users';
import { discardUpload, sniffType, storeFile, type ReceivedFile } from '../../files';
import { accessEvent, accessEventAsOrganiser, accessPublicEvent } from '../../access/agenda';
import { cleanFilename, documentTypeOf } from '../documents/file-types';
import { afterContentEdit } from './event-content';

export const EVENT_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp']);

/** The event if `actor` organises it (checked before any byte is stored). */
export async function organisedEvent(deps: Deps, actor: UserRow, id: number): Promise<EventView> {
  const { event } = await accessEventAsOrganiser(deps.db, actor, id);
  if (event.cancelled_at) throw new AppError('event_cancelled', 422, 'Cet événement est annulé : il ne peut plus être modifié.');
  return event;
}

/** PUT /api/events/:id/image. */
export async function setEventImage(deps: Deps, actor: UserRow, id: number, file: ReceivedFile): Promise<void> {
  try {
    await organisedEvent(deps, actor, id);
    const type = await sniffType(file.tmpPath);
    if (!type || !IMAGE_TYPES.has(type.mime)) throw new AppError('unsupported_type', 415, 'L’image doit être au format PNG, JPEG ou WebP.');
    await storeFile(deps.config.dataDir, file.tmpPath, file.sha256);
    await deps.db.transaction(async (trx) => {
      await updateEvent(trx, id, { image_sha256: file.sha256, image_mime: type.mime });
      await afterContentEdit(trx, actor, id);
    });
  } finally {
    await fs.rm(file.tmpPath, { force: true });
  }
}

/** DELETE /api/events/:id/image. */
export async function removeEventImage(deps: Deps, actor: UserRow, id: number): Promise<void> {
  await organisedEvent(deps, actor, id);
  await deps.db.transaction(async (trx) => {
    await updateEvent(trx, id, { image_sha256: null, image_mime: null });
    await afterContentEdit(trx, actor, id);
  });
}

/** The image to send: the version readers see (members), or a public event's (`user` null). */
export async function eventImage(deps: Deps, user: UserRow | null, id: number): Promise<{ sha256: string; mime: string }> {
  const e = user ? (await accessEvent(deps.db, user, id)).event : await accessPublicEvent(deps.db, id);
  if (!e.image_sha256 || !e.image_mime) throw notFound('Image');
  return { sha256: e.image_sha256, mime: e.image_mime };
}

/** POST /api/events/:id/files (programme, poster, other document). */
export async function addEventFile(
  deps: Deps,
  actor: UserRow,
  id: number,
  kind: EventFileKind,
  title: string,
  file: ReceivedFile | null,
): Promise<EventFileRow> {
  try {
    await organisedEvent(deps, actor, id);
    if (!file || file.size === 0)
      throw invalidPayload('Joignez un fichier non vide (champ « file »).', { fields: { file: 'Fichier manquant ou vide.' } });
    const mime = await documentTypeOf(file.tmpPath, file.filename);
    if (!mime) throw new AppError('unsupported_type', 415, 'Type de fichier non accepté (PDF, images, documents bureautiques).');
    await storeFile(deps.config.dataDir, file.tmpPath, file.sha256);
    const name = cleanFilename(file.filename);
    return await insertEventFile(deps.db, {
      event_id: id,
      kind,
      title: title.trim().slice(0, 200) || name,
      filename: name,
      mime_type: mime,
      size: file.size,
      sha256: file.sha256,
      uploader_id: actor.id,
    });
  } finally {
    await discardUpload(file);
  }
}

/** DELETE /api/events/:id/files/:fileId. */
export async function removeEventFile(deps: Deps, actor: UserRow, id: number, fileId: number): Promise<void> {
  await organisedEvent(deps, actor, id);
  const f = await findEventFile(deps.db, fileId);
  if (!f || f.event_id !== id) throw notFound('Fichier');
  await deleteEventFile(deps.db, fileId);
}

/** A file to send, to whoever reads the event (`user` null: a visitor, public events only). */
export async function eventFile(deps: Deps, user: UserRow | null, id: number, fileId: number): Promise<EventFileRow> {
  if (user) await accessEvent(deps.db, user, id);
  else await accessPublicEvent(deps.db, id);
  const f = await findEventFile(deps.db, fileId);
  if (!f || f.event_id !== id) throw notFound('Fichier');
  return f;
}
