import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { searchQuerySchema, searchTypeSchema } from '../../protocol/search';
import { requireUser } from '../middleware/auth';
import { currentUser, type AppState } from '../context';
import { searchOneType, searchOverview } from '../../services/search/search';

/** One search: every signed-in account (chat-only ones search their messages only). */
export function searchRoutes(deps: Deps): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api' });

  router.get('/search', requireUser(), async (ctx) => {
    ctx.body = await searchOverview(deps.db, currentUser(ctx), parseInput(searchQuerySchema, ctx.query));
  });

  router.get('/search/:type', requireUser(), async (ctx) => {
    const type = parseInput(searchTypeSchema, ctx.params.type);
    ctx.body = await searchOneType(deps.db, currentUser(ctx), type, parseInput(searchQuerySchema, ctx.query));
  });

  return router;
}
