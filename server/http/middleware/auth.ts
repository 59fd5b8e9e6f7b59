import type { Middleware, Next } from 'koa';
import type { Deps } from '../../deps';
import { SESSION_COOKIE } from '../../security/session-cookie';
import { authenticateToken } from '../../services/accounts/sessions';
import { AppError, forbidden, unauthorized } from '../../errors';
import type { AppContext, AppState } from '../context';
import type { UserRow } from '../../db/users';
import { isFullMember } from '../../access/groups';

/** Reads the session from the Bearer token or the cookie; never rejects by itself. */
export function authMiddleware(deps: Deps): Middleware<AppState> {
  return async (ctx, next) => {
    const header = ctx.get('authorization');
    const bearer = /^Bearer\s+(.+)$/i.exec(header)?.[1];
    const token = bearer ?? ctx.cookies.get(SESSION_COOKIE);
    const auth = await authenticateToken(deps, token);
    if (auth) {
      ctx.state.user = auth.user;
      ctx.state.session = auth.session;
      ctx.state.authVia = bearer ? 'bearer' : 'cookie';
    }
    await next();
  };
}

/** 401 without a session; 403 terms_not_accepted until the terms of use are accepted. */
export function requireUser(opts: { allowBeforeTerms?: boolean } = {}) {
  return async (ctx: AppContext, next: Next) => {
    const user = ctx.state.user;
    if (!user) throw unauthorized();
    if (!opts.allowBeforeTerms && !user.terms_accepted_at) {
      throw new AppError('terms_not_accepted', 403, "Vous devez d'abord accepter les conditions d'utilisation.");
    }
    await next();
  };
}

/** Only users the access predicate lets through (after requireUser); the predicate lives in server/access/. */
export function requireAccess(allowed: (user: UserRow) => boolean) {
  return async (ctx: AppContext, next: Next) => {
    if (!ctx.state.user || !allowed(ctx.state.user)) throw forbidden();
    await next();
  };
}

/** Members who are not chat-only (the directory and groups are closed to chat-only accounts). */
export async function requireFullMember(ctx: AppContext, next: Next) {
  if (!ctx.state.user || !isFullMember(ctx.state.user)) throw forbidden('Votre compte donne accès à la messagerie uniquement.');
  await next();
}
