import type { Knex } from 'knex';

export type EventFileKind = 'programme' | 'affiche' | 'autre';

/** A file attached to an agenda event (bytes in the content-addressed store). */
export interface EventFileRow {
  id: number;
  event_id: number;
  kind: EventFileKind;
  title: string;
  filename: string;
  mime_type: string;
  size: number | string;
  sha256: string;
  uploader_id: number | null;
  created_at: Date | number;
}

export async function filesOfEvent(db: Knex, eventId: number): Promise<EventFileRow[]> {
  return db<EventFileRow>('event_files').where({ event_id: eventId }).orderBy('id');
}

export async function findEventFile(db: Knex, id: number): Promise<EventFileRow | undefined> {
  return db<EventFileRow>('event_files').where({ id }).first();
}

export async function insertEventFile(db: Knex, f: Omit<EventFileRow, 'id' | 'created_at'>): Promise<EventFileRow> {
  const [row] = await db('event_files')
    .insert({ ...f, created_at: new Date() })
    .returning('*');
  return row as EventFileRow;
}

export async function deleteEventFile(db: Knex, id: number): Promise<void> {
  await db('event_files').where({ id }).del();
}
