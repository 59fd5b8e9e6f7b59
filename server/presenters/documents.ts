import type { DocumentView } from '../db/documents';
import { RASTER_IMAGES } from '../services/documents/file-types';
import type { BankDocument } from '../protocol/documents';
import { iso } from './time';

/**
 * The contract's document item `{id, title, description, filename, mimeType,
 * size, sha256, uploader, createdAt}` plus its group, where it came from, its
 * links and whether the viewer may delete it. The file name is plain data.
 */
export function presentDocument(d: DocumentView, viewer: { canDelete: boolean } = { canDelete: false }): BankDocument {
  return {
    id: d.id,
    groupId: d.group_id,
    group: { id: d.group_id, name: d.g_name },
    title: d.title,
    description: d.description,
    filename: d.filename,
    mimeType: d.mime_type,
    size: Number(d.size),
    sha256: d.sha256,
    uploader:
      d.uploader_id && d.u_username
        ? { id: d.uploader_id, username: d.u_username, displayName: `${d.u_first_name} ${d.u_last_name}` }
        : null,
    createdAt: iso(d.created_at),
    source: d.source,
    postId: d.post_id,
    downloadUrl: `/api/documents/${d.id}/download`,
    previewUrl: RASTER_IMAGES.has(d.mime_type) ? `/api/documents/${d.id}/preview` : null,
    canDelete: viewer.canDelete,
  };
}

/** The protocol's BankDocument, under the name the services use. */
export type PresentedDocument = BankDocument;
