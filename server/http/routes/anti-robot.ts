import Router from '@koa/router';
import type { Deps } from '../../deps';
import type { AppState } from '../context';
import { createAntiRobotChallenge } from '../../security/anti-robot';

/**
 * GET /api/anti-robot/challenge: a fresh signed proof-of-work challenge for the
 * widget of any public form (no session needed). Never cached: each is single use.
 */
export function antiRobotRoutes(deps: Deps): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api/anti-robot' });
  router.get('/challenge', async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await createAntiRobotChallenge(deps.config);
  });
  return router;
}
