import Router from '@koa/router';
import type { Deps } from '../../deps';
import type { Realtime } from '../../realtime/types';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import { accountTypeBody, accountTypeChangeBody, accountTypeKey, ownAccountTypeBody, typeRefusalBody } from '../../protocol/account-types';
import {
  accountTypes,
  addAccountType,
  changeAccountType,
  decideTypeRequest,
  requestOwnAccountType,
  typeRequests,
  withdrawOwnTypeRequest,
} from '../../services/accounts/account-types';
import { findUserById } from '../../db/users';
import { presentUser } from '../../presenters/users';
import type { NotificationBroadcasts } from '../../realtime/broadcasts/notifications';
import { isAdmin } from '../../access/roles';
import { requireAccess, requireUser } from '../middleware/auth';
import { currentUser, type AppState } from '../context';

/** Account types: the list offered at sign-up (anyone reads it, admins edit it) and the admins' validation queue. */
export function accountTypeRoutes(deps: Deps, realtime: Realtime, notices: NotificationBroadcasts): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api' });
  const admin = [requireUser(), requireAccess(isAdmin)] as const;

  router.get('/account-types', async (ctx) => {
    ctx.body = { items: await accountTypes(deps) };
  });

  // A member asks for another type after sign-up: 202 while it waits for an admin, 200 once in force.
  router.post('/me/account-type', requireUser(), async (ctx) => {
    const me = currentUser(ctx);
    const { accountType } = parseInput(ownAccountTypeBody, ctx.request.body);
    const { status, notices: rows } = await requestOwnAccountType(deps, me, accountType);
    notices.pushed(rows);
    // A type in force at once changes what the person may do: their sockets reconnect with the new row.
    if (status === 'changed') realtime.disconnectUser(me.id);
    ctx.status = status === 'changed' ? 200 : 202;
    ctx.body = { status: status === 'changed' ? 'changed' : 'pending', user: presentUser((await findUserById(deps.db, me.id))!) };
  });

  router.delete('/me/account-type-request', requireUser(), async (ctx) => {
    const me = currentUser(ctx);
    await withdrawOwnTypeRequest(deps, me);
    ctx.body = { user: presentUser((await findUserById(deps.db, me.id))!) };
  });

  router.post('/admin/account-types', ...admin, async (ctx) => {
    const input = parseInput(accountTypeBody, ctx.request.body);
    ctx.status = 201;
    ctx.body = await addAccountType(deps, input);
  });

  router.patch('/admin/account-types/:key', ...admin, async (ctx) => {
    const key = parseInput(accountTypeKey, ctx.params.key);
    ctx.body = await changeAccountType(deps, key, parseInput(accountTypeChangeBody, ctx.request.body));
  });

  router.get('/admin/account-type-requests', ...admin, async (ctx) => {
    ctx.body = { items: await typeRequests(deps) };
  });

  router.post('/admin/account-type-requests/:userId/accept', ...admin, async (ctx) => {
    const userId = parseInput(fields.id, ctx.params.userId);
    await decideTypeRequest(deps, userId, true);
    // The type's rights change what the person may do: their sockets reconnect with the new row.
    realtime.disconnectUser(userId);
    ctx.body = { status: 'accepted' };
  });

  router.post('/admin/account-type-requests/:userId/refuse', ...admin, async (ctx) => {
    const userId = parseInput(fields.id, ctx.params.userId);
    const { reason } = parseInput(typeRefusalBody, ctx.request.body);
    await decideTypeRequest(deps, userId, false, reason);
    ctx.body = { status: 'refused' };
  });

  return router;
}
