import { RedisAdapter, type RedisAdapterOptions } from '@socket.io/redis-adapter';
import type { BroadcastOptions } from 'socket.io-adapter';

type Packet = Parameters<RedisAdapter['broadcast']>[0];
/** Adapter#apply (private in socket.io-adapter's types): runs a callback on every local socket a broadcast targets. */
type Apply = (opts: BroadcastOptions, callback: (socket: unknown) => void) => void;

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
 */
export class RemoteFirstRedisAdapter extends RedisAdapter {
  private deferLocal = false;

  constructor(nsp: unknown, pubClient: unknown, subClient: unknown, opts: Partial<RedisAdapterOptions>) {
    super(nsp, pubClient, subClient, opts);
    const self = this as unknown as { apply: Apply };
    const apply = self.apply.bind(this);
    self.apply = (o, callback) => (this.deferLocal ? void setImmediate(() => apply(o, callback)) : apply(o, callback));
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
}

/** Same as `createAdapter` from @socket.io/redis-adapter, with remote-first broadcasts. */
export function createRemoteFirstAdapter(pubClient: unknown, subClient: unknown, opts: Partial<RedisAdapterOptions>) {
  // socket.io calls it with `new`: a function, not an arrow.
  return function remoteFirstAdapter(nsp: unknown) {
    return new RemoteFirstRedisAdapter(nsp, pubClient, subClient, opts);
  };
}
