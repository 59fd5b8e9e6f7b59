import path from 'node:path';
import Router from '@koa/router';
import type { Deps } from '../../deps';
import { AppError, invalidPayload, notFound } from '../../errors';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import {
  documentListQuerySchema,
  documentUploadFieldsSchema,
  editDocumentSchema,
  type Announcement,
  type UploadedDocument,
} from '../../protocol/documents';
import { requireFullMember, requireUser } from '../middleware/auth';
import { currentUser, type AppState } from '../context';
import { receiveUpload } from '../upload';
import { discardUpload } from '../../files';
import { sendStoredFile } from '../download';
import type { ChannelsContext } from '../../realtime/channels-context';
import type { UserRow } from '../../db/users';
import type { DocumentView } from '../../db/documents';
import { sendMessage } from '../../services/chat/messages';
import { accessGroupAsMember } from '../../access/groups';
import { accessDocument } from '../../access/documents';
import {
  deleteDocument,
  editDocument,
  listGroupDocuments,
  listMyDocuments,
  shareMessageBody,
  uploadDocument,
} from '../../services/documents/documents';
import { RASTER_IMAGES } from '../../services/documents/file-types';
import { presentDocument } from '../../presenters/documents';

/**
 * Document banks: a group's list and upload, my documents across groups, and
 * per document: download, image preview, edit, delete, share in the group channel.
 */
export function documentRoutes(deps: Deps, channels: ChannelsContext): Router<AppState> {
  const router = new Router<AppState>();
  const auth = [requireUser(), requireFullMember] as const;
  const maxBytes = () => deps.config.maxUploadMb * 1024 * 1024;
  const changed = (d: DocumentView, action: 'added' | 'updated' | 'removed', channelId: number | null) => {
    channels.broadcasts.channels.documentChanged(channelId, { groupId: d.group_id, documentId: d.id, action });
  };

  /** Posts the document's link in the group channel, once per document and author (the clientMsgId makes it idempotent). */
  async function announce(actor: UserRow, d: DocumentView, channelId: number | null): Promise<{ messageId: number; channelId: number }> {
    if (!channelId) throw notFound('Salon du groupe');
    const body = shareMessageBody(d, deps.config.publicUrl);
    const result = await sendMessage(deps.db, channels.writer, actor, { channelId, body, clientMsgId: `document-${d.id}` });
    if (!result.duplicate) await channels.messageSent(result, actor);
    return { messageId: result.message.id, channelId };
  }

  /** On upload, a refused announcement (archived or announce-only channel) does not undo the upload: it is reported. */
  async function tryAnnounce(actor: UserRow, d: DocumentView, channelId: number | null): Promise<Announcement> {
    try {
      return await announce(actor, d, channelId);
    } catch (err) {
      if (err instanceof AppError) return { error: { code: err.code, message: err.message } };
      throw err;
    }
  }

  router.get('/api/groups/:id/documents', ...auth, async (ctx) => {
    const id = parseInput(fields.id, ctx.params.id);
    ctx.body = await listGroupDocuments(deps.db, currentUser(ctx), id, parseInput(documentListQuerySchema, ctx.query));
  });

  router.post('/api/groups/:id/documents', ...auth, async (ctx) => {
    const id = parseInput(fields.id, ctx.params.id);
    const actor = currentUser(ctx);
    // Before reading the body: an outsider's bytes are never written anywhere.
    const { group } = await accessGroupAsMember(deps.db, actor, id);
    const { file, fields: form } = await receiveUpload(ctx, { maxBytes: maxBytes(), tmpDir: path.join(deps.config.dataDir, 'tmp') });
    if (!file) throw invalidPayload('Aucun fichier reçu (champ « file »).');
    const meta = await Promise.resolve()
      .then(() => parseInput(documentUploadFieldsSchema, form))
      .catch(async (err: unknown) => {
        await discardUpload(file);
        throw err;
      });
    const { document, created, notifications } = await uploadDocument(deps, actor, id, {
      file,
      title: meta.title,
      description: meta.description,
    });
    if (created) changed(document, 'added', group.channel_id);
    channels.broadcasts.notifications.pushed(notifications);
    const announcement = meta.announce ? await tryAnnounce(actor, document, group.channel_id) : null;
    ctx.status = created ? 201 : 200;
    ctx.body = { ...presentDocument(document, { canDelete: true }), duplicate: !created, announcement } satisfies UploadedDocument;
  });

  router.get('/api/documents', ...auth, async (ctx) => {
    ctx.body = await listMyDocuments(deps.db, currentUser(ctx), parseInput(documentListQuerySchema, ctx.query));
  });

  router.get('/api/documents/:id', ...auth, async (ctx) => {
    const { document, canEdit } = await accessDocument(deps.db, currentUser(ctx), parseInput(fields.id, ctx.params.id));
    ctx.body = presentDocument(document, { canDelete: canEdit });
  });

  router.get('/api/documents/:id/download', ...auth, async (ctx) => {
    const { document: d } = await accessDocument(deps.db, currentUser(ctx), parseInput(fields.id, ctx.params.id));
    await sendStoredFile(ctx, deps.config.dataDir, {
      sha256: d.sha256,
      mimeType: d.mime_type,
      filename: d.filename,
      disposition: 'attachment',
    });
  });

  // Inline display only for raster images: never PDF, text or anything a browser could run.
  router.get('/api/documents/:id/preview', ...auth, async (ctx) => {
    const { document: d } = await accessDocument(deps.db, currentUser(ctx), parseInput(fields.id, ctx.params.id));
    if (!RASTER_IMAGES.has(d.mime_type)) throw notFound('Aperçu');
    await sendStoredFile(ctx, deps.config.dataDir, {
      sha256: d.sha256,
      mimeType: d.mime_type,
      filename: d.filename,
      disposition: 'inline',
    });
  });

  router.patch('/api/documents/:id', ...auth, async (ctx) => {
    const id = parseInput(fields.id, ctx.params.id);
    const changes = parseInput(editDocumentSchema, ctx.request.body ?? {});
    const { document, group, canEdit } = await editDocument(deps.db, currentUser(ctx), id, changes);
    changed(document, 'updated', group.channel_id);
    ctx.body = presentDocument(document, { canDelete: canEdit });
  });

  router.delete('/api/documents/:id', ...auth, async (ctx) => {
    const { document, group } = await deleteDocument(deps.db, currentUser(ctx), parseInput(fields.id, ctx.params.id));
    changed(document, 'removed', group.channel_id);
    ctx.status = 204;
  });

  router.post('/api/documents/:id/share', ...auth, async (ctx) => {
    const actor = currentUser(ctx);
    const { document, group } = await accessDocument(deps.db, actor, parseInput(fields.id, ctx.params.id));
    ctx.body = { announcement: await announce(actor, document, group.channel_id) };
  });

  return router;
}
