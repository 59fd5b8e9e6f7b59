/** Document banks: a group's, and mine across groups (/api/groups/:id/documents, /api/documents). */
import { z } from 'zod';
import { fields, optionalText, type Person } from './common';

/** The type filter of the bank (`?type=`). */
export type DocumentType = 'pdf' | 'office' | 'image' | 'text' | 'archive';
/** The order of the bank (`?sort=`). */
export type DocumentSort = 'date' | 'title';
/** Where a document came from: the bank itself, or a post. */
export type DocumentSource = 'upload' | 'post' | 'chat';

/**
 * The contract's document item `{id, title, description, filename, mimeType,
 * size, sha256, uploader, createdAt}` plus its group, where it came from, its
 * links and whether the viewer may delete it.
 */
export interface BankDocument {
  id: number;
  groupId: number;
  group: { id: number; name: string };
  title: string;
  description: string | null;
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  uploader: Person | null;
  createdAt: string;
  source: DocumentSource;
  postId: number | null;
  downloadUrl: string;
  previewUrl: string | null;
  canDelete: boolean;
}

/** What came of sharing a document in the group's discussion channel. */
export type Announcement = { messageId: number; channelId: number } | { error: { code: string; message: string } } | null;

/** What an upload answers: the document, whether the bank already had these bytes, the channel message. */
export interface UploadedDocument extends BankDocument {
  duplicate: boolean;
  announcement: Announcement;
}

const blank = (v: unknown) => (v === '' ? undefined : v);
/** GET /api/groups/:id/documents and /api/documents query. */
export const documentListQuerySchema = z.object({
  q: z.preprocess(blank, z.string().trim().max(100).optional()),
  sort: z.preprocess(blank, z.enum(['date', 'title']).default('date')),
  type: z.preprocess(blank, z.enum(['pdf', 'office', 'image', 'text', 'archive']).optional()),
  groupId: z.preprocess(blank, fields.id.optional()),
  cursor: z.preprocess(blank, z.string().max(500).optional()),
  limit: z.preprocess(blank, z.coerce.number<number>().int().min(1).max(100).default(50)),
});
/** The text fields of the multipart upload (they arrive as strings). */
export const documentUploadFieldsSchema = z.object({
  title: optionalText(200),
  description: optionalText(2000),
  announce: z.preprocess(blank, z.enum(['true', 'false', '1', '0']).optional()).transform((v) => v === 'true' || v === '1'),
});
/** PATCH /api/documents/:id. */
export const editDocumentSchema = z
  .object({ title: z.string().trim().min(1).max(200).optional(), description: optionalText(2000).optional() })
  .strict();

/** Body of PATCH /api/documents/:id. */
export type EditDocumentBody = z.input<typeof editDocumentSchema>;

/** Server → client events of the document banks. */
export interface DocumentServerEvents {
  /** To the group channel's room: refetch the bank. */
  'document:changed': { groupId: number; documentId: number; action: 'added' | 'updated' | 'removed' };
}

/** Error codes of the document banks. */
export const DOCUMENT_ERROR_CODES = ['unsupported_type', 'too_large', 'invalid_cursor'] as const;
/** One of the document bank error codes. */
export type DocumentErrorCode = (typeof DOCUMENT_ERROR_CODES)[number];
