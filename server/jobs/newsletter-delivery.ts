/**
 * Resumes newsletter deliveries: an issue left `sending` by a restart (or a
 * node that died) is picked up at the next run. Sends started by a request
 * run at once through the same runner (services/newsletters/runner.ts).
 */
import type { Deps } from '../deps';
import { newsletterRunner } from '../services/newsletters/runner';
import { startPeriodicJob, type PeriodicJob } from './periodic';

/** Runs every `everyMs` (default: 1 minute); `stop()` also stops a run under way after its mails in flight. */
export function startNewsletterDelivery(
  deps: Pick<Deps, 'db' | 'log' | 'config' | 'mailer'>,
  opts: { everyMs?: number; firstDelayMs?: number } = {},
): PeriodicJob {
  const runner = newsletterRunner(deps);
  const job = startPeriodicJob(deps.log, 'newsletter delivery', () => runner.runNow(), {
    everyMs: opts.everyMs ?? 60_000,
    firstDelayMs: opts.firstDelayMs ?? 5_000,
  });
  return {
    async stop() {
      await runner.stop();
      await job.stop();
    },
  };
}
