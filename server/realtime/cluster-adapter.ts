import { RedisAdapter, type RedisAdapterOptions } from '@socket.io/redis-adapter';
import { NodeClusterAdapter } from '@socket.io/cluster-adapter';
import { Adapter, MessageType, type BroadcastOptions, type ClusterMessage, type Room } from 'socket.io-adapter';

type Packet = Parameters<RedisAdapter['broadcast']>[0];
/** Adapter#apply (private in socket.io-adapter's types): runs a callback on every local socket a broadcast targets. */
type Apply = (opts: BroadcastOptions, callback: (socket: unknown) => void) => void;
type MovableSocket = { id: string; join(rooms: Room[]): void; leave(room: Room): void };
type Nsp = { _preConnectSockets?: Map<string, MovableSocket> };

/**
 * Room moves (`socketsJoin` / `socketsLeave`) also reach the sockets still in the connection
 * middleware. The hub joins a socket's rooms there, before the client's `connect` fires, but the
 * namespace lists the socket only once connected, and `apply` sees listed sockets only: a move
 * committed between the middleware's read of the memberships and the `connect` would miss it.
 */
function movePreConnect(adapter: Adapter, opts: BroadcastOptions, move: (socket: MovableSocket) => void): void {
  const pending = (adapter.nsp as unknown as Nsp)._preConnectSockets;
  if (!pending?.size) return;
  for (const socket of pending.values()) {
    const mine = adapter.socketRooms(socket.id) ?? new Set<Room>();
    if (opts.rooms.size && ![...opts.rooms].some((r) => mine.has(r))) continue;
    if ([...(opts.except ?? [])].some((r) => mine.has(r))) continue;
    move(socket);
  }
}

type SocketId = string;
const NOBODY = { has: () => false };

/**
 * A broadcast's `except` rooms, looked up in the rooms' own sets instead of copied into a new one (what
 * socket.io-adapter's `computeExceptSids` does on every broadcast). Why: the full `message:new` goes to a
 * channel except the protocol-2 room, and that room holds nearly every socket of the node, so each message
 * copied every connected socket's id, whatever the channel's size. `apply` only asks `has`, synchronously.
 */
function exceptView(this: Adapter, exceptRooms?: Set<Room>): { has(id: SocketId): boolean } {
  const sets: Set<SocketId>[] = [];
  for (const room of exceptRooms ?? []) {
    const ids = this.rooms.get(room);
    if (ids?.size) sets.push(ids);
  }
  if (!sets.length) return NOBODY;
  return sets.length === 1 ? { has: (id) => sets[0]!.has(id) } : { has: (id) => sets.some((ids) => ids.has(id)) };
}

/** The in-memory adapter (one node), with room moves reaching sockets still connecting. */
export class HubAdapter extends Adapter {
  override addSockets(opts: BroadcastOptions, rooms: Room[]): void {
    super.addSockets(opts, rooms);
    movePreConnect(this, opts, (s) => s.join(rooms));
  }

  override delSockets(opts: BroadcastOptions, rooms: Room[]): void {
    super.delSockets(opts, rooms);
    movePreConnect(this, opts, (s) => rooms.forEach((r) => s.leave(r)));
  }
}

const REMOTE_JOIN = 2;
const REMOTE_LEAVE = 3;
const REMOTE_DISCONNECT = 4;

/**
 * The Redis adapter, with a broadcast's remote copy sent before the local
 * one. RedisAdapter publishes, then writes to this node's sockets at once;
 * node-redis sends the PUBLISH only on its next setImmediate, so the other
 * nodes started their own writes only after this node had written to every
 * local socket of the room (~10 ms for 500 sockets). Here the local writes are
 * queued behind the PUBLISH (a setImmediate set after it runs after it), so
 * the nodes deliver side by side. Order is kept: broadcasts stay in emission
 * order, each one's local copy a turn later. Local-only broadcasts and every
 * other use of the room index (joins, fetchSockets…) are untouched.
 *
 * It also keeps the node whole while Redis is down: room moves and forced
 * disconnections apply to this node's sockets at once, without the round
 * trip through Redis RedisAdapter relies on (its own copy is ignored when it
 * comes back), and `fetchSockets` answers this node's sockets when the other
 * nodes cannot be asked.
 */
export class RemoteFirstRedisAdapter extends RedisAdapter {
  private deferLocal = false;

  constructor(nsp: unknown, pubClient: unknown, subClient: unknown, opts: Partial<RedisAdapterOptions>) {
    super(nsp, pubClient, subClient, opts);
    const self = this as unknown as { apply: Apply; onrequest: (channel: string, msg: Buffer | string) => Promise<void>; uid: string };
    const apply = self.apply.bind(this);
    self.apply = (o, callback) => (this.deferLocal ? void setImmediate(() => apply(o, callback)) : apply(o, callback));
    const onrequest = self.onrequest.bind(this);
    self.onrequest = async (channel, msg) => {
      const request = peekMove(msg);
      // Room moves and disconnections by room were applied here when asked: skip our own copy, apply the others'.
      if (request?.opts) {
        if (request.uid === self.uid) return;
        const opts = {
          rooms: new Set(request.opts.rooms),
          except: new Set(request.opts.except),
          flags: { local: true },
        } as BroadcastOptions;
        if (request.type === REMOTE_JOIN) return this.addSockets(opts, request.rooms ?? []);
        if (request.type === REMOTE_LEAVE) return this.delSockets(opts, request.rooms ?? []);
        return this.disconnectSockets(opts, !!request.close);
      }
      return onrequest(channel, msg);
    };
  }

  override broadcast(packet: Packet, opts: BroadcastOptions): void {
    if (opts.flags?.local) return super.broadcast(packet, opts);
    this.deferLocal = true;
    try {
      super.broadcast(packet, opts);
    } finally {
      this.deferLocal = false;
    }
  }

  override addSockets(opts: BroadcastOptions, rooms: Room[]): void {
    Adapter.prototype.addSockets.call(this, opts, rooms);
    movePreConnect(this, opts, (s) => s.join(rooms));
    if (!opts.flags?.local) super.addSockets(opts, rooms);
  }

  override delSockets(opts: BroadcastOptions, rooms: Room[]): void {
    Adapter.prototype.delSockets.call(this, opts, rooms);
    movePreConnect(this, opts, (s) => rooms.forEach((r) => s.leave(r)));
    if (!opts.flags?.local) super.delSockets(opts, rooms);
  }

  override disconnectSockets(opts: BroadcastOptions, close: boolean): void {
    Adapter.prototype.disconnectSockets.call(this, opts, close);
    if (!opts.flags?.local) super.disconnectSockets(opts, close);
  }

  override async fetchSockets(opts: BroadcastOptions): Promise<any[]> {
    try {
      return await super.fetchSockets(opts);
    } catch {
      // Redis down or a node not answering: what this node knows.
      return Adapter.prototype.fetchSockets.call(this, opts);
    }
  }
}

/** The room-move requests the adapter publishes as JSON (`{ uid, type, opts, rooms, close }`); anything else: null. */
function peekMove(
  msg: Buffer | string,
): { uid: string; type: number; opts?: { rooms: Room[]; except: Room[] }; rooms?: Room[]; close?: boolean } | null {
  const text = typeof msg === 'string' ? msg : msg[0] === 0x7b ? msg.toString() : null;
  if (!text || text[0] !== '{') return null;
  try {
    const r = JSON.parse(text);
    return r && [REMOTE_JOIN, REMOTE_LEAVE, REMOTE_DISCONNECT].includes(r.type) ? r : null;
  } catch {
    return null;
  }
}

/** Same as `createAdapter` from @socket.io/redis-adapter, with remote-first broadcasts. */
export function createRemoteFirstAdapter(pubClient: unknown, subClient: unknown, opts: Partial<RedisAdapterOptions>) {
  // socket.io calls it with `new`: a function, not an arrow.
  return function remoteFirstAdapter(nsp: unknown) {
    return new RemoteFirstRedisAdapter(nsp, pubClient, subClient, opts);
  };
}

/**
 * The workers' adapter without Redis (`@socket.io/cluster-adapter`, through the primary process),
 * with room moves also reaching sockets still connecting, here and when another worker asked for the move.
 */
export class HubClusterAdapter extends NodeClusterAdapter {
  override async addSockets(opts: BroadcastOptions, rooms: Room[]): Promise<void> {
    await super.addSockets(opts, rooms);
    movePreConnect(this, opts, (s) => s.join(rooms));
  }

  override async delSockets(opts: BroadcastOptions, rooms: Room[]): Promise<void> {
    await super.delSockets(opts, rooms);
    movePreConnect(this, opts, (s) => rooms.forEach((r) => s.leave(r)));
  }

  override onMessage(message: ClusterMessage, offset?: string) {
    const result = super.onMessage(message, offset);
    if (message.uid !== this.uid && (message.type === MessageType.SOCKETS_JOIN || message.type === MessageType.SOCKETS_LEAVE)) {
      const data = message.data as { opts: { rooms: Room[]; except: Room[] }; rooms: Room[] };
      const opts = { rooms: new Set(data.opts.rooms), except: new Set(data.opts.except), flags: {} } as BroadcastOptions;
      if (message.type === MessageType.SOCKETS_JOIN) movePreConnect(this, opts, (s) => s.join(data.rooms));
      else movePreConnect(this, opts, (s) => data.rooms.forEach((r) => s.leave(r)));
    }
    return result;
  }
}

// The three adapters the hub uses (one node, workers, Redis) look their `except` rooms up in place.
for (const adapter of [HubAdapter, RemoteFirstRedisAdapter, HubClusterAdapter]) {
  (adapter.prototype as unknown as { computeExceptSids: typeof exceptView }).computeExceptSids = exceptView;
}

/** For `io.adapter()` in a worker of server/cluster/primary.ts (no Redis). */
export function createHubClusterAdapter() {
  return function hubClusterAdapter(nsp: unknown) {
    return new HubClusterAdapter(nsp);
  };
}
