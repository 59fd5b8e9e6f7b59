/**
 * The reminder of the day before, to everyone registered to a session
 * (members, people registered by a professional, visitors). State lives in
 * the database: each place's reminder is claimed (`reminded_at`, one
 * conditional UPDATE) before its mail is built and sent, so a restart, a
 * second run or a second node never mails twice (a crash between claim and
 * send loses one reminder rather than doubling it).
 */
import type { Deps } from '../../deps';
import { findEvent, asPublished } from '../../db/agenda-events';
import { findSession } from '../../db/event-sessions';
import { findRegistration } from '../../db/agenda-registrations';
import { claimRegistrationReminder, reminderCandidates } from '../../db/session-registrations';
import { findUserById } from '../../db/users';
import { visitorMail } from './visitor-mails';

const PAGE = 200;
/** Sessions starting within this lead get their reminders. */
export const EVENT_REMINDER_LEAD_MS = 24 * 3_600_000;

/** Sends the reminders due at `now`; answers how many were sent. */
export async function sendDueEventReminders(deps: Pick<Deps, 'db' | 'config' | 'mailer'>, now: number): Promise<number> {
  let sent = 0;
  for (;;) {
    const due = await reminderCandidates(deps.db, new Date(now), new Date(now + EVENT_REMINDER_LEAD_MS), PAGE);
    if (!due.length) return sent;
    for (const { id } of due) {
      if (!(await claimRegistrationReminder(deps.db, id, new Date(now)))) continue;
      const r = await findRegistration(deps.db, id);
      const event = r ? await findEvent(deps.db, r.event_id) : undefined;
      const session = r ? await findSession(deps.db, r.session_id) : undefined;
      if (!r || !event || !session) continue;
      let to = { name: r.name, email: r.email };
      if (r.list === 'member' && r.user_id) {
        const user = await findUserById(deps.db, r.user_id);
        if (!user) continue;
        to = { name: user.first_name, email: user.email };
      }
      if (!to.email) continue;
      await deps.mailer.send(visitorMail('reminder', asPublished(event), session, to, deps.config.publicUrl, null));
      sent++;
    }
  }
}
