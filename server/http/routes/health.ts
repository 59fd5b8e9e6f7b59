import Router from '@koa/router';
import type { AppState } from '../context';
import type { RedisHealth } from '../../redis-health';

/**
 * GET /api/health, for load balancers: no session, no details. 200 `{ status: "up" }`, or 200
 * `{ status: "degraded" }` while Redis is unreachable (the node still serves; only cross-node
 * broadcasts and shared presence wait). Never cached.
 */
export function healthRoutes(health: Pick<RedisHealth, 'state'>): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api' });
  router.get('/health', (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { status: health.state };
  });
  return router;
}
