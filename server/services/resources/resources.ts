/**
 * The resource library: a member proposes a file, a web link or a video link;
 * it goes on line at once where they publish directly, else waits for a
 * moderator (registry kind `resource`). An edit of a published resource by
 * someone who does not publish directly goes back to moderation while the
 * published version stays on line.
 */
import type { Knex } from 'knex';
import type { Deps } from '../../deps';
import type { ContentStatus } from '../../protocol/publishing';
import type { ResourceDraft, ResourceInput, ResourceSummary } from '../../protocol/resources';
import { AppError, forbidden, invalidPayload, notFound, ruleViolated } from '../../errors';
import type { UserRow } from '../../db/users';
import type { NotificationRow } from '../../db/notifications';
import { findGroupMember } from '../../db/groups';
import {
  insertResource,
  publishedColumns,
  publishedResources,
  resourcesOf,
  setResourceCategories,
  updateResource,
  type ResourceFilter,
  type ResourceRow,
  type ResourceWithAuthor,
} from '../../db/resources';
import { accessPublishedResource, accessResourceDraft } from '../../access/resources';
import { canWriteContents, moderates, publishesDirectly } from '../../access/publishing';
import { isFullMember } from '../../access/groups';
import { presentResourceDraft, presentResourceSummary } from '../../presenters/resources';
import { discardUpload, storeFile, type ReceivedFile } from '../../files';
import { cleanFilename, documentTypeOf } from '../documents/file-types';
import { unsupportedType } from '../documents/documents';
import { categoriesFor, checkReferences } from './categories';
import { announceResource } from './announce';

/** The stored file of a file resource (from an upload or a promoted document). */
export type StoredResourceFile = Pick<ResourceRow, 'file_sha256' | 'file_name' | 'file_mime' | 'file_size'>;

const fileRequired = () =>
  new AppError('file_required', 422, 'Joignez le fichier de la ressource.', { fields: { file: 'Joignez le fichier de la ressource.' } });

/** Reads an upload's type from its bytes (the document bank's allow-list) and stores it; the temporary file goes either way. */
export async function storeResourceFile(deps: Deps, file: ReceivedFile): Promise<StoredResourceFile> {
  try {
    if (file.size === 0) throw invalidPayload('Le fichier est vide.', { fields: { file: 'Le fichier est vide.' } });
    const name = cleanFilename(file.filename);
    const mime = await documentTypeOf(file.tmpPath, name);
    if (!mime) throw unsupportedType();
    await storeFile(deps.config.dataDir, file.tmpPath, file.sha256);
    return { file_sha256: file.sha256, file_name: name, file_mime: mime, file_size: file.size };
  } catch (err) {
    await discardUpload(file);
    throw err;
  }
}

/** A group's resources are proposed by its members; `not_found` for a group the author is not in. */
async function checkGroup(db: Knex, author: UserRow, groupId: number | null): Promise<void> {
  if (groupId === null) return;
  const m = await findGroupMember(db, groupId, author.id);
  if (m?.status !== 'member') throw notFound('Groupe');
}

/** The working copy's columns for a save (a link keeps no file, a file no address). */
function workingCopy(input: ResourceInput, file: StoredResourceFile | null): Partial<ResourceRow> {
  const isFile = input.format === 'file';
  return {
    title: input.title,
    description: input.description,
    resource_type: input.type,
    format: input.format,
    url: isFile ? null : input.url,
    file_sha256: isFile ? (file?.file_sha256 ?? null) : null,
    file_name: isFile ? (file?.file_name ?? null) : null,
    file_mime: isFile ? (file?.file_mime ?? null) : null,
    file_size: isFile ? (file?.file_size ?? null) : null,
    access: input.access,
    application_id: input.applicationId,
    group_id: input.groupId,
  };
}

/**
 * Saves a working copy with its status: a draft, submitted, or on line at
 * once for those who publish directly (the published version copied from it).
 * Answers the group's notifications when it goes on line for the first time.
 */
export async function saveResource(
  trx: Knex,
  author: UserRow,
  existing: ResourceRow | null,
  row: Partial<ResourceRow>,
  categories: { themes: string[]; departmentCodes: string[]; sectorIds: number[] },
  submit: boolean,
  direct: boolean,
): Promise<{ id: number; notifications: NotificationRow[] }> {
  const now = new Date();
  const status: ContentStatus = !submit ? 'draft' : direct ? 'published' : 'submitted';
  const changes: Partial<ResourceRow> = { ...row, status, submitted_at: submit ? now : null };
  let id: number;
  if (existing) {
    id = existing.id;
  } else {
    const created = await insertResource(trx, {
      author_id: author.id,
      group_id: null,
      source_document_id: null,
      moderation_comment: null,
      moderated_by: null,
      moderated_at: null,
      published_title: null,
      published_description: null,
      published_access: null,
      published_type: null,
      published_format: null,
      published_url: null,
      published_file_sha256: null,
      published_file_name: null,
      published_file_mime: null,
      published_file_size: null,
      published_application_id: null,
      published_at: null,
      ...(changes as Partial<ResourceRow>),
    } as Omit<ResourceRow, 'id' | 'created_at' | 'updated_at' | 'opens_count'>);
    id = created.id;
  }
  const full = { ...(existing ?? ({} as ResourceRow)), ...changes, id, author_id: existing?.author_id ?? author.id } as ResourceRow;
  const final = status === 'published' ? { ...changes, ...publishedColumns(full), published_at: now, moderation_comment: null } : changes;
  await updateResource(trx, id, final);
  await setResourceCategories(trx, id, categories);
  const notifications = status === 'published' ? await announceResource(trx, full, author, !existing?.published_at) : [];
  return { id, notifications };
}

async function draftView(db: Knex, user: UserRow, r: ResourceWithAuthor): Promise<ResourceDraft> {
  const cats = (await categoriesFor(db, [r.id])).get(r.id)!;
  return presentResourceDraft(r, cats, await moderates(db, user, r.group_id));
}

/** What a save answers: the working copy, and the notifications to push after the commit. */
export interface SavedResource {
  resource: ResourceDraft;
  notifications: NotificationRow[];
}

export async function createResource(
  deps: Deps,
  author: UserRow,
  input: ResourceInput,
  upload: ReceivedFile | null,
): Promise<SavedResource> {
  try {
    if (!canWriteContents(author)) throw forbidden('Votre type de compte ne permet pas de proposer des ressources.');
    if (input.format === 'file' && !upload) throw fileRequired();
    await checkReferences(deps.db, input);
    await checkGroup(deps.db, author, input.groupId);
  } catch (err) {
    await discardUpload(upload);
    throw err;
  }
  const file = input.format === 'file' && upload ? await storeResourceFile(deps, upload) : null;
  if (upload && input.format !== 'file') await discardUpload(upload);
  const direct = await publishesDirectly(deps.db, author, input.groupId);
  const { id, notifications } = await deps.db.transaction((trx) =>
    saveResource(trx, author, null, workingCopy(input, file), input, input.submit, direct),
  );
  return { resource: await draftView(deps.db, author, await accessResourceDraft(deps.db, author, id)), notifications };
}

/** The author saves a new working copy (a rejected resource stays rejected: 422 `content_rejected`); a file is kept unless replaced. */
export async function editResource(
  deps: Deps,
  author: UserRow,
  id: number,
  input: ResourceInput,
  upload: ReceivedFile | null,
): Promise<SavedResource> {
  let r: ResourceWithAuthor;
  try {
    r = await accessResourceDraft(deps.db, author, id);
    if (r.author_id !== author.id) throw forbidden('Seul l’auteur modifie son contenu.');
    if (r.status === 'rejected') throw ruleViolated('content_rejected', 'Ce contenu a été refusé : il ne peut plus être modifié.');
    if (input.format === 'file' && !upload && !r.file_sha256) throw fileRequired();
    await checkReferences(deps.db, input);
    await checkGroup(deps.db, author, input.groupId);
  } catch (err) {
    await discardUpload(upload);
    throw err;
  }
  const file = input.format === 'file' && upload ? await storeResourceFile(deps, upload) : r;
  if (upload && input.format !== 'file') await discardUpload(upload);
  const direct = await publishesDirectly(deps.db, author, input.groupId);
  const { notifications } = await deps.db.transaction((trx) =>
    saveResource(trx, author, r, workingCopy(input, file), input, input.submit, direct),
  );
  return { resource: await draftView(deps.db, author, await accessResourceDraft(deps.db, author, id)), notifications };
}

/** The working copy, for its author and its moderators. */
export async function getResourceDraft(deps: Deps, user: UserRow, id: number): Promise<ResourceDraft> {
  return draftView(deps.db, user, await accessResourceDraft(deps.db, user, id));
}

/** The published version (members: public and pro; visitors: public only). */
export async function readResource(deps: Deps, user: UserRow | null, id: number): Promise<ResourceSummary> {
  const r = await accessPublishedResource(deps.db, user, id);
  return presentResourceSummary(r, (await categoriesFor(deps.db, [r.id])).get(r.id)!, !!user && isFullMember(user));
}

type PageOf<T> = { items: T[]; nextCursor: number | null };

/** Published resources in the library's order (visitors: public ones only). */
export async function listResources(deps: Deps, user: UserRow | null, f: ResourceFilter): Promise<PageOf<ResourceSummary>> {
  const rows = await publishedResources(deps.db, { ...f, limit: f.limit + 1 }, !user);
  const shown = rows.slice(0, f.limit);
  const cats = await categoriesFor(
    deps.db,
    shown.map((r) => r.id),
  );
  return {
    items: shown.map((r) => presentResourceSummary(r, cats.get(r.id)!, !!user)),
    nextCursor: rows.length > f.limit ? f.offset + f.limit : null,
  };
}

/** "Mes contenus": the resources I proposed, any status. */
export async function listMyResources(
  deps: Deps,
  author: UserRow,
  f: { status?: ContentStatus; offset: number; limit: number },
): Promise<PageOf<ResourceDraft>> {
  const rows = await resourcesOf(deps.db, author.id, { ...f, limit: f.limit + 1 });
  const shown = rows.slice(0, f.limit);
  const cats = await categoriesFor(
    deps.db,
    shown.map((r) => r.id),
  );
  return {
    items: shown.map((r) => presentResourceDraft(r, cats.get(r.id)!, false)),
    nextCursor: rows.length > f.limit ? f.offset + f.limit : null,
  };
}
