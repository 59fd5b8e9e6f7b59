import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import { directoryQuerySchema } from '../../protocol/directory';
import { requireFullMember, requireUser } from '../middleware/auth';
import { currentUser, type AppState } from '../context';
import { memberProfile, searchDirectory } from '../../services/directory/directory';

/** The member directory and a member's public profile (not for chat-only accounts). */
export function directoryRoutes(deps: Deps): Router<AppState> {
  const router = new Router<AppState>();
  const guard = [requireUser(), requireFullMember];

  router.get('/api/directory', ...guard, async (ctx) => {
    ctx.body = await searchDirectory(deps.db, parseInput(directoryQuerySchema, ctx.query));
  });

  router.get('/api/users/:id', ...guard, async (ctx) => {
    ctx.body = await memberProfile(deps.db, currentUser(ctx), parseInput(fields.id, ctx.params.id));
  });

  return router;
}
