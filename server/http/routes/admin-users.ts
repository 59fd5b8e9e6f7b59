import Router from '@koa/router';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { fields, newAccountShape, parseInput } from '../../validation';
import { changeUser, createUser, listUsers } from '../../services/accounts/admin-users';
import { presentUser } from '../../presenters/users';
import { requireAccess, requireUser } from '../middleware/auth';
import { canAdministerUsers } from '../../access/users';
import { currentUser, type AppState } from '../context';
import type { Realtime } from '../../realtime/types';

const searchSchema = z.object({
  q: z.string().trim().max(100).optional(),
  role: fields.role.optional(),
  status: z.enum(['pending', 'active', 'disabled']).optional(),
  departmentCode: fields.departmentCode.optional(),
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
const createSchema = z.object({
  ...newAccountShape,
  role: fields.role.default('member'),
  chatOnly: z.boolean().default(false),
});
const changeSchema = z
  .object({ role: fields.role.optional(), disabled: z.boolean().optional(), chatOnly: z.boolean().optional() })
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'Rien à modifier.');

/** User management for admins. */
export function adminUserRoutes(deps: Deps, realtime: Realtime): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api/admin/users' });
  router.use(requireUser(), requireAccess(canAdministerUsers));

  router.get('/', async (ctx) => {
    const s = parseInput(searchSchema, ctx.query);
    const page = await listUsers(deps, { ...s, afterId: s.cursor });
    ctx.body = { items: page.items.map(presentUser), nextCursor: page.nextCursor };
  });

  router.post('/', async (ctx) => {
    const input = parseInput(createSchema, ctx.request.body);
    ctx.status = 201;
    ctx.body = { user: presentUser(await createUser(deps, input)) };
  });

  router.patch('/:id', async (ctx) => {
    const id = parseInput(fields.id, ctx.params.id);
    const changes = parseInput(changeSchema, ctx.request.body);
    const { user, disabledNow } = await changeUser(deps, currentUser(ctx), id, changes);
    // Disabling ends every socket; a role or chat-only change makes them reconnect, so rooms are recomputed.
    if (disabledNow || changes.role !== undefined || changes.chatOnly !== undefined) realtime.disconnectUser(user.id);
    ctx.body = { user: presentUser(user) };
  });

  return router;
}
