import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { RedisPair } from './redis';

/**
 * Whether this node's Redis links work. While any of the three clients is not ready the node is
 * `degraded`: it keeps serving (sends are stored and acked, local sockets get their broadcasts) but
 * other nodes' broadcasts and shared presence are missing. Emits `down` once when that starts
 * (logged once) and `up` once every client is ready again (the hub then tells every socket to resync).
 * Without Redis (one node) it is never degraded.
 */
export class RedisHealth extends EventEmitter {
  degraded = false;
  since: Date | null = null;

  constructor(
    private readonly redis: RedisPair | null,
    private readonly log: Logger,
  ) {
    super();
    if (!redis) return;
    for (const [name, client] of Object.entries(redis)) {
      const lost = (err?: unknown) => this.lost(name, err);
      client.on('error', lost);
      client.on('reconnecting', () => lost());
      client.on('end', () => lost());
      client.on('ready', () => this.check());
    }
  }

  /** `up` or `degraded`, for GET /api/health. */
  get state(): 'up' | 'degraded' {
    return this.degraded ? 'degraded' : 'up';
  }

  private lost(client: string, err?: unknown): void {
    if (this.degraded || !this.redis) return;
    const r = this.redis;
    // An error on a client that is still ready (a refused command) is not an outage.
    if (r.pub.isReady && r.sub.isReady && r.cmd.isReady) return;
    this.degraded = true;
    this.since = new Date();
    this.log.warn({ client, err: err instanceof Error ? err.message : err }, 'Redis unreachable: serving on, without broadcasts to other nodes nor shared presence');
    this.emit('down');
  }

  private check(): void {
    const r = this.redis;
    if (!this.degraded || !r || !(r.pub.isReady && r.sub.isReady && r.cmd.isReady)) return;
    this.degraded = false;
    this.log.warn({ downSeconds: Math.round((Date.now() - (this.since?.getTime() ?? Date.now())) / 1000) }, 'Redis is back: resyncing sockets, rebuilding presence');
    this.since = null;
    this.emit('up');
  }
}
