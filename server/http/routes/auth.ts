import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { loginSchema, registerSchema, resetConfirmSchema, resetSchema, tokenSchema } from '../../protocol/accounts';
import { confirmAccount, confirmPasswordReset, register, requestPasswordReset } from '../../services/accounts/accounts';
import { login, logout } from '../../services/accounts/sessions';
import { providerLogoutUrl } from '../../services/accounts/oidc-sign-in';
import { presentUser } from '../../presenters/users';
import { AttemptLimiter } from '../../security/attempt-limiter';
import { SESSION_COOKIE } from '../../security/session-cookie';
import { requireUser } from '../middleware/auth';
import type { AppState } from '../context';
import type { Realtime } from '../../realtime/types';
import { inBackground } from '../../background';

/** Sign-up, confirmation, login, logout and password reset. */
export function authRoutes(deps: Deps, realtime: Realtime): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api/auth' });
  const rl = deps.config.rateLimits;
  const loginPerIp = new AttemptLimiter(rl.loginPerIp, rl.windowSeconds);
  const loginPerAccount = new AttemptLimiter(rl.loginPerAccount, rl.windowSeconds);
  const resetPerIp = new AttemptLimiter(rl.resetPerIp, rl.windowSeconds);
  const resetPerAccount = new AttemptLimiter(rl.resetPerAccount, rl.windowSeconds);

  router.post('/register', async (ctx) => {
    const input = parseInput(registerSchema, ctx.request.body);
    ctx.status = 201;
    ctx.body = { user: await register(deps, input) };
  });

  router.post('/confirm', async (ctx) => {
    const { token } = parseInput(tokenSchema, ctx.request.body);
    ctx.body = { user: presentUser(await confirmAccount(deps, token)) };
  });

  router.post('/login', async (ctx) => {
    const input = parseInput(loginSchema, ctx.request.body);
    await loginPerIp.consume(ctx.ip);
    // Failed attempts on one account are counted whatever the IP (slow brute force from many addresses).
    await loginPerAccount.check(input.email, rl.loginPerAccount);
    let result;
    try {
      result = await login(deps, { ...input, userAgent: ctx.get('user-agent'), ip: ctx.ip });
    } catch (err) {
      if ((err as { code?: string }).code === 'invalid_credentials') await loginPerAccount.consume(input.email).catch(() => {});
      throw err;
    }
    await loginPerAccount.reset(input.email);
    ctx.cookies.set(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.publicUrl.startsWith('https:'),
      expires: new Date(Date.now() + deps.config.sessionDays * 86400_000),
      overwrite: true,
    });
    ctx.body = { user: presentUser(result.user), token: result.token };
  });

  router.post('/logout', requireUser({ allowBeforeTerms: true }), async (ctx) => {
    // A session opened through ProConnect ends there too: the client follows `logoutUrl`.
    const logoutUrl = await providerLogoutUrl(deps, ctx.state.session!.id).catch(() => null);
    await logout(deps, ctx.state.session!);
    ctx.cookies.set(SESSION_COOKIE, null, { httpOnly: true, sameSite: 'lax' });
    realtime.disconnectSession(ctx.state.session!.id);
    ctx.body = { ok: true, logoutUrl };
  });

  router.post('/password-reset', async (ctx) => {
    const { email } = parseInput(resetSchema, ctx.request.body);
    await resetPerIp.consume(ctx.ip);
    // Over the per-account budget we still answer 202 and simply send nothing: no enumeration, no mail bombing.
    const allowed = await resetPerAccount.consume(email).then(
      () => true,
      () => false,
    );
    // Not awaited: the answer must take the same time whether or not the address has an account (the
    // link is only written and mailed for one that has). The mailer logs its own failures.
    if (allowed) inBackground(deps.log, 'password reset request', requestPasswordReset(deps, email));
    ctx.status = 202;
    ctx.body = { ok: true };
  });

  router.post('/password-reset/confirm', async (ctx) => {
    const input = parseInput(resetConfirmSchema, ctx.request.body);
    await resetPerIp.consume(ctx.ip);
    const user = await confirmPasswordReset(deps, input.token, input.password);
    realtime.disconnectUser(user.id);
    ctx.body = { user: presentUser(user) };
  });

  return router;
}
