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
import { antiRobotBody } from '../../protocol/anti-robot';
import { checkAntiRobot } from '../../security/anti-robot';
import { AppError } from '../../errors';
import { assertSignupDomain } from '../../services/accounts/signup-rules';
import type { NotificationBroadcasts } from '../../realtime/broadcasts/notifications';

/** Sign-up, confirmation, login, logout and password reset. */
export function authRoutes(deps: Deps, realtime: Realtime, notices: NotificationBroadcasts): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api/auth' });
  const rl = deps.config.rateLimits;
  const loginPerIp = new AttemptLimiter(rl.loginPerIp, rl.windowSeconds);
  const loginPerAccount = new AttemptLimiter(rl.loginPerAccount, rl.windowSeconds);
  const resetPerIp = new AttemptLimiter(rl.resetPerIp, rl.windowSeconds);
  const resetPerAccount = new AttemptLimiter(rl.resetPerAccount, rl.windowSeconds);
  // Failed logins per address, whatever the account: past a threshold every login from there asks for the anti-robot check.
  const failuresPerIp = new AttemptLimiter(Math.max(1, deps.config.antiRobot.loginAfterIpFailures), rl.windowSeconds);
  /** The AttemptLimiters decide: enough failures on this account, or from this address, and the check is asked. */
  const loginNeedsAntiRobot = async (email: string, ip: string) => {
    const { loginAfterFailures, loginAfterIpFailures } = deps.config.antiRobot;
    return (await loginPerAccount.used(email)) >= loginAfterFailures || (await failuresPerIp.used(ip)) >= loginAfterIpFailures;
  };

  router.post('/register', async (ctx) => {
    const input = parseInput(registerSchema, ctx.request.body);
    // The address's domain is a field rule too (it reads the text only: the same answer whether or not it has an account).
    await assertSignupDomain(deps, input.email);
    // After the fields (their errors cost no proof of work), before anything is written or mailed.
    await checkAntiRobot(deps, parseInput(antiRobotBody, ctx.request.body).altcha);
    ctx.status = 201;
    ctx.body = { user: await register(deps, input) };
  });

  router.post('/confirm', async (ctx) => {
    const { token } = parseInput(tokenSchema, ctx.request.body);
    const { user, notices: rows } = await confirmAccount(deps, token);
    notices.pushed(rows);
    ctx.body = { user: presentUser(user) };
  });

  router.post('/login', async (ctx) => {
    const input = parseInput(loginSchema, ctx.request.body);
    await loginPerIp.consume(ctx.ip);
    // Failed attempts on one account are counted whatever the IP (slow brute force from many addresses).
    await loginPerAccount.check(input.email, rl.loginPerAccount);
    if (await loginNeedsAntiRobot(input.email, ctx.ip)) await checkAntiRobot(deps, parseInput(antiRobotBody, ctx.request.body).altcha);
    let result;
    try {
      result = await login(deps, { ...input, userAgent: ctx.get('user-agent'), ip: ctx.ip });
    } catch (err) {
      if (err instanceof AppError && err.code === 'invalid_credentials') {
        await loginPerAccount.consume(input.email).catch(() => {});
        await failuresPerIp.consume(ctx.ip).catch(() => {});
        // The form shows the check at once for the next attempt (`details.antiRobot`), rather than after one more refusal.
        if (await loginNeedsAntiRobot(input.email, ctx.ip)) throw new AppError(err.code, err.status, err.message, { antiRobot: true });
      }
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
