/**
 * The reminder of the day before. State lives in the database: each
 * appointment's reminder is claimed (`reminded_at`, one conditional UPDATE)
 * before its mails are built and sent, so a restart, a second run or a second
 * node never mails twice (a crash between claim and send loses one reminder
 * rather than doubling it).
 */
import type { Deps } from '../../deps';
import { claimReminder, findAppointmentWithHost, reminderCandidates } from '../../db/appointments';
import { ms } from '../../presenters/time';
import { appointmentMails } from './mails';
import { REMINDER_LEAD_MS } from './booking';

const PAGE = 200;

/** Sends the reminders due at `now` (appointments starting within 24 hours); answers how many appointments were reminded. */
export async function sendDueReminders(deps: Pick<Deps, 'db' | 'config' | 'mailer'>, now: number): Promise<number> {
  let sent = 0;
  for (;;) {
    const due = await reminderCandidates(deps.db, new Date(now), new Date(now + REMINDER_LEAD_MS), PAGE);
    if (!due.length) return sent;
    for (const { id } of due) {
      if (!(await claimReminder(deps.db, id, new Date(now)))) continue;
      const a = (await findAppointmentWithHost(deps.db, id))!;
      const sequence = Math.max(0, Math.floor((now - ms(a.created_at)!) / 1000));
      for (const mail of appointmentMails('reminder', a, deps.config.publicUrl, null, sequence)) await deps.mailer.send(mail);
      sent++;
    }
  }
}
