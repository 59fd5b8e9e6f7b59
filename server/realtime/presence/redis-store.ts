import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { RedisClient } from '../../redis';
import type { ChosenStatus, PresenceStatus, PresenceStore, StoreEvents } from './store';

// Every script runs atomically in Redis, so two nodes never both announce nor
// both expire the same user. KEYS/ARGV are described next to each call.

/** KEYS: sockets, node users, user, gone · ARGV: nodeId, userId, absolute count ('' = add one). Answers 1 when newly announced. */
const CONNECT = `
if ARGV[3] == '' then redis.call('HINCRBY', KEYS[1], ARGV[1], 1) else redis.call('HSET', KEYS[1], ARGV[1], ARGV[3]) end
redis.call('SADD', KEYS[2], ARGV[2])
redis.call('DEL', KEYS[4])
if redis.call('SET', KEYS[3], 'online', 'NX') then return 1 end
return 0`;

/** KEYS: sockets, node users, gone · ARGV: nodeId, userId, grace token, its TTL (ms). Answers the user's sockets left on all nodes. */
const DISCONNECT = `
local n = redis.call('HINCRBY', KEYS[1], ARGV[1], -1)
if n <= 0 then redis.call('HDEL', KEYS[1], ARGV[1]) end
local total = 0
for _, v in ipairs(redis.call('HVALS', KEYS[1])) do total = total + tonumber(v) end
if total > 0 then
  if n <= 0 then redis.call('SREM', KEYS[2], ARGV[2]) end
else
  redis.call('SET', KEYS[3], ARGV[3], 'PX', ARGV[4])
end
return total`;

/**
 * KEYS: sockets, node users, user, gone · ARGV: nodeId, userId, grace token ('' = the sweeper: no token check).
 * Only the timer of the user's latest disconnect may expire them; the user stays in
 * the node's set while that timer is pending, so a node dying meanwhile is swept too.
 */
const EXPIRE = `
local mine = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
if mine <= 0 then redis.call('SREM', KEYS[2], ARGV[2]) end
local total = 0
for _, v in ipairs(redis.call('HVALS', KEYS[1])) do total = total + tonumber(v) end
if total > 0 then return 0 end
if ARGV[3] ~= '' and redis.call('GET', KEYS[4]) ~= ARGV[3] then return 0 end
redis.call('DEL', KEYS[4])
return redis.call('DEL', KEYS[3])`;

/**
 * Presence shared by every node through Redis. Keys (P = `${redisPrefix}presence:`):
 * `P user:<id>` the announced status; `P sockets:<id>` hash nodeId → socket count;
 * `P gone:<id>` the token of the pending grace timer; `P node:<nodeId>:users` the
 * users with sockets (or a pending timer) on a node; `P node:<nodeId>:alive` its
 * heartbeat, with a TTL; `P nodes` the known nodes. Every node sweeps the nodes whose
 * heartbeat has expired: their counts are dropped and users left with no socket go offline.
 */
export class RedisPresenceStore implements PresenceStore {
  private readonly p: string;
  private readonly node: string;
  /** This node's own socket counts, to re-register them if other nodes took us for dead. */
  private readonly local = new Map<number, number>();
  private timers: NodeJS.Timeout[] = [];
  private events: StoreEvents | null = null;
  private graceSeq = 0;
  private sweeping = false;

  constructor(
    private readonly redis: RedisClient,
    private readonly config: Pick<
      Config,
      'redisPrefix' | 'nodeId' | 'presenceGraceMs' | 'presenceHeartbeatMs' | 'presenceNodeTtlMs' | 'presenceSweepMs'
    >,
    private readonly log: Logger,
  ) {
    this.p = `${config.redisPrefix}presence:`;
    this.node = config.nodeId;
  }

  private keys(userId: number) {
    return {
      sockets: `${this.p}sockets:${userId}`,
      nodeUsers: `${this.p}node:${this.node}:users`,
      user: `${this.p}user:${userId}`,
      gone: `${this.p}gone:${userId}`,
    };
  }

  async start(events: StoreEvents): Promise<void> {
    this.events = events;
    // A previous life of this node id (NODE_ID set, crash and restart) left counts behind: drop them first.
    await this.sweepNode(this.node).catch((err) => this.log.warn({ err }, 'presence: self-sweep failed'));
    await this.heartbeat(true);
    const every = (ms: number, fn: () => Promise<void>) => {
      const t = setInterval(() => void fn(), ms);
      t.unref();
      this.timers.push(t);
    };
    every(this.config.presenceHeartbeatMs, () => this.heartbeat(false));
    every(this.config.presenceSweepMs, () => this.sweep());
    void this.sweep();
  }

  async connect(userId: number): Promise<boolean> {
    const k = this.keys(userId);
    const r = await this.redis.eval(CONNECT, {
      keys: [k.sockets, k.nodeUsers, k.user, k.gone],
      arguments: [this.node, String(userId), ''],
    });
    this.local.set(userId, (this.local.get(userId) ?? 0) + 1);
    return Number(r) === 1;
  }

  async disconnect(userId: number): Promise<number> {
    const left = (this.local.get(userId) ?? 0) - 1;
    if (left > 0) this.local.set(userId, left);
    else this.local.delete(userId);
    const k = this.keys(userId);
    const token = `${this.node}:${++this.graceSeq}`;
    const r = await this.redis.eval(DISCONNECT, {
      keys: [k.sockets, k.nodeUsers, k.gone],
      arguments: [this.node, String(userId), token, String(this.config.presenceGraceMs + 60_000)],
    });
    const total = Number(r);
    if (total === 0) this.pending.set(userId, token);
    return total;
  }

  /** The grace token each of our pending timers holds. */
  private readonly pending = new Map<number, string>();
  /** Background work that failed since it last succeeded: warned once, not at every tick of an outage. */
  private readonly failing = new Set<string>();

  private warnOnce(what: string, err: unknown): void {
    if (this.failing.has(what)) return;
    this.failing.add(what);
    this.log.warn({ err }, `presence: ${what} failed (warned once until it works again)`);
  }

  async expireIfGone(userId: number): Promise<boolean> {
    const token = this.pending.get(userId);
    this.pending.delete(userId);
    if (!token) return false;
    const k = this.keys(userId);
    const r = await this.redis.eval(EXPIRE, {
      keys: [k.sockets, k.nodeUsers, k.user, k.gone],
      arguments: [this.node, String(userId), token],
    });
    return Number(r) === 1;
  }

  async setStatus(userId: number, status: ChosenStatus): Promise<boolean> {
    const old = await this.redis.set(this.keys(userId).user, status, { condition: 'XX', GET: true });
    return old !== null && old !== status;
  }

  async statuses(userIds: number[]): Promise<Map<number, PresenceStatus>> {
    const out = new Map<number, PresenceStatus>();
    if (!userIds.length) return out;
    const values = await this.redis.mGet(userIds.map((id) => this.keys(id).user));
    userIds.forEach((id, i) => out.set(id, (values[i] as ChosenStatus | null) ?? 'offline'));
    return out;
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    this.events = null;
    // Withdraw at once: the other nodes' sweepers expire our users unless they reconnect elsewhere.
    await this.redis.del(`${this.p}node:${this.node}:alive`).catch(() => {});
  }

  async rebuild(counts: Map<number, number>): Promise<{ online: number[]; offline: number[] }> {
    // What Redis holds for this node (counts from before the outage, or swept by the others) is dropped first.
    const swept = await this.sweepNode(this.node);
    this.local.clear();
    this.pending.clear();
    for (const [userId, n] of counts) this.local.set(userId, n);
    await this.heartbeat(true);
    const online: number[] = [];
    for (const [userId, n] of counts) {
      const k = this.keys(userId);
      const r = await this.redis.eval(CONNECT, {
        keys: [k.sockets, k.nodeUsers, k.user, k.gone],
        arguments: [this.node, String(userId), String(n)],
      });
      if (Number(r) === 1) online.push(userId);
    }
    return { online, offline: swept.filter((id) => !counts.has(id)) };
  }

  /** Refreshes our heartbeat; if a sweeper removed us meanwhile, registers our sockets again. */
  private async heartbeat(first: boolean): Promise<void> {
    if (!this.redis.isReady) return; // an outage: redis-health.ts reports it once, rebuild() follows
    try {
      await this.redis.set(`${this.p}node:${this.node}:alive`, String(Date.now()), {
        expiration: { type: 'PX', value: this.config.presenceNodeTtlMs },
      });
      const added = await this.redis.sAdd(`${this.p}nodes`, this.node);
      this.failing.delete('heartbeat');
      if (added && !first && this.local.size) await this.reregister();
    } catch (err) {
      this.warnOnce('heartbeat', err);
    }
  }

  private async reregister(): Promise<void> {
    const back: number[] = [];
    for (const [userId, count] of this.local) {
      const k = this.keys(userId);
      const r = await this.redis.eval(CONNECT, {
        keys: [k.sockets, k.nodeUsers, k.user, k.gone],
        arguments: [this.node, String(userId), String(count)],
      });
      if (Number(r) === 1) back.push(userId);
    }
    if (back.length) this.events?.online(back);
  }

  /** Looks for nodes whose heartbeat has expired and expires what they left. */
  private async sweep(): Promise<void> {
    if (this.sweeping || !this.redis.isReady) return;
    this.sweeping = true;
    try {
      for (const node of await this.redis.sMembers(`${this.p}nodes`)) {
        if (node === this.node) continue;
        if (await this.redis.exists(`${this.p}node:${node}:alive`)) continue;
        const gone = await this.sweepNode(node);
        if (gone.length) this.events?.offline(gone);
      }
      this.failing.delete('sweep');
    } catch (err) {
      this.warnOnce('sweep', err);
    } finally {
      this.sweeping = false;
    }
  }

  /** Drops a dead node's counts; answers the users this left with no socket anywhere (now un-announced). */
  private async sweepNode(node: string): Promise<number[]> {
    const setKey = `${this.p}node:${node}:users`;
    const gone: number[] = [];
    const ids = (await this.redis.sMembers(setKey)).map(Number);
    for (let i = 0; i < ids.length; i += 200) {
      const results = await Promise.all(
        ids.slice(i, i + 200).map(async (userId) => {
          const k = { ...this.keys(userId), nodeUsers: setKey };
          await this.redis.hDel(k.sockets, node);
          const r = await this.redis.eval(EXPIRE, {
            keys: [k.sockets, k.nodeUsers, k.user, k.gone],
            arguments: [node, String(userId), ''],
          });
          return Number(r) === 1 ? userId : null;
        }),
      );
      for (const id of results) if (id !== null) gone.push(id);
    }
    // Data first, the node's registration last: a heartbeat racing with us then re-registers (see heartbeat()).
    await this.redis.del(setKey);
    await this.redis.sRem(`${this.p}nodes`, node);
    return gone;
  }
}
