import type { Server, Socket } from 'socket.io';
import type { UserRow } from '../db/users';
import type { RedisPair } from '../redis';
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents } from '../protocol/socket';

/** What each socket carries once authenticated. */
export interface SocketData {
  userId: number;
  sessionId: number;
  /** The client's protocol version (`auth.protocol` at the handshake; 1 when absent): 2 gets lean messages. */
  protocol: 1 | 2;
  /** The kinds of the channels the socket joined at connect (channels domain), so other domains skip reads they need not do. */
  channelKinds?: Set<string>;
  /** Resolves once the connect hooks have joined the socket's rooms; handlers wait for it. */
  ready: Promise<void>;
}

/** The hub's server, typed by the protocol's event maps both ways. */
export type HubServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
/** One connected socket, typed the same way. */
export type HubSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** Client events and their handlers, built once per hub (not per socket: no closures or listeners per connection). */
export type EventTable = Map<string, (socket: HubSocket, args: unknown[]) => Promise<void>>;

/**
 * A real-time domain: `events` adds its client events to the hub's table (once), `onJoin` joins rooms before `connect`,
 * `onConnect` announces (both awaited before any handler runs), `onDisconnect` cleans up.
 */
export interface RealtimeDomain {
  /** Adds the domain's client events to the hub's table (once per hub). */
  events?(table: EventTable): void;
  /**
   * Runs in the connection middleware, before the client's `connect` fires: joins the socket's rooms
   * (`socket.join`), so whatever is broadcast after `connect` reaches it. Must not emit: the socket is
   * not connected yet. Awaited in order, before any `onConnect`.
   */
  onJoin?(socket: HubSocket, user: UserRow): Promise<void>;
  /** `user`: the row the handshake authenticated (not reloaded: every connection would pay for it). */
  onConnect?(socket: HubSocket, user: UserRow): Promise<void>;
  onDisconnect?(socket: HubSocket): Promise<void>;
  bind?(io: HubServer): void;
  stop?(): Promise<void>;
}

/**
 * How this process shares broadcasts and presence with the others: through Redis (nodes on any
 * machine), through the primary process (workers of one machine, server/cluster/), or not at all.
 */
export interface HubSharing {
  redis: RedisPair | null;
  clusterWorker: boolean;
}
