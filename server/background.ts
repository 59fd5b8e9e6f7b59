import type { Logger } from 'pino';

const pending = new Set<Promise<unknown>>();

/**
 * Work a request starts and does not wait for (what must not change its answer's timing, e.g. a
 * password-reset mail): failures are logged, and `settleBackground` lets shutdown wait for it.
 */
export function inBackground(log: Logger, what: string, work: Promise<unknown>): void {
  const p = work.catch((err) => log.error({ err }, `${what} failed`)).finally(() => pending.delete(p));
  pending.add(p);
}

/** Resolves once every background task started so far has ended. */
export async function settleBackground(): Promise<void> {
  while (pending.size) await Promise.allSettled([...pending]);
}
