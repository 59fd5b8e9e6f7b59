/**
 * One delivery runner per app: `kick()` after a send starts a run at once (or
 * one more after the run under way), the periodic job (jobs/newsletter-delivery.ts)
 * resumes issues left `sending` by a restart, and `stop()` ends the run after
 * the mails in flight, putting the untried rest of its batch back to pending.
 */
import { deliverPending, type DeliveryDeps, type DeliveryOptions } from './delivery';

export interface NewsletterRunner {
  kick(): void;
  /** Runs (or joins the run under way) until nothing is pending. */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

const runners = new WeakMap<object, NewsletterRunner>();

/** The runner of these deps (one per app). */
export function newsletterRunner(deps: DeliveryDeps, opts: Omit<DeliveryOptions, 'stopping'> = {}): NewsletterRunner {
  const existing = runners.get(deps);
  if (existing) return existing;
  let stopped = false;
  let again = false;
  let running: Promise<void> | null = null;
  const loop = async () => {
    do {
      again = false;
      await deliverPending(deps, { ...opts, stopping: () => stopped }).catch((err: unknown) =>
        deps.log.error({ err }, 'newsletter delivery failed'),
      );
    } while (again && !stopped);
  };
  const runner: NewsletterRunner = {
    kick() {
      void runner.runNow();
    },
    runNow() {
      if (stopped) return Promise.resolve();
      if (running) {
        again = true;
        return running;
      }
      running = loop().finally(() => (running = null));
      return running;
    },
    async stop() {
      stopped = true;
      await running;
    },
  };
  runners.set(deps, runner);
  return runner;
}

/** Stops this app's runner if it has one (app close). */
export async function stopNewsletterRunner(deps: object): Promise<void> {
  await runners.get(deps)?.stop();
}
