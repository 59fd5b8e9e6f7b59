import { AppError } from '../errors';
import { parseInput } from '../validation';
import { clientEventSchemas, type ClientAcks, type ClientEventName, type ClientInput } from '../protocol/socket';
import type { Deps } from '../deps';
import type { EventTable, HubSocket } from './hub-types';
import { findUserById, type UserRow } from '../db/users';

/** The acknowledgement callback as Socket.IO hands it over (the answer is typed by `onEvent`). */
export type Ack = (response: Record<string, unknown>) => void;

/** What a handler returns for an event: its ack's fields (nothing at all when the ack carries only `ok`). */
export type HandlerResult<E extends ClientEventName> = keyof ClientAcks[E] extends never ? ClientAcks[E] | void : ClientAcks[E];

/** The context a socket handler receives: who is asking, and the app's dependencies. */
export interface HandlerContext {
  socket: HubSocket;
  /** The user row (at most a few seconds old: role changes, disabling and logout disconnect the socket). */
  actor: UserRow;
  deps: Deps;
}

/** How long a socket trusts the user row it loaded (role changes, disabling and logout disconnect it anyway). */
const ACTOR_TTL_MS = 5000;
const actors = new WeakMap<HubSocket, { user: UserRow; at: number }>();

/** Seeds the cache with the row the handshake just loaded. */
export function rememberActor(socket: HubSocket, user: UserRow): void {
  actors.set(socket, { user, at: Date.now() });
}

/** The socket's user, reloaded at most every few seconds, and at once while the terms are not accepted. */
async function currentActor(socket: HubSocket, deps: Deps): Promise<UserRow | undefined> {
  const cached = actors.get(socket);
  if (cached && cached.user.terms_accepted_at && Date.now() - cached.at < ACTOR_TTL_MS) return cached.user;
  const user = await findUserById(deps.db, socket.data.userId);
  if (user) actors.set(socket, { user, at: Date.now() });
  return user;
}

/**
 * Registers one client event: the payload is parsed with the schema the
 * protocol gives that event (bad → `invalid_payload`), the handler must return
 * the ack the protocol gives it, the actor is loaded (cached a few seconds) and must have accepted the terms,
 * and whatever happens the acknowledgement is answered exactly once, with
 * `{ ok: true, … }` or `{ ok: false, error }`. Nothing a client sends can throw
 * out of here, so no payload can crash the server.
 */
export function onEvent<E extends ClientEventName>(
  table: EventTable,
  deps: Deps,
  event: E,
  handler: (input: ClientInput<E>, ctx: HandlerContext) => Promise<HandlerResult<E>>,
): void {
  const schema = clientEventSchemas[event];
  table.set(event, async (socket, args) => {
    const last = args[args.length - 1];
    const ack: Ack | null = typeof last === 'function' ? (last as Ack) : null;
    const payload = args[0];
    try {
      await socket.data.ready;
      const input = parseInput(schema, payload) as ClientInput<E>;
      const actor = await currentActor(socket, deps);
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

/** Runs a socket's event through the table; an event no domain handles still gets its acknowledgement. */
export function dispatchEvent(table: EventTable, socket: HubSocket, event: string, args: unknown[]): void {
  const handle = table.get(event);
  if (handle) return void handle(socket, args);
  const ack = args[args.length - 1];
  if (typeof ack === 'function')
    ack({ ok: false, error: { code: 'unknown_event', message: `Événement inconnu : ${String(event).slice(0, 60)}.` } });
}
