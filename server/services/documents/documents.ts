import type { Knex } from 'knex';
import type { Deps } from '../../deps';
import { AppError, forbidden, invalidPayload, ruleViolated } from '../../errors';
import { discardUpload, storeFile, type ReceivedFile } from '../../files';
import {
  DOCUMENT_TYPE_FILTERS,
  deleteDocumentRow,
  findDocument,
  insertDocument,
  searchDocuments,
  updateDocument,
  type DocumentView,
} from '../../db/documents';
import { fullMembershipsOf, type GroupMemberRow, type GroupRow } from '../../db/groups';
import type { UserRow } from '../../db/users';
import { presentDocument, type PresentedDocument } from '../../presenters/documents';
import { accessGroupAsMember } from '../../access/groups';
import { accessDocument, canEditDocument, type DocumentAccess } from '../../access/documents';
import { cleanFilename, defaultTitle, documentTypeOf } from './file-types';
import type { NotificationRow } from '../../db/notifications';
import { presentAuthor } from '../../presenters/users';
import { notifyGroupActivity } from '../notifications/group-activity';

export const unsupportedType = () =>
  new AppError(
    'unsupported_type',
    415,
    'Type de fichier non accepté. Formats acceptés : PDF, documents bureautiques (Word, Excel, PowerPoint, OpenDocument), images PNG, JPEG, GIF ou WebP, texte, CSV, archives ZIP ou 7z.',
  );

export interface UploadInput {
  file: ReceivedFile;
  title: string | null;
  description: string | null;
}

/**
 * Puts an uploaded file in a group's bank: the type is read from the bytes
 * (415 off the allow-list), the bytes go to the content-addressed store, and
 * the same bytes already in this bank answer the existing entry (`created: false`).
 * The temporary file is removed whatever happens.
 */
export async function uploadDocument(
  deps: Deps,
  actor: UserRow,
  groupId: number,
  input: UploadInput,
): Promise<{ document: DocumentView; created: boolean; notifications: NotificationRow[] }> {
  const { file } = input;
  let mimeType: string;
  let group: GroupRow;
  try {
    group = (await accessGroupAsMember(deps.db, actor, groupId)).group;
    if (file.size === 0) throw invalidPayload('Le fichier est vide.');
    const type = await documentTypeOf(file.tmpPath, cleanFilename(file.filename));
    if (!type) throw unsupportedType();
    mimeType = type;
    await storeFile(deps.config.dataDir, file.tmpPath, file.sha256);
  } catch (err) {
    await discardUpload(file);
    throw err;
  }
  const filename = cleanFilename(file.filename);
  const { row, created, notifications } = await deps.db.transaction(async (trx) => {
    const stored = await insertDocument(trx, {
      group_id: group.id,
      uploader_id: actor.id,
      title: input.title ?? defaultTitle(filename),
      description: input.description,
      filename,
      mime_type: mimeType,
      size: file.size,
      sha256: file.sha256,
      source: 'upload',
      post_id: null,
    });
    // Bytes already in the bank are nothing new for the group.
    const notifications = stored.created
      ? await notifyGroupActivity(trx, {
          kind: 'document_new',
          groupId: group.id,
          groupName: group.name,
          authorId: actor.id,
          data: { documentId: stored.row.id, title: stored.row.title, author: presentAuthor(actor) },
        })
      : [];
    return { ...stored, notifications };
  });
  return { document: (await findDocument(deps.db, row.id))!, created, notifications };
}

/**
 * Files attached to a published post land in its group's bank (the bytes are
 * already in the store). Call it inside the post's transaction; a file the
 * bank already holds is not listed twice.
 */
export async function bankPostAttachments(
  trx: Knex,
  post: { id: number; group_id: number; author_id: number; title: string },
  files: { sha256: string; filename: string; mime_type: string; size: number | string }[],
): Promise<void> {
  for (const f of files) {
    await insertDocument(trx, {
      group_id: post.group_id,
      uploader_id: post.author_id,
      title: defaultTitle(f.filename),
      description: `Joint à la publication « ${post.title} ».`,
      filename: f.filename,
      mime_type: f.mime_type,
      size: f.size,
      sha256: f.sha256,
      source: 'post',
      post_id: post.id,
    });
  }
}

/**
 * Files sent in a group's channel land in its bank (the bytes are already in the store). Called in
 * the message's transaction; a file the bank already holds is not listed twice. Answers the ids of
 * the documents it created.
 */
export async function bankChatFiles(
  trx: Knex,
  groupId: number,
  uploaderId: number,
  files: { sha256: string; filename: string; mime_type: string; size: number | string }[],
): Promise<number[]> {
  const created: number[] = [];
  for (const f of files) {
    const { row, created: isNew } = await insertDocument(trx, {
      group_id: groupId,
      uploader_id: uploaderId,
      title: defaultTitle(f.filename),
      description: 'Partagé dans la discussion du groupe.',
      filename: f.filename,
      mime_type: f.mime_type,
      size: f.size,
      sha256: f.sha256,
      source: 'chat',
      post_id: null,
    });
    if (isNew) created.push(row.id);
  }
  return created;
}

export interface DocumentQuery {
  q?: string;
  sort: 'date' | 'title';
  type?: keyof typeof DOCUMENT_TYPE_FILTERS;
  groupId?: number;
  cursor?: string;
  limit: number;
}

const encodeCursor = (d: DocumentView, sort: 'date' | 'title') =>
  Buffer.from(JSON.stringify(sort === 'title' ? [d.id, d.title] : [d.id])).toString('base64url');

function decodeCursor(cursor: string | undefined): { id: number; title?: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [id, title] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (Number.isInteger(id) && (title === undefined || typeof title === 'string'))
      return { id: id as number, title: title as string | undefined };
  } catch {
    // fall through
  }
  throw ruleViolated('invalid_cursor', 'Curseur de pagination invalide.');
}

async function page(db: Knex, actor: UserRow, groupIds: number[], query: DocumentQuery, roles: Map<number, GroupMemberRow>) {
  const rows = await searchDocuments(db, {
    groupIds,
    q: query.q,
    sort: query.sort,
    type: query.type,
    after: decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  const items: PresentedDocument[] = rows
    .slice(0, query.limit)
    .map((d) => presentDocument(d, { canDelete: canEditDocument(actor, d, roles.get(d.group_id)) }));
  return { items, nextCursor: rows.length > query.limit ? encodeCursor(rows[query.limit - 1]!, query.sort) : null };
}

/** GET /api/groups/:id/documents: one group's bank, for its members. */
export async function listGroupDocuments(db: Knex, actor: UserRow, groupId: number, query: DocumentQuery) {
  const { group, membership } = await accessGroupAsMember(db, actor, groupId);
  return page(db, actor, [group.id], query, new Map(membership ? [[group.id, membership]] : []));
}

/** GET /api/documents: the banks of every group I am a full member of (optionally one of them). */
export async function listMyDocuments(db: Knex, actor: UserRow, query: DocumentQuery) {
  const memberships = await fullMembershipsOf(db, actor.id);
  const roles = new Map(memberships.map((m) => [m.group_id, m]));
  const groupIds = query.groupId ? (roles.has(query.groupId) ? [query.groupId] : []) : [...roles.keys()];
  if (!groupIds.length) return { items: [], nextCursor: null };
  return page(db, actor, groupIds, query, roles);
}

/** Retitles or re-describes a document (uploader or group managers). */
export async function editDocument(db: Knex, actor: UserRow, documentId: number, changes: { title?: string; description?: string | null }) {
  const access = await accessDocument(db, actor, documentId);
  if (!access.canEdit) throw forbidden('Seuls la personne qui a déposé le document et les responsables du groupe peuvent le modifier.');
  if (Object.keys(changes).length) await updateDocument(db, documentId, changes);
  return { ...access, document: (await findDocument(db, documentId))! };
}

/** Removes a document from the bank (uploader or group managers). The bytes stay in the store: other entries may share them. */
export async function deleteDocument(db: Knex, actor: UserRow, documentId: number): Promise<DocumentAccess> {
  const access = await accessDocument(db, actor, documentId);
  if (!access.canEdit) throw forbidden('Seuls la personne qui a déposé le document et les responsables du groupe peuvent le supprimer.');
  await deleteDocumentRow(db, documentId);
  return access;
}

/** The French size of a file (« 1,2 Mo »), for messages. */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 0 })} Ko`;
  return `${(bytes / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
}

/** The text of the group-channel message that shares a document (a link to its page, never the file name as markup). */
export function shareMessageBody(d: DocumentView, publicUrl: string): string {
  return `Document partagé : « ${d.title} » (${d.filename}, ${humanSize(Number(d.size))})\n${publicUrl}/documents/${d.id}`;
}
