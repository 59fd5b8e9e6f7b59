import { io, type Socket } from 'socket.io-client';
import type { WireError } from '../../server/protocol/common';
import type { ClientAcks, ClientEventName, ClientPayload, ServerEventName, ServerEventPayloads } from '../../server/protocol/socket';

/** An ack as a test reads it: `ok`, the error when refused, and the success fields the protocol gives the event. */
export type TestAck<E extends ClientEventName> = { ok: boolean; error: WireError } & ClientAcks[E];
/** Any ack, read loosely (for payloads the protocol's types refuse). */
export type RawAck = { ok: boolean; error: WireError } & Record<string, any>;
/** A listener as socket.io-client takes it when the event name is generic. */
type Listener = (...args: any[]) => void;

const open = new Set<Socket>();

/** A real socket.io client authenticated with a token (`auth`: more handshake fields, e.g. `{ protocol: 2 }`); resolves on connect, rejects on connect_error. */
export function connect(url: string, token: string, timeoutMs = 5000, auth: Record<string, unknown> = {}): Promise<Socket> {
  const socket = io(url, { auth: { ...auth, token }, transports: ['websocket'], reconnection: false, forceNew: true });
  open.add(socket);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error(`no connection to ${url} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (err) => {
      clearTimeout(timer);
      socket.close();
      reject(err);
    });
  });
}

/** Emits a client event of the protocol and resolves with its acknowledgement (rejects if none comes in time). */
export async function emitAck<E extends ClientEventName>(
  socket: Socket,
  event: E,
  payload: ClientPayload<E>,
  timeoutMs = 3000,
): Promise<TestAck<E>> {
  return (await socket.timeout(timeoutMs).emitWithAck(event, payload)) as TestAck<E>;
}

/** Emits anything (bad payloads, unknown events: what the protocol's types would refuse) and resolves with the ack. */
export async function emitRaw(socket: Socket, event: string, payload: unknown, timeoutMs = 3000): Promise<RawAck> {
  return (await socket.timeout(timeoutMs).emitWithAck(event, payload)) as RawAck;
}

/** The next `event` (matching `predicate`, if given) on this socket. */
export function waitForEvent<E extends ServerEventName, T extends ServerEventPayloads[E] = ServerEventPayloads[E]>(
  socket: Socket,
  event: E,
  predicate: (payload: T) => unknown = () => true,
  timeoutMs = 3000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const onEvent = (payload: T) => {
      if (!predicate(payload)) return;
      cleanup();
      resolve(payload);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`no "${event}" event within ${timeoutMs} ms`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      socket.off(event as string, onEvent as Listener);
    };
    socket.on(event as string, onEvent as Listener);
  });
}

/** Resolves if no `event` (matching `predicate`) arrives within `ms`; rejects with the payload otherwise. */
export function expectNoEvent<E extends ServerEventName, T extends ServerEventPayloads[E] = ServerEventPayloads[E]>(
  socket: Socket,
  event: E,
  predicate: (payload: T) => unknown = () => true,
  ms = 500,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const onEvent = (payload: T) => {
      if (!predicate(payload)) return;
      socket.off(event as string, onEvent as Listener);
      clearTimeout(timer);
      reject(new Error(`unexpected "${event}" event: ${JSON.stringify(payload)}`));
    };
    const timer = setTimeout(() => {
      socket.off(event as string, onEvent as Listener);
      resolve();
    }, ms);
    socket.on(event as string, onEvent as Listener);
  });
}

/** Closes every socket opened by `connect` (call it in afterEach). */
export function closeAll(): void {
  for (const s of open) s.close();
  open.clear();
}
