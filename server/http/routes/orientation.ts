import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { orientationQuerySchema } from '../../protocol/orientation';
import type { AppState } from '../context';
import { orient } from '../../services/orientation/orientation';

/** The public orientation module: no account needed, only public content comes out. */
export function orientationRoutes(deps: Deps): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api/public' });

  router.get('/orientation', async (ctx) => {
    ctx.body = await orient(deps.db, parseInput(orientationQuerySchema, ctx.query));
  });

  return router;
}
