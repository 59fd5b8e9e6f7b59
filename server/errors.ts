import type { ErrorCode } from './protocol';

/** An error the client may see: a contract code, an HTTP status, a French message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  /** The contract's error body. */
  toBody(): { error: { code: string; message: string; details?: Record<string, unknown> } } {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

export const invalidPayload = (message = 'Données invalides.', details?: Record<string, unknown>) =>
  new AppError('invalid_payload', 400, message, details);
export const unauthorized = () => new AppError('unauthorized', 401, 'Vous devez être connecté.');
export const forbidden = (message = "Vous n'avez pas le droit de faire cela.", code: ErrorCode = 'forbidden') =>
  new AppError(code, 403, message);
/** Used both for missing and for invisible things, so existence never leaks. */
export const notFound = (what = 'Ressource') => new AppError('not_found', 404, `${what} introuvable.`);
export const conflict = (code: ErrorCode, message: string, details?: Record<string, unknown>) => new AppError(code, 409, message, details);
export const ruleViolated = (code: ErrorCode, message: string, details?: Record<string, unknown>) =>
  new AppError(code, 422, message, details);
export const rateLimited = (retryAfterSeconds: number) =>
  new AppError(
    'rate_limited',
    429,
    `Trop de requêtes. Réessayez dans ${retryAfterSeconds < 120 ? `${retryAfterSeconds} s` : `${Math.ceil(retryAfterSeconds / 60)} min`}.`,
    {
      retryAfterSeconds,
    },
  );
export const tooLarge = (message: string) => new AppError('too_large', 413, message);
