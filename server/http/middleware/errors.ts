import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import { AppError } from '../../errors';

/**
 * The only place an exception becomes an HTTP answer. AppErrors show their
 * code and message; body-parser errors become invalid_payload; anything else
 * is logged and answered as internal_error, without details.
 */
export function errorMiddleware(log: Logger): Middleware {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined && ctx.path.startsWith('/api/')) {
        throw new AppError('not_found', 404, 'Route inconnue.');
      }
    } catch (err) {
      const e = err as { status?: number; statusCode?: number; expose?: boolean; type?: string; message?: string };
      let appError: AppError;
      if (err instanceof AppError) appError = err;
      else if ((e.status ?? e.statusCode) === 413) appError = new AppError('too_large', 413, 'Requête trop volumineuse.');
      else if ((e.status ?? e.statusCode) === 415) appError = new AppError('unsupported_type', 415, 'Type de contenu non pris en charge.');
      else if ((e.status ?? e.statusCode) === 400)
        appError = new AppError('invalid_payload', 400, 'Corps de requête illisible (JSON attendu).');
      else {
        log.error({ err, method: ctx.method, path: ctx.path }, 'unhandled error');
        appError = new AppError('internal_error', 500, 'Erreur interne. Réessayez plus tard.');
      }
      ctx.status = appError.status;
      ctx.body = appError.toBody();
      if (appError.code === 'rate_limited' && appError.details?.retryAfterSeconds) {
        ctx.set('Retry-After', String(appError.details.retryAfterSeconds));
      }
    }
  };
}
