import type { Middleware } from 'koa';
import { forbidden } from '../../errors';
import type { AppState } from '../context';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origins a browser page of ours may come from: PUBLIC_URL's, and the host the request was sent to. */
export function allowedOrigin(origin: string, publicUrl: string, host: string | undefined, protocol = 'http'): boolean {
  if (origin === new URL(publicUrl).origin) return true;
  return !!host && (origin === `${protocol}://${host}` || origin === `https://${host}`);
}

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
