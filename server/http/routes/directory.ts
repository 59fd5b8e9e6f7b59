import Router from '@koa/router';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { fields, parseInput } from '../../validation';
import { requireFullMember, requireUser } from '../middleware/auth';
import { currentUser, type AppState } from '../context';
import { memberProfile, searchDirectory } from '../../services/directory/directory';

const querySchema = z.object({
  q: z.string().trim().max(100).optional(),
  departmentCode: fields.departmentCode.optional().or(z.literal('').transform(() => undefined)),
  regionCode: z.string().trim().regex(/^[0-9A-Z]{2,3}$/i, 'Région inconnue.').optional().or(z.literal('').transform(() => undefined)),
  role: fields.role.optional().or(z.literal('').transform(() => undefined)),
  employer: z.string().trim().max(160).optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

/** The member directory and a member's public profile (not for chat-only accounts). */
export function directoryRoutes(deps: Deps): Router<AppState> {
  const router = new Router<AppState>();
  const guard = [requireUser(), requireFullMember];

  router.get('/api/directory', ...guard, async (ctx) => {
    ctx.body = await searchDirectory(deps.db, parseInput(querySchema, ctx.query));
  });

  router.get('/api/users/:id', ...guard, async (ctx) => {
    ctx.body = await memberProfile(deps.db, currentUser(ctx), parseInput(fields.id, ctx.params.id));
  });

  return router;
}
