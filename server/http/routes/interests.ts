import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import { interestThemeBody, myInterestsBody } from '../../protocol/newsletters';
import {
  addInterestTheme,
  changeInterestTheme,
  interestThemes,
  myInterests,
  removeInterestTheme,
  saveMyInterests,
} from '../../services/interests/interests';
import { isAdmin } from '../../access/roles';
import { requireAccess, requireUser } from '../middleware/auth';
import { currentUser, type AppState } from '../context';

/** Centres of interest: the theme list (members read it, admins edit it) and my interests and subscriptions. */
export function interestRoutes(deps: Deps): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api' });
  const admin = [requireUser(), requireAccess(isAdmin)] as const;

  router.get('/interest-themes', requireUser(), async (ctx) => {
    ctx.body = { items: await interestThemes(deps.db) };
  });

  router.post('/admin/interest-themes', ...admin, async (ctx) => {
    const { label } = parseInput(interestThemeBody, ctx.request.body);
    ctx.status = 201;
    ctx.body = await addInterestTheme(deps.db, label);
  });

  router.patch('/admin/interest-themes/:id', ...admin, async (ctx) => {
    const id = parseInput(fields.id, ctx.params.id);
    const { label } = parseInput(interestThemeBody, ctx.request.body);
    ctx.body = await changeInterestTheme(deps.db, id, label);
  });

  router.delete('/admin/interest-themes/:id', ...admin, async (ctx) => {
    await removeInterestTheme(deps.db, parseInput(fields.id, ctx.params.id));
    ctx.status = 204;
  });

  router.get('/me/interests', requireUser(), async (ctx) => {
    ctx.body = await myInterests(deps.db, currentUser(ctx).id);
  });

  router.put('/me/interests', requireUser(), async (ctx) => {
    ctx.body = await saveMyInterests(deps.db, currentUser(ctx).id, parseInput(myInterestsBody, ctx.request.body));
  });

  return router;
}
