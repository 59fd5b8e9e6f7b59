import fs from 'node:fs';
import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import { findUserById } from '../../db/users';
import { storedPath } from '../../files';
import { notFound } from '../../errors';
import { requireUser } from '../middleware/auth';
import type { AppState } from '../context';

/** Profile photos: any signed-in member may see them; served with the type read from the bytes. */
export function userRoutes(deps: Deps): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api/users' });
  router.get('/:id/avatar', requireUser({ allowBeforeTerms: true }), async (ctx) => {
    const id = parseInput(fields.id, ctx.params.id);
    const user = await findUserById(deps.db, id);
    if (!user?.avatar_sha256 || !user.avatar_mime) throw notFound('Photo');
    ctx.type = user.avatar_mime;
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Content-Security-Policy', "default-src 'none'; sandbox");
    ctx.set('Cache-Control', 'private, max-age=86400');
    ctx.body = fs.createReadStream(storedPath(deps.config.dataDir, user.avatar_sha256));
  });
  return router;
}
