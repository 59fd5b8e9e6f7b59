import fs from 'node:fs';
import type { ProcessStats } from './usage';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const HZ = 100;
const PAGE = 4096;

/** CPU time and RSS of one process from /proc (zeros once it is gone). */
function procStats(pid: number): { cpuUs: number; rss: number } {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
    const rssPages = Number(fs.readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    return { cpuUs: (ticks * 1e6) / HZ, rss: rssPages * PAGE };
  } catch {
    return { cpuUs: 0, rss: 0 };
  }
}

/**
 * A server of several processes (a primary and its workers): their CPU time and RSS summed, read from
 * /proc (10 ms resolution); heap figures are the primary's own.
 */
export function treeStats(pids: () => number[]): () => Promise<ProcessStats> {
  return async () => {
    const own = process.cpuUsage();
    const m = process.memoryUsage();
    let cpuUs = own.user + own.system;
    let rss = m.rss;
    for (const pid of pids()) {
      const s = procStats(pid);
      cpuUs += s.cpuUs;
      rss += s.rss;
    }
    return { rss, heapUsed: m.heapUsed, external: m.external, cpuUserUs: cpuUs, cpuSystemUs: 0 };
  };
}
