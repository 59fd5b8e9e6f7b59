import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import { createClient } from 'redis';
import { startChild, BENCH_DIR, log, type Child } from './proc';
import type { ScratchDb } from './db';
import { quiet, waitQuiet, type ProcessStats } from './usage';
import { Hist, type HistData } from './hist';

/** Which server a System is. */
export type SystemKind = 'hub' | 'relay';

/** A server under test (hub or relay), running in its own child process. */
export interface System {
  kind: SystemKind;
  url: string;
  child: Child;
  stats(gc?: boolean): Promise<ProcessStats>;
  /**
   * Runs a measured phase: first waits for a quiet machine (with --quiet), and
   * with --profile runs it under the hub child's CPU profiler (a .cpuprofile of that phase only).
   */
  measured<T>(fn: () => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

/** Common options of every run: time bound for each child, profiling of hub children. */
export interface RunOptions {
  maxMs: number;
  profile: boolean;
  label: string;
  /** Measure the hub alone (no relay, no ratios): for trying a change to the hub quickly. */
  hubOnly: boolean;
  /** Processes per server (`--workers 2`): the hub with WORKERS, the relay with RELAY_WORKERS (the same cluster setup). */
  workers?: number;
  /** `--relayShape minimal`: the relay's `message:new` carries only {id, seq, channelId, body, clientMsgId, createdAt}. */
  relayShape?: string;
}

/** Where --profile writes the hub's .cpuprofile files (git-ignored). */
export const PROFILE_DIR = path.join(BENCH_DIR, 'results', 'profiles');

async function start(kind: SystemKind, name: string, env: Record<string, string>, o: RunOptions): Promise<System> {
  const child = startChild(kind === 'hub' ? 'serve-hub.ts' : 'relay.ts', {
    name,
    role: 'server',
    maxMs: o.maxMs,
    env,
    nodeArgs: ['--expose-gc'],
  });
  const { url, startMs } = (await child.ready) as { url: string; startMs: number };
  log(`${name} listening on ${url} (started in ${startMs} ms)`);
  return {
    kind,
    url,
    child,
    stats: (gc = false) => child.call<ProcessStats>('stats', { gc }, 30_000),
    async measured(fn) {
      if (quiet.maxMs > 0) {
        const q = await waitQuiet();
        if (q.waitedMs > 2500)
          log(`${name}: waited ${Math.round(q.waitedMs / 1000)} s for a quiet machine (${q.coresBusy} cores busy by others)`);
      }
      if (!o.profile) return fn(); // the relay too: the pair's profiles side by side
      fs.mkdirSync(PROFILE_DIR, { recursive: true });
      const file = path.join(PROFILE_DIR, `${o.label}-${name}.cpuprofile`);
      await child.call('profile', { action: 'start' });
      try {
        return await fn();
      } finally {
        await child.call('profile', { action: 'stop', file }, 60_000);
        log(`${name}: CPU profile of the measured phase written to ${path.relative(process.cwd(), file)}`);
      }
    },
    stop: () => child.stop(),
  };
}

/** The hub on a scratch database: log level warn, per-user send limit lifted, optionally on Redis. */
export function startHub(db: ScratchDb, o: RunOptions, extra: Record<string, string> = {}, name = 'hub'): Promise<System> {
  const workers = { WORKERS: String(o.workers ?? 1) };
  return start(
    'hub',
    name,
    { ...db.env, LOG_LEVEL: 'warn', MESSAGE_RATE_PER_10S: '100000000', PRESENCE_GRACE_MS: '1000', ...workers, ...extra },
    o,
  );
}

/** The bare relay (optionally on the Redis adapter, as a second node would be). */
export function startRelay(o: RunOptions, extra: Record<string, string> = {}, name = 'relay'): Promise<System> {
  const shape: Record<string, string> = o.relayShape ? { RELAY_SHAPE: o.relayShape } : {};
  return start('relay', name, { RELAY_WORKERS: String(o.workers ?? 1), ...shape, ...extra }, o);
}

/** The profiles written by the hub children of this run (with --profile). */
export function profilesOf(label: string): string[] {
  if (!fs.existsSync(PROFILE_DIR)) return [];
  return fs
    .readdirSync(PROFILE_DIR)
    .filter((f) => f.startsWith(`${label}-`) && f.endsWith('.cpuprofile'))
    .sort()
    .map((f) => path.join(PROFILE_DIR, f));
}

/** A set of generator children driven together. */
export class Fleet {
  constructor(public gens: Child[]) {}

  static async start(n: number, name: string, maxMs: number): Promise<Fleet> {
    const gens = Array.from({ length: n }, (_, i) => startChild('gen.ts', { name: `${name}${i}`, role: 'gen', maxMs }));
    await Promise.all(gens.map((g) => g.ready));
    return new Fleet(gens);
  }

  /** Connects users split evenly over the generators; `rate` is the total connects per second (0: as fast as possible). */
  async connect(
    url: string,
    users: { token: string; channels: number[]; target?: number }[],
    opts: { rate?: number; concurrency?: number; timeoutMs?: number; light?: boolean } = {},
  ) {
    const n = this.gens.length;
    const parts = this.gens.map((_, i) => users.filter((_, j) => j % n === i));
    const res = await Promise.all(
      this.gens.map((g, i) =>
        g.call(
          'connect',
          {
            url,
            users: parts[i],
            rate: (opts.rate ?? 0) / n,
            concurrency: opts.concurrency ?? 50,
            timeoutMs: opts.timeoutMs ?? 20_000,
            light: opts.light,
          },
          180_000,
        ),
      ),
    );
    const errors: Record<string, number> = {};
    for (const r of res) for (const [k, v] of Object.entries(r.errors as Record<string, number>)) errors[k] = (errors[k] ?? 0) + v;
    return {
      connected: res.reduce((a, r) => a + r.connected, 0) as number,
      failed: res.reduce((a, r) => a + r.failed, 0) as number,
      errors,
      elapsedMs: Math.max(...res.map((r) => r.elapsedMs as number)),
      connect: Hist.from(res.map((r) => r.connect as HistData)),
      ready: Hist.from(res.map((r) => r.ready as HistData)),
    };
  }

  async count(step: number): Promise<number> {
    return (await Promise.all(this.gens.map((g) => g.call<number>('count', { step })))).reduce((a, b) => a + b, 0);
  }

  async step(step: number) {
    const parts = await Promise.all(this.gens.map((g) => g.call('step', { step })));
    const nonEmpty = parts.filter((p) => p.n > 0);
    return {
      hist: Hist.from(parts.map((p) => p.hist as HistData)),
      first: nonEmpty.length ? Math.min(...nonEmpty.map((p) => p.first as number)) : 0,
      last: nonEmpty.length ? Math.max(...nonEmpty.map((p) => p.last as number)) : 0,
    };
  }

  async totals() {
    const t = await Promise.all(this.gens.map((g) => g.call('totals')));
    return {
      sockets: t.reduce((a, x) => a + x.sockets, 0) as number,
      received: t.reduce((a, x) => a + x.received, 0) as number,
      outOfOrder: t.reduce((a, x) => a + x.outOfOrder, 0) as number,
      duplicates: t.reduce((a, x) => a + x.duplicates, 0) as number,
    };
  }

  /** Disconnects every socket and clears the counts, so the same processes serve the next system. */
  async reset(): Promise<void> {
    await Promise.all(this.gens.map((g) => g.call('reset', {}, 30_000)));
  }

  async stop(): Promise<void> {
    await Promise.allSettled(this.gens.map((g) => g.call('reset', {}, 10_000)));
    await Promise.allSettled(this.gens.map((g) => g.stop()));
  }
}

/** True when Redis answers PING at this URL within a second. */
export async function redisAnswers(url: string): Promise<boolean> {
  const u = new URL(url);
  const open = await new Promise<boolean>((resolve) => {
    const s = net.connect({ host: u.hostname, port: Number(u.port || 6379), timeout: 1000 });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
    s.once('timeout', () => (s.destroy(), resolve(false)));
  });
  if (!open) return false;
  const c = createClient({ url, socket: { connectTimeout: 1000, reconnectStrategy: false } });
  c.on('error', () => {});
  try {
    await c.connect();
    return (await c.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    await c.quit().catch(() => {});
  }
}

/** A fresh key prefix for one run, and a cleanup that deletes that run's keys. */
export function redisPrefix(): { prefix: string; cleanup: (url: string) => Promise<void> } {
  const prefix = `maillage-bench:${crypto.randomBytes(4).toString('hex')}:`;
  return {
    prefix,
    async cleanup(url: string) {
      const c = createClient({ url });
      c.on('error', () => {});
      await c.connect();
      for await (const keys of c.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
        const list = (Array.isArray(keys) ? keys : [keys]) as string[];
        if (list.length) await c.del(list);
      }
      await c.quit();
    },
  };
}

/** Runs the relay part of a scenario (started by `start`, always stopped), or nothing with --hubOnly. */
export async function onRelay<S extends System | System[], T>(
  run: RunOptions,
  start: () => Promise<S>,
  fn: (s: S) => Promise<T>,
): Promise<T | null> {
  if (run.hubOnly) return null;
  const s = await start();
  try {
    return await fn(s);
  } finally {
    await Promise.all(([s] as (System | System[])[]).flat().map((x) => x.stop()));
  }
}

/** Fake tokens for the relay (it checks only that there is one). */
export const relayTokens = (n: number, channels: (i: number) => number[], target?: (i: number) => number) =>
  Array.from({ length: n }, (_, i) => ({ token: `relay-${i}`, channels: channels(i), target: target?.(i) }));

/** Resolves after `ms`. */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts generator fleets (in parallel) for the whole of `fn`, then stops them:
 * the relay and the hub are driven by the very same processes, reset in between.
 */
export async function withFleets<T>(specs: { n: number; name: string }[], maxMs: number, fn: (fleets: Fleet[]) => Promise<T>): Promise<T> {
  const started = await Promise.allSettled(specs.map((s) => Fleet.start(s.n, s.name, maxMs)));
  const fleets = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  try {
    const failed = started.find((r) => r.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
    return await fn(fleets);
  } finally {
    await Promise.all(fleets.map((f) => f.stop()));
  }
}
