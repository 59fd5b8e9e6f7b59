import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { signupRulesBody } from '../../protocol/signup-rules';
import { setSignupRules, signupRules } from '../../services/accounts/signup-rules';
import { isAdmin } from '../../access/roles';
import { requireAccess, requireUser } from '../middleware/auth';
import { currentUser, type AppState } from '../context';

/** Sign-up rules: anyone reads them (the sign-up form shows the allowed domains), admins set them. */
export function signupRuleRoutes(deps: Deps): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api' });

  router.get('/signup-rules', async (ctx) => {
    ctx.body = await signupRules(deps);
  });

  router.put('/admin/signup-rules', requireUser(), requireAccess(isAdmin), async (ctx) => {
    const { allowedDomains } = parseInput(signupRulesBody, ctx.request.body);
    ctx.body = await setSignupRules(deps, currentUser(ctx), allowedDomains);
  });

  return router;
}
