import path from 'node:path';
import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import { requireUser } from '../middleware/auth';
import { currentUser, type AppState } from '../context';
import { receiveUpload } from '../upload';
import { sendStoredFile } from '../download';
import { notFound } from '../../errors';
import { presentMessageFile } from '../../presenters/message-extras';
import { channelForUpload, uploadMessageFile } from '../../services/chat/message-files';
import { accessMessageFile } from '../../access/message-files';
import { RASTER_IMAGES } from '../../services/documents/file-types';

/**
 * Files of chat messages: uploaded first (multipart, one file a request, so each shows its own
 * progress and can be cancelled alone), then named in `message:send`. Every download asks
 * `accessMessageFile`: only those who can read the message get its bytes, 404 for anyone else.
 */
export function messageFileRoutes(deps: Deps): Router<AppState> {
  const router = new Router<AppState>();
  const guard = requireUser();

  router.post('/api/channels/:id/files', guard, async (ctx) => {
    const channelId = parseInput(fields.id, ctx.params.id);
    await channelForUpload(deps.db, currentUser(ctx), channelId);
    const { file } = await receiveUpload(ctx, {
      maxBytes: deps.config.maxUploadMb * 1024 * 1024,
      tmpDir: path.join(deps.config.dataDir, 'tmp'),
    });
    const row = await uploadMessageFile(deps, currentUser(ctx), channelId, file);
    ctx.status = 201;
    ctx.body = presentMessageFile(row);
  });

  router.get('/api/message-files/:id', guard, async (ctx) => {
    const f = await accessMessageFile(deps.db, currentUser(ctx), parseInput(fields.id, ctx.params.id));
    // Raster images open in the viewer; everything else (and `?download`) is an attachment.
    const inline = RASTER_IMAGES.has(f.mime_type) && ctx.query.download === undefined;
    await sendStoredFile(ctx, deps.config.dataDir, {
      sha256: f.sha256,
      mimeType: f.mime_type,
      filename: f.filename,
      disposition: inline ? 'inline' : 'attachment',
    });
  });

  router.get('/api/message-files/:id/thumbnail', guard, async (ctx) => {
    const f = await accessMessageFile(deps.db, currentUser(ctx), parseInput(fields.id, ctx.params.id));
    if (!f.thumb_sha256) throw notFound('Miniature');
    await sendStoredFile(ctx, deps.config.dataDir, {
      sha256: f.thumb_sha256,
      mimeType: 'image/webp',
      filename: `${f.filename}.webp`,
      disposition: 'inline',
    });
  });

  return router;
}
