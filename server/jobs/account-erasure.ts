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
import { purgeUnsentFiles } from '../services/chat/message-files';
import { startPeriodicJob, type PeriodicJob } from './periodic';

/** Runs the erasure (and the purges of expired data archives, old mail copies and unsent chat uploads) now and then every `everyMs` (default: hourly) until stopped. */
export function startAccountErasure(
  deps: Pick<Deps, 'db' | 'log' | 'config'>,
  opts: { everyMs?: number; firstDelayMs?: number } = {},
): PeriodicJob {
  return startPeriodicJob(
    deps.log,
    'account erasure',
    async () => {
      const ids = await eraseDueAccounts(deps);
      if (ids.length) deps.log.info({ count: ids.length }, 'accounts erased');
      // "Mes données" archives are kept 7 days, then go with their rows.
      await purgeExpiredArchives(deps);
      // Mail copies hold personal data too: kept MAIL_OUTBOX_RETENTION_DAYS only.
      await purgeOldOutboxMail(deps.config);
      // Chat uploads whose message never left are forgotten after a day.
      await purgeUnsentFiles(deps.db);
    },
    { everyMs: opts.everyMs ?? 3600_000, firstDelayMs: opts.firstDelayMs ?? 30_000 },
  );
}
