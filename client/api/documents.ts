/** Typed calls for the document banks (a group's, and mine across groups). */
import type { Http } from './http.js';
import { xhrUpload } from './me.js';
import type { Page } from '../../server/protocol/common.js';
import type { BankDocument, DocumentSort, DocumentType, EditDocumentBody, UploadedDocument } from '../../server/protocol/documents.js';

export type { Announcement, BankDocument, DocumentSort, DocumentType, UploadedDocument } from '../../server/protocol/documents.js';

/** The filters of the bank as the views hold them (`''`: no type filter). */
export interface DocumentQuery {
  q?: string;
  sort?: DocumentSort;
  type?: DocumentType | '';
  groupId?: number | null;
  cursor?: string | number | null;
  limit?: number;
}

/** A file to upload with its multipart fields (client-side: the server reads them as strings). */
export interface NewDocument {
  file: Blob;
  filename: string;
  title?: string;
  description?: string;
  /** Also post a link in the group's discussion channel. */
  announce?: boolean;
}

/** Every call of the document banks. */
export function documentsApi(http: Http) {
  const query = (q: DocumentQuery) => ({ q: q.q, sort: q.sort, type: q.type, groupId: q.groupId, cursor: q.cursor, limit: q.limit });
  return {
    listGroup: (groupId: number, q: DocumentQuery = {}) =>
      http.get<Page<BankDocument>>(`/api/groups/${groupId}/documents`, { query: query(q) }),
    listMine: (q: DocumentQuery = {}) => http.get<Page<BankDocument>>('/api/documents', { query: query(q) }),
    get: (id: number) => http.get<BankDocument>(`/api/documents/${id}`),
    /** Multipart upload through XMLHttpRequest, so progress can be shown. */
    upload: (groupId: number, d: NewDocument, onProgress?: (fraction: number) => void) => {
      const form = new FormData();
      if (d.title) form.append('title', d.title);
      if (d.description) form.append('description', d.description);
      if (d.announce) form.append('announce', 'true');
      form.append('file', d.file, d.filename);
      return xhrUpload<UploadedDocument>(http, 'POST', `/api/groups/${groupId}/documents`, form, onProgress);
    },
    update: (id: number, patch: EditDocumentBody) => http.patch<BankDocument>(`/api/documents/${id}`, patch),
    remove: (id: number) => http.delete<void>(`/api/documents/${id}`),
    share: (id: number) => http.post<{ announcement: { messageId: number; channelId: number } }>(`/api/documents/${id}/share`),
  };
}

export type DocumentsApi = ReturnType<typeof documentsApi>;
