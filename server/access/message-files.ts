import type { Knex } from 'knex';
import { notFound } from '../errors';
import { findMessageFile, type MessageFileRow } from '../db/message-files';
import { findMessage } from '../db/messages';
import type { UserRow } from '../db/users';
import { accessReadableChannel } from './channels';

/**
 * A file of a chat message if the user may read that message now: a member of its channel (hotline
 * staff in tickets), the message not deleted. A file not sent yet is its uploader's only. Read from
 * the database on every request, so leaving a channel (or a private group) closes its files at once,
 * on every node. `not_found` otherwise, whatever the reason.
 */
export async function accessMessageFile(db: Knex, actor: UserRow, fileId: number): Promise<MessageFileRow> {
  const file = await findMessageFile(db, fileId);
  if (!file) throw notFound('Fichier');
  if (file.message_id === null) {
    if (file.uploader_id !== actor.id) throw notFound('Fichier');
    return file;
  }
  const message = await findMessage(db, file.message_id);
  if (!message || message.deleted_at) throw notFound('Fichier');
  await accessReadableChannel(db, actor, message.channel_id).catch(() => {
    throw notFound('Fichier');
  });
  return file;
}
