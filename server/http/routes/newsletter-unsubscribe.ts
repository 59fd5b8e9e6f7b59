import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import { unsubscribeByToken, unsubscribeInfo } from '../../services/newsletters/unsubscribe';
import type { AppState } from '../context';

/**
 * The one-click unsubscribe, without an account session: the signed token is the proof.
 * `/lettres/desabonnement/:token` is the link of the mail and of its List-Unsubscribe header:
 * GET is the client's confirmation page (never unsubscribes: link scanners open it), POST
 * unsubscribes (RFC 8058: the mail client posts `List-Unsubscribe=One-Click`, no cookie, no Origin).
 */
export function newsletterUnsubscribeRoutes(deps: Deps): Router<AppState> {
  const router = new Router<AppState>();

  router.get('/api/newsletter-unsubscribe/:token', async (ctx) => {
    ctx.body = await unsubscribeInfo(deps.db, deps.config, parseInput(fields.token, ctx.params.token));
  });

  router.post('/api/newsletter-unsubscribe/:token', async (ctx) => {
    ctx.body = await unsubscribeByToken(deps.db, deps.config, parseInput(fields.token, ctx.params.token));
  });

  router.post('/lettres/desabonnement/:token', async (ctx) => {
    ctx.body = await unsubscribeByToken(deps.db, deps.config, parseInput(fields.token, ctx.params.token));
  });

  return router;
}
