import fs from 'node:fs';
import os from 'node:os';

/** What a server child reports: memory (after a full GC when asked and available) and CPU time so far. */
export interface ProcessStats {
  rss: number;
  heapUsed: number;
  external: number;
  cpuUserUs: number;
  cpuSystemUs: number;
}

/** IPC handler: `{ gc: true }` collects garbage first (children run with --expose-gc) so RSS figures compare. */
export async function processStats(msg: { gc?: boolean }): Promise<ProcessStats> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (msg.gc && gc) {
    for (let i = 0; i < 3; i++) {
      gc();
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const m = process.memoryUsage();
  const c = process.cpuUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external, cpuUserUs: c.user, cpuSystemUs: c.system };
}

/** CPU time (ms) a process used between two samples. */
export const cpuMs = (a: ProcessStats, b: ProcessStats): number => (b.cpuUserUs + b.cpuSystemUs - a.cpuUserUs - a.cpuSystemUs) / 1000;

/** Share of one core used between two samples (0–1+). */
export function cpuShare(a: ProcessStats, b: ProcessStats, wallMs: number): number {
  if (wallMs <= 0) return 0;
  return Math.round(((b.cpuUserUs + b.cpuSystemUs - a.cpuUserUs - a.cpuSystemUs) / 1000 / wallMs) * 100) / 100;
}

/** Busy and total jiffies of the whole machine (Linux /proc/stat; null elsewhere). */
export function machineTicks(): { busy: number; total: number } | null {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (v[3] ?? 0) + (v[4] ?? 0);
    const total = v.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** Cores busy on the whole machine between two samples (ours and everyone else's): shows a noisy neighbour. */
export function machineCores(a: ReturnType<typeof machineTicks>, b: ReturnType<typeof machineTicks>): number | null {
  if (!a || !b || b.total === a.total) return null;
  return Math.round(((b.busy - a.busy) / (b.total - a.total)) * os.cpus().length * 100) / 100;
}

/** Set once by bench/run.ts from --quiet: the longest wait for a quiet machine before each measured phase. */
export const quiet = { maxMs: 0 };

/**
 * Waits (at most maxMs) until the machine is quiet: fewer than `threshold`
 * cores busy over a 2-second sample while the bench itself is idle. Other
 * people's test suites on a shared 2-core machine would otherwise be measured too.
 */
export async function waitQuiet(maxMs = quiet.maxMs, threshold = 0.3): Promise<{ waitedMs: number; coresBusy: number | null }> {
  const t0 = Date.now();
  for (;;) {
    const a = machineTicks();
    await new Promise((r) => setTimeout(r, 2000));
    const busy = machineCores(a, machineTicks());
    if (busy === null || busy < threshold || Date.now() - t0 >= maxMs) return { waitedMs: Date.now() - t0, coresBusy: busy };
  }
}
