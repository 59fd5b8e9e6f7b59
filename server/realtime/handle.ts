import { z } from 'zod';
import { AppError } from '../errors';
import { parseInput } from '../validation';
import type { Deps } from '../deps';
import type { HubSocket } from './hub';
import { findUserById, type UserRow } from '../db/users';

export type Ack = (response: Record<string, unknown>) => void;

/** The context a socket handler receives: who is asking, and the app's dependencies. */
export interface HandlerContext {
  socket: HubSocket;
  /** The user row, reloaded for each event so role, status and terms are never stale. */
  actor: UserRow;
  deps: Deps;
}

/**
 * Registers one client event: the payload is parsed with its schema (bad →
 * `invalid_payload`), the actor is loaded and must have accepted the terms,
 * and whatever happens the acknowledgement is answered exactly once, with
 * `{ ok: true, … }` or `{ ok: false, error }`. Nothing a client sends can throw
 * out of here, so no payload can crash the server.
 */
export function onEvent<S extends z.ZodType>(
  socket: HubSocket,
  deps: Deps,
  event: string,
  schema: S,
  handler: (input: z.infer<S>, ctx: HandlerContext) => Promise<Record<string, unknown> | void>,
): void {
  socket.on(event, async (...args: unknown[]) => {
    const last = args[args.length - 1];
    const ack: Ack | null = typeof last === 'function' ? (last as Ack) : null;
    const payload = ack ? args[0] : args[0];
    try {
      await socket.data.ready;
      const input = parseInput(schema, payload);
      const actor = await findUserById(deps.db, socket.data.userId);
      if (!actor || actor.status !== 'active') {
        socket.disconnect(true);
        throw new AppError('unauthorized', 401, 'Session expirée.');
      }
      if (!actor.terms_accepted_at) {
        throw new AppError('terms_not_accepted', 403, "Vous devez d'abord accepter les conditions d'utilisation.");
      }
      const result = await handler(input, { socket, actor, deps });
      ack?.({ ok: true, ...(result ?? {}) });
    } catch (err) {
      if (err instanceof AppError) {
        ack?.({ ok: false, error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } });
      } else {
        deps.log.error({ err, event }, 'socket handler failed');
        ack?.({ ok: false, error: { code: 'internal_error', message: 'Erreur interne. Réessayez plus tard.' } });
      }
    }
  });
}
