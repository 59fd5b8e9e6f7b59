/**
 * Mails the reminder of each event registration the day before (see
 * services/agenda/reminders.ts: claimed in the database first, so every node
 * may run this job and a restart never sends one twice), and erases visitors'
 * registrations once their date is past the retention window.
 */
import type { Deps } from '../deps';
import { deleteVisitorRegistrationsEndedBefore } from '../db/session-registrations';
import { sendDueEventReminders } from '../services/agenda/reminders';
import { startPeriodicJob, type PeriodicJob } from './periodic';

/** Runs every `everyMs` (default: 5 minutes) until stopped. */
export function startEventReminders(
  deps: Pick<Deps, 'db' | 'log' | 'config' | 'mailer'>,
  opts: { everyMs?: number; firstDelayMs?: number } = {},
): PeriodicJob {
  return startPeriodicJob(
    deps.log,
    'event reminders',
    async () => {
      const count = await sendDueEventReminders(deps, Date.now());
      if (count) deps.log.info({ count }, 'event reminders sent');
      // RGPD: what visitors gave to register is kept EVENT_VISITOR_RETENTION_DAYS after the date, as the consent says.
      const erased = await purgeVisitorRegistrations(deps, new Date());
      if (erased) deps.log.info({ erased }, 'visitor registrations erased');
    },
    { everyMs: opts.everyMs ?? 5 * 60_000, firstDelayMs: opts.firstDelayMs ?? 25_000 },
  );
}

/** Deletes visitors' registrations whose date ended more than the retention window ago (0 days: kept). */
export async function purgeVisitorRegistrations(deps: Pick<Deps, 'db' | 'config'>, now: Date): Promise<number> {
  const days = deps.config.eventVisitorRetentionDays;
  if (!(days > 0)) return 0;
  return deleteVisitorRegistrationsEndedBefore(deps.db, new Date(now.getTime() - days * 86400_000));
}
