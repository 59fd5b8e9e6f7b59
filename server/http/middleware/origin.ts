import type { Middleware } from 'koa';
import { forbidden } from '../../errors';
import type { AppState } from '../context';
import { allowedOrigin } from '../../security/origins';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence: a state-changing request carrying a foreign Origin is refused,
 * and one authenticated by the cookie must show our Origin. Bearer-token
 * callers (scripts) need none: a browser never adds that header by itself.
 */
export function originCheck(getPublicUrl: () => string): Middleware<AppState> {
  return async (ctx, next) => {
    if (!SAFE.has(ctx.method)) {
      const origin = ctx.get('origin');
      if (origin && !allowedOrigin(origin, getPublicUrl(), ctx.host, ctx.protocol)) {
        throw forbidden('Origine de la requête refusée.', 'bad_origin');
      }
      if (!origin && ctx.state.authVia === 'cookie') throw forbidden('Origine de la requête manquante.', 'bad_origin');
    }
    await next();
  };
}
