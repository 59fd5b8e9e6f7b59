/** The typed Socket.IO client of the hub: acked requests with a timeout, connection state, resync after reconnects. */
import { io, type Socket } from 'socket.io-client';
import type {
  AckOf,
  ClientAcks,
  ClientEventName,
  ClientPayload,
  ClientToServerEvents,
  ServerEventName,
  ServerEventPayloads,
  ServerToClientEvents,
} from '../../server/protocol/socket.js';

/** The socket, typed by the protocol's maps (server → client events in, client → server events out). */
export type HubSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Where the connection stands, for the "reconnexion…" banner. */
export type HubStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'closed';

/** An error answered by the hub in an ack (`{ ok: false, error }`), or `timeout` / `disconnected`. */
export class HubError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown>;
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'HubError';
    this.code = code;
    this.details = details;
  }
}

/** Builds the underlying socket (injectable so tests can point it at a real server with a token). */
export type SocketFactory = () => HubSocket;

const TIMEOUT_MESSAGE = 'Le serveur ne répond pas. Nouvel essai automatique dès la reconnexion.';

/**
 * One connection per tab. Dispatches `status` when the connection state
 * changes and `resync` after every (re)connection, so stores fetch what they
 * missed from the database (the source of truth) instead of trusting the
 * transport to have delivered everything.
 */
export class HubClient extends EventTarget {
  status: HubStatus = 'idle';
  private socket: HubSocket | null = null;
  /** Listeners outlive sockets: a new connection after a logout/login reaches the same stores. */
  private listeners = new Map<string, Set<(payload: unknown) => void>>();

  constructor(
    private factory: SocketFactory = () => io({ transports: ['websocket', 'polling'], withCredentials: true, auth: { protocol: 2 } }),
  ) {
    super();
  }

  /** Opens the connection (idempotent). */
  start(): void {
    if (this.socket) return;
    const socket = this.factory();
    this.socket = socket;
    this.setStatus('connecting');
    socket.onAny((event: string, payload: unknown) => {
      for (const listener of this.listeners.get(event) ?? []) listener(payload);
    });
    socket.on('connect', () => {
      this.setStatus('connected');
      this.dispatchEvent(new Event('resync'));
    });
    // The server lost its link to the other nodes for a while (Redis outage): catch up as after a reconnection.
    socket.on('hub:resync', () => this.dispatchEvent(new Event('resync')));
    socket.on('disconnect', (reason) => {
      this.setStatus('reconnecting');
      // The server dropped us on purpose: after a role change (rooms to recompute) we come back; after a
      // logout or a disabled account the handshake answers `unauthorized` and we stop there.
      if (reason === 'io server disconnect') setTimeout(() => this.socket === socket && socket.connect(), 1000);
    });
    socket.on('connect_error', (err) => {
      this.setStatus(err.message === 'unauthorized' ? 'closed' : 'reconnecting');
      if (err.message === 'unauthorized') socket.close();
    });
  }

  /** Closes the connection (logout). */
  stop(): void {
    this.socket?.close();
    this.socket = null;
    this.setStatus('closed');
  }

  get connected(): boolean {
    return !!this.socket?.connected;
  }

  /** Sends a client event and resolves with the ack's payload, or rejects with a HubError. */
  async request<E extends ClientEventName>(event: E, payload: ClientPayload<E>, timeoutMs = 8000): Promise<ClientAcks[E]> {
    const socket = this.socket;
    if (!socket || !socket.connected) throw new HubError('disconnected', 'Connexion interrompue. Nouvel essai dès la reconnexion.');
    let ack: AckOf<E> | undefined;
    try {
      // Socket.IO's typed emit cannot take a generic event name: the map's signature is applied by hand.
      const timed = socket.timeout(timeoutMs);
      const emit = timed.emitWithAck.bind(timed) as (event: E, payload: ClientPayload<E>) => Promise<AckOf<E>>;
      ack = await emit(event, payload);
    } catch {
      throw new HubError('timeout', TIMEOUT_MESSAGE);
    }
    if (!ack || ack.ok !== true) {
      const e = ack && ack.ok === false ? ack.error : undefined;
      throw new HubError(e?.code ?? 'internal_error', e?.message ?? 'Une erreur est survenue.', e?.details ?? {});
    }
    return ack;
  }

  /** Listens to a server event; returns the function that stops listening. */
  on<E extends ServerEventName>(event: E, listener: (payload: ServerEventPayloads[E]) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    const wrapped = listener as (payload: unknown) => void;
    set.add(wrapped);
    return () => set.delete(wrapped);
  }

  private setStatus(status: HubStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.dispatchEvent(new Event('status'));
  }
}
