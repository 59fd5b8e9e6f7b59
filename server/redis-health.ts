import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { RedisPair } from './redis';

/** How often the node checks its Redis link, and how long a PING may take. */
const PROBE_EVERY_MS = 1000;
const PROBE_TIMEOUT_MS = 1500;

/**
 * Whether this node's Redis links work. The node is `degraded` while any of the three clients is not
 * ready, or while Redis does not answer a PING in time (a stopped Redis keeps its connections open):
 * it keeps serving (sends are stored and acked, local sockets get their broadcasts) but other nodes'
 * broadcasts and shared presence are missing. Emits `down` once when that starts (logged once) and
 * `up` once every client is ready and Redis answers again (the hub then tells every socket to resync,
 * presence is rebuilt). Without Redis (one node) it is never degraded.
 */
export class RedisHealth extends EventEmitter {
  degraded = false;
  since: Date | null = null;
  private probing = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly redis: RedisPair | null,
    private readonly log: Logger,
  ) {
    super();
    if (!redis) return;
    for (const [name, client] of Object.entries(redis)) {
      const check = () => void this.probe(name);
      client.on('error', check);
      client.on('reconnecting', check);
      client.on('end', check);
      client.on('ready', check);
    }
    this.timer = setInterval(() => void this.probe('probe'), PROBE_EVERY_MS);
    this.timer.unref();
  }

  /** Stops probing (shutdown: the clients are about to close). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.removeAllListeners();
  }

  /** `up` or `degraded`, for GET /api/health. */
  get state(): 'up' | 'degraded' {
    return this.degraded ? 'degraded' : 'up';
  }

  private async probe(reason: string): Promise<void> {
    const r = this.redis;
    if (!r || this.probing || !this.timer) return;
    this.probing = true;
    let err: unknown = null;
    try {
      if (!(r.pub.isReady && r.sub.isReady && r.cmd.isReady)) throw new Error('a Redis client is not connected');
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('Redis did not answer PING in time')), PROBE_TIMEOUT_MS);
      });
      try {
        await Promise.race([r.cmd.ping(), late]);
      } finally {
        clearTimeout(timer);
      }
    } catch (e) {
      err = e;
    } finally {
      this.probing = false;
    }
    if (err) this.lost(reason, err);
    else this.back();
  }

  private lost(reason: string, err: unknown): void {
    if (this.degraded) return;
    this.degraded = true;
    this.since = new Date();
    this.log.warn(
      { reason, err: err instanceof Error ? err.message : err },
      'Redis unreachable: serving on, without broadcasts to other nodes nor shared presence',
    );
    this.emit('down');
  }

  private back(): void {
    if (!this.degraded) return;
    this.degraded = false;
    this.log.warn(
      { downSeconds: Math.round((Date.now() - (this.since?.getTime() ?? Date.now())) / 1000) },
      'Redis is back: resyncing sockets, rebuilding presence',
    );
    this.since = null;
    this.emit('up');
  }
}
