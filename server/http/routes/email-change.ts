import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { emailChangeSchema, tokenSchema } from '../../protocol/accounts';
import { confirmEmailChange, requestEmailChange } from '../../services/accounts/email-change';
import { presentUser } from '../../presenters/users';
import { requireUser } from '../middleware/auth';
import { currentUser, type AppState } from '../context';

/** A member's change of e-mail address: the request (signed in) and the confirmation link (opened from the new mailbox). */
export function emailChangeRoutes(deps: Deps): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api' });

  router.post('/me/email', requireUser(), async (ctx) => {
    const { email, password } = parseInput(emailChangeSchema, ctx.request.body);
    await requestEmailChange(deps, currentUser(ctx), email, password);
    ctx.status = 202;
    ctx.body = { status: 'pending', email };
  });

  router.post('/auth/email-change/confirm', async (ctx) => {
    const { token } = parseInput(tokenSchema, ctx.request.body);
    ctx.body = { user: presentUser(await confirmEmailChange(deps, token)) };
  });

  return router;
}
