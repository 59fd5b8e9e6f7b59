import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { favoriteTargetSchema } from '../../protocol/favorites';
import { requireFullMember, requireUser } from '../middleware/auth';
import { currentUser, type AppState } from '../context';
import { dropFavorite, keepFavorite, myFavorites } from '../../services/favorites/favorites';

/** « Mes favoris » (full members: chat-only accounts see no posts nor documents). */
export function favoriteRoutes(deps: Deps): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api' });
  const guard = [requireUser(), requireFullMember];

  router.get('/favorites', ...guard, async (ctx) => {
    ctx.body = await myFavorites(deps.db, currentUser(ctx));
  });

  router.put('/favorites/:kind/:id', ...guard, async (ctx) => {
    const t = parseInput(favoriteTargetSchema, ctx.params);
    ctx.body = await keepFavorite(deps.db, currentUser(ctx), t.kind, t.id);
  });

  router.delete('/favorites/:kind/:id', ...guard, async (ctx) => {
    const t = parseInput(favoriteTargetSchema, ctx.params);
    ctx.body = await dropFavorite(deps.db, currentUser(ctx), t.kind, t.id);
  });

  return router;
}
