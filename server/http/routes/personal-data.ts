/** "Mes données": the personal-data export and the deletion of one's own account. */
import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { deletionBody, type DeletionScheduled } from '../../protocol/personal-data';
import { requestAccountDeletion } from '../../services/accounts/deletion';
import fs from 'node:fs';
import { streamPersonalDataZip } from '../../services/accounts/personal-data-export';
import { personalDataArchive, requestPersonalDataExport } from '../../services/accounts/personal-data-archives';
import { fields } from '../../protocol/common';
import { z } from 'zod';
import type { Realtime } from '../../realtime/types';
import { requireUser } from '../middleware/auth';
import { SESSION_COOKIE } from '../../security/session-cookie';
import { currentUser, type AppState } from '../context';

/** Routes under /api/me for the person's own data. */
export function personalDataRoutes(deps: Deps, realtime: Realtime): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api/me' });

  router.post('/deletion', requireUser({ allowBeforeTerms: true }), async (ctx) => {
    const { password } = parseInput(deletionBody, ctx.request.body);
    const user = currentUser(ctx);
    const { erasesAt } = await requestAccountDeletion(deps, user, ctx.state.session!, password);
    // Every session was revoked: this browser is signed out too, and every socket of the person closes.
    ctx.cookies.set(SESSION_COOKIE, null, { httpOnly: true, sameSite: 'lax' });
    realtime.disconnectUser(user.id);
    ctx.status = 202;
    const body: DeletionScheduled = { erasesAt: erasesAt.toISOString() };
    ctx.body = body;
  });

  router.get('/export', requireUser({ allowBeforeTerms: true }), async (ctx) => {
    const user = currentUser(ctx);
    ctx.set('Content-Type', 'application/zip');
    ctx.set('Content-Disposition', `attachment; filename="mes-donnees-maillage-${user.username}.zip"`);
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await streamPersonalDataZip(deps, user);
  });

  router.post('/exports', requireUser({ allowBeforeTerms: true }), async (ctx) => {
    const result = await requestPersonalDataExport(deps, currentUser(ctx));
    if (result.status === 'building') {
      ctx.status = 202;
      ctx.body = { status: 'building', expiresAt: result.expiresAt.toISOString() };
    } else ctx.body = result;
  });

  router.get('/exports/:token', requireUser({ allowBeforeTerms: true }), async (ctx) => {
    const { token } = parseInput(z.object({ token: fields.token }), ctx.params);
    const file = await personalDataArchive(deps, currentUser(ctx), token);
    ctx.set('Content-Type', 'application/zip');
    ctx.set('Content-Disposition', `attachment; filename="mes-donnees-maillage-${currentUser(ctx).username}.zip"`);
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Cache-Control', 'no-store');
    ctx.body = fs.createReadStream(file);
  });

  return router;
}
