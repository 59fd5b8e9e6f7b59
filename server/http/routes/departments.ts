import Router from '@koa/router';
import type { Deps } from '../../deps';
import { listDepartments, listRegions } from '../../db/departments';
import type { AppState } from '../context';
import type { Department, Region } from '../../protocol/departments';

/** The French départements (public: the sign-up form needs them). */
export function departmentRoutes(deps: Deps): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api' });
  router.get('/departments', async (ctx) => {
    const rows = await listDepartments(deps.db);
    ctx.set('Cache-Control', 'public, max-age=3600');
    ctx.body = rows.map((d): Department => ({ code: d.code, name: d.name, regionCode: d.region_code }));
  });
  router.get('/regions', async (ctx) => {
    ctx.body = (await listRegions(deps.db)).map((r): Region => ({ code: r.code, name: r.name }));
  });
  return router;
}
