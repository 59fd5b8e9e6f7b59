import type { Logger } from 'pino';

/** A job started by `startPeriodicJob`. */
export interface PeriodicJob {
  /** No further run is scheduled; waits for a run under way. */
  stop(): Promise<void>;
}

/**
 * Runs `run` after `firstDelayMs`, then `everyMs` after the end of each run (one run at a time, never overlapping).
 * A failed run is logged and the next one still comes; the timer does not keep the process alive.
 */
export function startPeriodicJob(
  log: Logger,
  name: string,
  run: () => Promise<unknown>,
  opts: { everyMs: number; firstDelayMs: number },
): PeriodicJob {
  let stopped = false;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(tick, delay);
    timer.unref();
  };
  const tick = () => {
    running = run()
      .then(() => undefined)
      .catch((err: unknown) => log.error({ err }, `${name} job failed`))
      .finally(() => {
        running = null;
        schedule(opts.everyMs);
      });
  };
  schedule(opts.firstDelayMs);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
