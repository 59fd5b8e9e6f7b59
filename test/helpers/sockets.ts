import { io, type Socket } from 'socket.io-client';

const open = new Set<Socket>();

/** A real socket.io client authenticated with a token; resolves on connect, rejects on connect_error. */
export function connect(url: string, token: string, timeoutMs = 5000): Promise<Socket> {
  const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
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

/** Emits an event and resolves with its acknowledgement (rejects if none comes in time). */
export async function emitAck<T = any>(socket: Socket, event: string, payload: unknown, timeoutMs = 3000): Promise<T> {
  return (await socket.timeout(timeoutMs).emitWithAck(event, payload)) as T;
}

/** The next `event` (matching `predicate`, if given) on this socket. */
export function waitForEvent<T = any>(socket: Socket, event: string, predicate: (payload: T) => boolean = () => true, timeoutMs = 3000): Promise<T> {
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
      socket.off(event, onEvent);
    };
    socket.on(event, onEvent);
  });
}

/** Resolves if no `event` (matching `predicate`) arrives within `ms`; rejects with the payload otherwise. */
export function expectNoEvent<T = any>(socket: Socket, event: string, predicate: (payload: T) => boolean = () => true, ms = 500): Promise<void> {
  return new Promise((resolve, reject) => {
    const onEvent = (payload: T) => {
      if (!predicate(payload)) return;
      socket.off(event, onEvent);
      clearTimeout(timer);
      reject(new Error(`unexpected "${event}" event: ${JSON.stringify(payload)}`));
    };
    const timer = setTimeout(() => {
      socket.off(event, onEvent);
      resolve();
    }, ms);
    socket.on(event, onEvent);
  });
}

/** Closes every socket opened by `connect` (call it in afterEach). */
export function closeAll(): void {
  for (const s of open) s.close();
  open.clear();
}
