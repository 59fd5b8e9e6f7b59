/**
 * Erases the accounts whose 14-day grace period is over. The state lives in
 * the database (`users.deletion_requested_at`), so a restart only delays the
 * next run; each erasure is one transaction that re-checks the account is
 * still due, so several nodes may run this job at once.
 */
import type { Deps } from '../deps';
import { eraseDueAccounts } from '../services/accounts/deletion';
import { purgeExpiredArchives } from '../services/accounts/personal-data-archives';
import { purgeOldOutboxMail } from './outbox-retention';

/** Runs the erasure (and the purge of expired data archives) now and then every `everyMs` (default: hourly) until stopped. */
export function startAccountErasure(
  deps: Pick<Deps, 'db' | 'log' | 'config'>,
  opts: { everyMs?: number; firstDelayMs?: number } = {},
): { stop(): Promise<void> } {
  const everyMs = opts.everyMs ?? 3600_000;
  let stopped = false;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(tick, delay);
    timer.unref();
  };
  const tick = () => {
    running = eraseDueAccounts(deps)
      .then(async (ids) => {
        if (ids.length) deps.log.info({ count: ids.length }, 'accounts erased');
        // "Mes données" archives are kept 7 days, then go with their rows.
        await purgeExpiredArchives(deps);
        // Mail copies hold personal data too: kept MAIL_OUTBOX_RETENTION_DAYS only.
        await purgeOldOutboxMail(deps.config);
      })
      .catch((err: unknown) => deps.log.error({ err }, 'account erasure job failed'))
      .finally(() => {
        running = null;
        schedule(everyMs);
      });
  };
  schedule(opts.firstDelayMs ?? 30_000);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
