import type { Knex } from 'knex';
import { AppError, notFound } from '../errors';
import { findDocument, type DocumentView } from '../db/documents';
import type { GroupMemberRow, GroupRow } from '../db/groups';
import type { UserRow } from '../db/users';
import { accessGroupAsMember, canManageGroup } from './groups';

/** A document with its group, the viewer's membership and whether they may change it. */
export interface DocumentAccess {
  document: DocumentView;
  group: GroupRow;
  membership: GroupMemberRow | undefined;
  canEdit: boolean;
}

/** Uploader or group managers (owners, admins, global admins) may delete or edit a document. */
export const canEditDocument = (actor: UserRow, d: DocumentView, membership: GroupMemberRow | undefined): boolean =>
  d.uploader_id === actor.id || canManageGroup(actor, membership);

/** The document if the actor is a full member of its group; `not_found` otherwise (existence never leaks). */
export async function accessDocument(db: Knex, actor: UserRow, documentId: number): Promise<DocumentAccess> {
  const document = await findDocument(db, documentId);
  if (!document) throw notFound('Document');
  const access = await accessGroupAsMember(db, actor, document.group_id).catch((err: unknown) => {
    throw err instanceof AppError ? notFound('Document') : err;
  });
  return { document, group: access.group, membership: access.membership, canEdit: canEditDocument(actor, document, access.membership) };
}
