import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bench folder and the project root (children run from the root so `--import tsx` resolves). */
export const BENCH_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
/** The project root. */
export const ROOT = path.dirname(BENCH_DIR);

const t0 = Date.now();
/** Progress goes to stderr (stdout carries only the JSON summary), stamped with the time since start. */
export const log = (...args: unknown[]) => console.error(`[bench ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...args);

const cores = os.availableParallelism?.() ?? os.cpus().length;
const hasTaskset = cores >= 2 && spawnSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' }).status === 0;

/** Where each role runs: servers on core 0, load generators on the other cores (when taskset is there). */
export const pinning = {
  available: hasTaskset,
  server: hasTaskset ? '0' : null,
  gen: hasTaskset ? (cores > 2 ? `1-${cores - 1}` : '1') : null,
};

interface Pending {
  resolve: (v: any) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

/** A child process spoken to over IPC: `call` sends a command and resolves with the child's answer. */
export interface Child {
  name: string;
  proc: ChildProcess;
  /** The payload of the child's `ready` message (e.g. its URL). */
  ready: Promise<any>;
  exited: Promise<number | null>;
  call<T = any>(cmd: string, args?: Record<string, unknown>, timeoutMs?: number): Promise<T>;
  /** Asks the child to stop and waits for its exit (killed if it does not exit in time). */
  stop(timeoutMs?: number): Promise<void>;
}

const live = new Set<ChildProcess>();
// Never leave a child behind: on any exit of the parent, each child of ours is killed by its pid.
process.on('exit', () => {
  for (const p of live) if (p.exitCode === null) p.kill('SIGKILL');
});

let nextId = 1;

/**
 * Starts `file` (TypeScript, through tsx) as a child with an IPC channel, pinned
 * to the role's cores once it is ready. `maxMs` is handed to the child as its watchdog: it exits
 * by itself after that long, whatever happens to the parent.
 */
export function startChild(
  file: string,
  opts: { name: string; role: 'server' | 'gen'; maxMs: number; env?: Record<string, string>; nodeArgs?: string[] },
): Child {
  const core = opts.role === 'server' ? pinning.server : pinning.gen;
  const argv = ['--import', 'tsx', ...(opts.nodeArgs ?? []), path.join(BENCH_DIR, file)];
  const proc = spawn(process.execPath, argv, {
    cwd: ROOT,
    env: { ...process.env, ...opts.env, BENCH_MAX_MS: String(opts.maxMs) },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  live.add(proc);
  // Children's stdout (pino logs) goes to our stderr, prefixed.
  proc.stdout!.on('data', (d: Buffer) => process.stderr.write(`[${opts.name}] ${d}`));
  const pending = new Map<number, Pending>();
  let readyResolve!: (v: any) => void;
  let readyReject!: (e: Error) => void;
  const started = Date.now();
  const ready = new Promise<any>((res, rej) => ((readyResolve = res), (readyReject = rej)));
  const exited = new Promise<number | null>((resolve) =>
    proc.once('exit', (code) => {
      live.delete(proc);
      const err = new Error(`${opts.name} exited (code ${code})`);
      readyReject(err);
      for (const p of pending.values()) (clearTimeout(p.timer), p.reject(err));
      pending.clear();
      resolve(code);
    }),
  );
  ready.catch(() => {});
  proc.on('message', (m: any) => {
    if (m?.type === 'ready') {
      // Pinned once started: loading code uses every core, measuring uses the role's cores only.
      if (core) spawnSync('taskset', ['-a', '-p', '-c', core, String(proc.pid)], { stdio: 'ignore' });
      return readyResolve({ ...m.payload, startMs: Date.now() - started });
    }
    if (m?.type === 'fatal') return readyReject(new Error(`${opts.name}: ${m.error}`));
    const p = pending.get(m?.id);
    if (!p) return;
    pending.delete(m.id);
    clearTimeout(p.timer);
    if (m.ok) p.resolve(m.result);
    else p.reject(new Error(`${opts.name} ${m.cmd}: ${m.error}`));
  });

  const child: Child = {
    name: opts.name,
    proc,
    ready,
    exited,
    call(cmd, args = {}, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        if (proc.exitCode !== null || !proc.connected) return reject(new Error(`${opts.name} is not running`));
        const id = nextId++;
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${opts.name} ${cmd}: no answer within ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, { resolve, reject, timer });
        proc.send({ id, cmd, ...args });
      });
    },
    async stop(timeoutMs = 10_000) {
      if (proc.exitCode !== null) return;
      const t0 = Date.now();
      if (proc.connected) proc.send({ id: 0, cmd: 'stop' });
      const t = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(t);
      if (Date.now() - t0 > 1000) log(`${opts.name} took ${Date.now() - t0} ms to stop`);
    },
  };
  return child;
}
