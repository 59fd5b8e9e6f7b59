import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import { requireUser } from '../middleware/auth';
import { currentUser, type AppState } from '../context';
import { listFollowedThreads, threadOf } from '../../services/chat/threads';

/** Threads: one thread (its root and replies), and the threads I follow ("Fils suivis"). */
export function threadRoutes(deps: Deps): Router<AppState> {
  const router = new Router<AppState>();
  const guard = requireUser();

  router.get('/api/threads', guard, async (ctx) => {
    ctx.body = { items: await listFollowedThreads(deps.db, currentUser(ctx)) };
  });

  router.get('/api/messages/:id/thread', guard, async (ctx) => {
    ctx.body = await threadOf(deps.db, currentUser(ctx), parseInput(fields.id, ctx.params.id));
  });

  return router;
}
