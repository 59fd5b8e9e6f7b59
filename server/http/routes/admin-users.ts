import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import { adminChangeUserSchema, adminCreateUserSchema, adminUserSearchSchema } from '../../protocol/accounts';
import { changeUser, createUser, deleteUserNow, listUsers, resendWelcome } from '../../services/accounts/admin-users';
import { presentUser } from '../../presenters/users';
import { requireAccess, requireUser } from '../middleware/auth';
import { canAdministerUsers } from '../../access/users';
import { currentUser, type AppState } from '../context';
import type { Realtime } from '../../realtime/types';

/** User management for admins. */
export function adminUserRoutes(deps: Deps, realtime: Realtime): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api/admin/users' });
  router.use(requireUser(), requireAccess(canAdministerUsers));

  router.get('/', async (ctx) => {
    const s = parseInput(adminUserSearchSchema, ctx.query);
    const page = await listUsers(deps, { ...s, afterId: s.cursor });
    ctx.body = { items: page.items.map(presentUser), nextCursor: page.nextCursor };
  });

  router.post('/', async (ctx) => {
    const input = parseInput(adminCreateUserSchema, ctx.request.body);
    ctx.status = 201;
    ctx.body = { user: presentUser(await createUser(deps, currentUser(ctx), input)) };
  });

  router.patch('/:id', async (ctx) => {
    const id = parseInput(fields.id, ctx.params.id);
    const changes = parseInput(adminChangeUserSchema, ctx.request.body);
    const { user, disabledNow } = await changeUser(deps, currentUser(ctx), id, changes);
    // Disabling ends every socket; a role or chat-only change makes them reconnect, so rooms are recomputed.
    if (disabledNow || changes.role !== undefined || changes.chatOnly !== undefined) realtime.disconnectUser(user.id);
    ctx.body = { user: presentUser(user) };
  });

  // A pending account's welcome link again (expired, or the mail got lost).
  router.post('/:id/welcome', async (ctx) => {
    await resendWelcome(deps, currentUser(ctx), parseInput(fields.id, ctx.params.id));
    ctx.status = 202;
    ctx.body = { status: 'sent' };
  });

  router.delete('/:id', async (ctx) => {
    const id = parseInput(fields.id, ctx.params.id);
    await deleteUserNow(deps, currentUser(ctx), id);
    realtime.disconnectUser(id);
    ctx.status = 204;
  });

  return router;
}
