import type { Knex } from 'knex';

/** A file of a chat message (`message_id` null: uploaded, its message not sent yet). */
export interface MessageFileRow {
  id: number;
  channel_id: number;
  message_id: number | null;
  uploader_id: number | null;
  sha256: string;
  filename: string;
  mime_type: string;
  size: number | string;
  width: number | null;
  height: number | null;
  thumb_sha256: string | null;
  created_at: Date | number;
}

export type NewMessageFile = Omit<MessageFileRow, 'id' | 'message_id' | 'created_at'>;

export async function insertMessageFile(db: Knex, f: NewMessageFile): Promise<MessageFileRow> {
  const [row] = await db('message_files')
    .insert({ ...f, message_id: null, created_at: new Date() })
    .returning('*');
  return row as MessageFileRow;
}

export async function findMessageFile(db: Knex, id: number): Promise<MessageFileRow | undefined> {
  return db<MessageFileRow>('message_files').where({ id }).first();
}

/** The files of these ids (to check and tie them to the messages of a batch of sends). */
export async function messageFilesByIds(db: Knex, ids: number[]): Promise<MessageFileRow[]> {
  if (!ids.length) return [];
  return db<MessageFileRow>('message_files').whereIn('id', ids);
}

/** Ties uploaded files to their message. */
export async function tieFilesToMessage(db: Knex, messageId: number, fileIds: number[]): Promise<void> {
  await db('message_files').whereIn('id', fileIds).whereNull('message_id').update({ message_id: messageId });
}

/** The files of these messages, in upload order. */
export async function filesOfMessages(db: Knex, messageIds: number[]): Promise<MessageFileRow[]> {
  if (!messageIds.length) return [];
  return db<MessageFileRow>('message_files').whereIn('message_id', messageIds).orderBy('id');
}

/** Removes uploads never sent with a message, made before `before`; answers how many went. */
export async function deleteUnsentFiles(db: Knex, before: Date): Promise<number> {
  return db('message_files').whereNull('message_id').where('created_at', '<', before).del();
}
