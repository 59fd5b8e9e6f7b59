/** ProConnect / OpenID Connect sign-in: which buttons to show, the redirect to the provider, its callback, the département step. */
import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { notFound } from '../../errors';
import { oidcSignupBody, oidcStartQuery, type AuthProviders, type OidcSignupView } from '../../protocol/oidc';
import { oidcClientFor, type OidcAttempt } from '../../services/accounts/oidc-client';
import { completeOidcSignup, findPendingOidcSignup, signInWithOidc } from '../../services/accounts/oidc-sign-in';
import { presentUser } from '../../presenters/users';
import { SESSION_COOKIE } from '../../security/session-cookie';
import type { AppContext, AppState } from '../context';

const ATTEMPT_COOKIE = 'maillage_oidc';
const ATTEMPT_PATH = '/api/auth/oidc';

/** A path of ours only (`/x`, never `//host` or `/\host`): no open redirect. */
function safeNext(next: string | undefined | null): string | null {
  return next && /^\/(?![/\\])/.test(next) ? next : null;
}

/** Sign-in through the configured OpenID provider (ProConnect); every route but `providers` is 404 when none is configured. */
export function oidcRoutes(deps: Deps): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api/auth' });
  const secure = () => deps.config.publicUrl.startsWith('https:');
  const client = () => {
    if (!deps.config.oidc) throw notFound('Fournisseur d’identité');
    return oidcClientFor(deps.config.oidc);
  };
  const setSession = (ctx: AppContext, token: string) =>
    ctx.cookies.set(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: secure(),
      expires: new Date(Date.now() + deps.config.sessionDays * 86400_000),
      overwrite: true,
    });
  const who = (ctx: AppContext) => ({ userAgent: ctx.get('user-agent'), ip: ctx.ip });

  router.get('/providers', (ctx) => {
    const body: AuthProviders = { oidc: deps.config.oidc ? { name: 'ProConnect', startUrl: `${ATTEMPT_PATH}/start` } : null };
    ctx.body = body;
  });

  router.get('/oidc/start', async (ctx) => {
    const { next } = parseInput(oidcStartQuery, ctx.query);
    const { url, attempt } = await client().start(`${deps.config.publicUrl}${ATTEMPT_PATH}/callback`, safeNext(next));
    // The attempt's secrets wait in an HttpOnly cookie scoped to the callback; `lax` lets the provider's top-level redirect carry it back.
    ctx.cookies.set(ATTEMPT_COOKIE, Buffer.from(JSON.stringify(attempt)).toString('base64url'), {
      httpOnly: true,
      sameSite: 'lax',
      secure: secure(),
      path: ATTEMPT_PATH,
      maxAge: 10 * 60 * 1000,
      overwrite: true,
    });
    ctx.redirect(url);
  });

  router.get('/oidc/callback', async (ctx) => {
    const rp = client();
    const raw = ctx.cookies.get(ATTEMPT_COOKIE);
    ctx.cookies.set(ATTEMPT_COOKIE, null, { httpOnly: true, sameSite: 'lax', path: ATTEMPT_PATH });
    let attempt: OidcAttempt | null = null;
    try {
      attempt = raw ? (JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as OidcAttempt) : null;
    } catch {
      attempt = null;
    }
    try {
      if (!attempt?.state || !attempt.nonce || !attempt.verifier) throw Object.assign(new Error('no attempt'), { code: 'oidc_failed' });
      const identity = await rp.finish(new URL(ctx.originalUrl, deps.config.publicUrl), attempt);
      const result = await signInWithOidc(deps, identity, safeNext(attempt.next), who(ctx));
      if (result.kind === 'signup') return ctx.redirect(`/connexion/proconnect?inscription=${encodeURIComponent(result.ticket)}`);
      setSession(ctx, result.token);
      ctx.redirect(safeNext(attempt.next) ?? '/');
    } catch (err) {
      // A browser landed here: answer with the sign-in page and the reason, never a JSON error.
      const code = (err as { code?: string }).code;
      if (!code || code === 'internal_error') deps.log.error({ err }, 'oidc callback');
      const shown = ['oidc_email_unverified', 'account_not_active', 'oidc_unavailable'].includes(code ?? '') ? code : 'oidc_failed';
      ctx.redirect(`/connexion?erreur=${shown}`);
    }
  });

  router.get('/oidc/signup', async (ctx) => {
    client();
    const { signup } = parseInput(oidcSignupBody.pick({ signup: true }), ctx.query);
    const row = await findPendingOidcSignup(deps, signup);
    const body: OidcSignupView = { email: row.email, firstName: row.first_name, lastName: row.last_name };
    ctx.body = body;
  });

  router.post('/oidc/signup', async (ctx) => {
    client();
    const input = parseInput(oidcSignupBody, ctx.request.body);
    const { user, token, next } = await completeOidcSignup(deps, input.signup, input.departmentCode, who(ctx));
    setSession(ctx, token);
    ctx.status = 201;
    ctx.body = { user: presentUser(user), token, next };
  });

  return router;
}
