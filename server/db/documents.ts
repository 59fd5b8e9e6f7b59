import type { Knex } from 'knex';
import { whereAnyContains } from '../database';

export type DocumentSource = 'upload' | 'post' | 'chat';

export interface DocumentRow {
  id: number;
  group_id: number;
  uploader_id: number | null;
  title: string;
  description: string | null;
  filename: string;
  mime_type: string;
  size: number | string;
  sha256: string;
  source: DocumentSource;
  post_id: number | null;
  created_at: Date | number;
}

/** A document with its uploader's name and its group's name (what lists show). */
export type DocumentView = DocumentRow & {
  u_username: string | null;
  u_first_name: string | null;
  u_last_name: string | null;
  g_name: string;
};

export type NewDocument = Omit<DocumentRow, 'id' | 'created_at'>;

/** Mime types of each filter of the bank (`?type=`). */
export const DOCUMENT_TYPE_FILTERS: Record<string, string[]> = {
  pdf: ['application/pdf'],
  office: [
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'application/vnd.oasis.opendocument.text',
    'application/vnd.oasis.opendocument.spreadsheet',
    'application/vnd.oasis.opendocument.presentation',
  ],
  image: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'],
  text: ['text/plain', 'text/csv'],
  archive: ['application/zip', 'application/x-7z-compressed'],
};

const viewQuery = (db: Knex) =>
  db('documents as d')
    .join('groups as g', 'g.id', 'd.group_id')
    .leftJoin('users as u', 'u.id', 'd.uploader_id')
    .select('d.*', 'u.username as u_username', 'u.first_name as u_first_name', 'u.last_name as u_last_name', 'g.name as g_name');

export async function findDocument(db: Knex, id: number): Promise<DocumentView | undefined> {
  return viewQuery(db).where('d.id', id).first();
}

export async function findDocumentBySha(db: Knex, groupId: number, sha256: string): Promise<DocumentRow | undefined> {
  return db<DocumentRow>('documents').where({ group_id: groupId, sha256 }).first();
}

/**
 * Inserts a document unless the group's bank already holds the same bytes;
 * answers the stored row and whether it was new (a race on the unique index
 * resolves to the row that won).
 */
export async function insertDocument(db: Knex, d: NewDocument): Promise<{ row: DocumentRow; created: boolean }> {
  const rows = await db('documents')
    .insert({ ...d, created_at: new Date() })
    .onConflict(['group_id', 'sha256'])
    .ignore()
    .returning('*');
  if (rows.length) return { row: rows[0] as DocumentRow, created: true };
  return { row: (await findDocumentBySha(db, d.group_id, d.sha256))!, created: false };
}

export async function updateDocument(db: Knex, id: number, changes: Partial<Pick<DocumentRow, 'title' | 'description'>>): Promise<void> {
  await db('documents').where({ id }).update(changes);
}

export async function deleteDocumentRow(db: Knex, id: number): Promise<boolean> {
  return (await db('documents').where({ id }).del()) > 0;
}

export interface DocumentSearch {
  /** The banks searched: one group, or every group of a member. */
  groupIds: number[] | Knex.QueryBuilder;
  q?: string;
  sort: 'date' | 'title';
  type?: keyof typeof DOCUMENT_TYPE_FILTERS;
  /** Keyset cursor: the last item's id (date), and its title (title sort; lowered by the database, as the order is). */
  after?: { id: number; title?: string };
  limit: number;
}

/** Search in title, description and file name (case-insensitive), newest first or by title. */
export async function searchDocuments(db: Knex, s: DocumentSearch): Promise<DocumentView[]> {
  const q = viewQuery(db).whereIn('d.group_id', s.groupIds).limit(s.limit);
  if (s.q) whereAnyContains(q, ['d.title', "coalesce(d.description, '')", 'd.filename'], s.q);
  if (s.type) q.whereIn('d.mime_type', DOCUMENT_TYPE_FILTERS[s.type]!);
  if (s.sort === 'title') {
    q.orderByRaw('lower(d.title), d.id');
    if (s.after) q.whereRaw('(lower(d.title), d.id) > (lower(?), ?)', [s.after.title ?? '', s.after.id]);
  } else {
    // Ids grow with time: newest first is id descending, a stable keyset.
    q.orderBy('d.id', 'desc');
    if (s.after) q.where('d.id', '<', s.after.id);
  }
  return q;
}
