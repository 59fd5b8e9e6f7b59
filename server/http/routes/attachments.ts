import fs from 'node:fs';
import path from 'node:path';
import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import { requireFullMember, requireUser } from '../middleware/auth';
import { currentUser, type AppState } from '../context';
import { receiveUpload } from '../upload';
import { storedPath } from '../../files';
import { presentAttachment } from '../../presenters/posts';
import { INLINE_IMAGE_TYPES, uploadAttachment } from '../../services/documents/attachments';
import { accessAttachment } from '../../access/posts';

/** `attachment; filename="…"; filename*=UTF-8''…` with an ASCII fallback (RFC 6266). */
export function contentDisposition(kind: 'attachment' | 'inline', filename: string): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * Files of posts: uploaded first (multipart, with progress on the client),
 * then tied to a post when it is published. Served with their sniffed type,
 * `nosniff` and a sandboxing CSP; only images are shown inline.
 */
export function attachmentRoutes(deps: Deps): Router<AppState> {
  const router = new Router<AppState>();
  const guard = [requireUser(), requireFullMember];

  router.post('/api/groups/:id/attachments', ...guard, async (ctx) => {
    const groupId = parseInput(fields.id, ctx.params.id);
    const { file } = await receiveUpload(ctx, {
      maxBytes: deps.config.maxUploadMb * 1024 * 1024,
      tmpDir: path.join(deps.config.dataDir, 'tmp'),
    });
    const row = await uploadAttachment(deps, currentUser(ctx), groupId, file);
    ctx.status = 201;
    ctx.body = presentAttachment(row);
  });

  router.get('/api/attachments/:id', ...guard, async (ctx) => {
    const id = parseInput(fields.id, ctx.params.id);
    const a = await accessAttachment(deps.db, currentUser(ctx), id);
    const inline = INLINE_IMAGE_TYPES.has(a.mime_type) && ctx.query.download === undefined;
    ctx.type = a.mime_type;
    ctx.set('Content-Disposition', contentDisposition(inline ? 'inline' : 'attachment', a.filename));
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Content-Security-Policy', "default-src 'none'; sandbox");
    ctx.set('Cache-Control', 'private, max-age=3600');
    ctx.length = Number(a.size);
    ctx.body = fs.createReadStream(storedPath(deps.config.dataDir, a.sha256));
  });

  return router;
}
