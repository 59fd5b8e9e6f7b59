import fs from 'node:fs';
import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import {
  ARTICLE_IMAGE_MAX_BYTES,
  articleImage,
  ownDraft,
  removeArticleImage,
  setArticleImage,
} from '../../services/publishing/article-images';
import { storedPath, discardUpload } from '../../files';
import { invalidPayload } from '../../errors';
import { imageAlt } from '../../protocol/publishing';
import { requireFullMember, requireUser } from '../middleware/auth';
import { receiveUpload } from '../upload';
import { currentUser, type AppContext, type AppState } from '../context';

/** Sends a stored image with the headers of every served upload (type from the bytes, nosniff, sandbox). */
function sendImage(ctx: AppContext, deps: Deps, image: { sha256: string; mime: string }, cache: string) {
  ctx.type = image.mime;
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Content-Security-Policy', "default-src 'none'; sandbox");
  ctx.set('Cache-Control', cache);
  ctx.body = fs.createReadStream(storedPath(deps.config.dataDir, image.sha256));
}

/** An article's optional image: set or removed by its author on the working copy, read like the article. */
export function articleImageRoutes(deps: Deps): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api' });
  const auth = [requireUser(), requireFullMember] as const;
  const id = (ctx: AppContext) => parseInput(fields.id, ctx.params.id);

  router.get('/public/articles/:id/image', async (ctx) => {
    sendImage(ctx, deps, await articleImage(deps, null, id(ctx), false), 'public, max-age=86400');
  });

  router.get('/articles/:id/image', ...auth, async (ctx) => {
    sendImage(ctx, deps, await articleImage(deps, currentUser(ctx), id(ctx), false), 'private, max-age=86400');
  });

  router.get('/articles/:id/draft/image', ...auth, async (ctx) => {
    sendImage(ctx, deps, await articleImage(deps, currentUser(ctx), id(ctx), true), 'private, no-cache');
  });

  router.put('/articles/:id/image', ...auth, async (ctx) => {
    const articleId = id(ctx);
    // Who may not change the image gets their answer before a byte is stored.
    await ownDraft(deps, currentUser(ctx), articleId);
    const { file, fields: form } = await receiveUpload(ctx, { maxBytes: ARTICLE_IMAGE_MAX_BYTES });
    if (!file || file.size === 0) {
      await discardUpload(file);
      throw invalidPayload('Aucune image reçue (champ « file »).');
    }
    // The text alternative comes with the image (field `alt`): an image without one is refused.
    const alt = imageAlt.safeParse(form.alt ?? '');
    if (!alt.success) {
      await discardUpload(file);
      const message = 'Décrivez l’image pour les personnes qui ne la voient pas (texte alternatif, 3 à 300 caractères).';
      throw invalidPayload(message, { fields: { imageAlt: message } });
    }
    ctx.body = await setArticleImage(deps, currentUser(ctx), articleId, file, alt.data);
  });

  router.delete('/articles/:id/image', ...auth, async (ctx) => {
    ctx.body = await removeArticleImage(deps, currentUser(ctx), id(ctx));
  });

  return router;
}
