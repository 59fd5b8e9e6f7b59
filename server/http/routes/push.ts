/** Web Push subscriptions of the signed-in user's browsers (the key to subscribe with, subscribe, unsubscribe). */
import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { notFound } from '../../errors';
import { deletePushSubscription, findPushSubscription, upsertPushSubscription } from '../../db/push-subscriptions';
import { pushSubscriptionBody, pushUnsubscribeQuery, type PushKey } from '../../protocol/push';
import { requireUser } from '../middleware/auth';
import { currentUser, type AppState } from '../context';

/** `/api/push`: `publicKey` is the server's VAPID public key (base64url). */
export function pushRoutes(deps: Deps, publicKey: string): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api/push' });

  router.get('/key', requireUser(), (ctx) => {
    ctx.body = { publicKey } satisfies PushKey;
  });

  router.post('/subscriptions', requireUser(), async (ctx) => {
    const input = parseInput(pushSubscriptionBody, ctx.request.body ?? {});
    const row = await upsertPushSubscription(deps.db, currentUser(ctx).id, { endpoint: input.endpoint, ...input.keys });
    ctx.status = 201;
    ctx.body = { id: row.id, endpoint: row.endpoint };
  });

  router.delete('/subscriptions', requireUser(), async (ctx) => {
    const { endpoint } = parseInput(pushUnsubscribeQuery, ctx.query);
    // Someone else's endpoint is as unknown as a missing one.
    const row = await findPushSubscription(deps.db, currentUser(ctx).id, endpoint);
    if (!row) throw notFound('Abonnement');
    await deletePushSubscription(deps.db, row.id);
    ctx.status = 204;
  });

  return router;
}
