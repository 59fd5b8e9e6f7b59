/**
 * Mails the reminder of each appointment the day before (see
 * services/booking/reminders.ts: claimed in the database first, so every node
 * may run this job and a restart never sends one twice).
 */
import type { Deps } from '../deps';
import { sendDueReminders } from '../services/booking/reminders';
import { startPeriodicJob, type PeriodicJob } from './periodic';

/** Runs every `everyMs` (default: 5 minutes) until stopped. */
export function startAppointmentReminders(
  deps: Pick<Deps, 'db' | 'log' | 'config' | 'mailer'>,
  opts: { everyMs?: number; firstDelayMs?: number } = {},
): PeriodicJob {
  return startPeriodicJob(
    deps.log,
    'appointment reminders',
    async () => {
      const count = await sendDueReminders(deps, Date.now());
      if (count) deps.log.info({ count }, 'appointment reminders sent');
    },
    { everyMs: opts.everyMs ?? 5 * 60_000, firstDelayMs: opts.firstDelayMs ?? 20_000 },
  );
}
