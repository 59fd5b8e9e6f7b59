/**
 * Mails unread notifications as each user's settings say: `realtime` (one
 * mail per batch window, `batchMinutes` 0 = at once), `daily` (8:00 Paris),
 * `weekly` (Monday 8:00 Paris), `never`; `types` switches families off and
 * `groups` overrides the frequency per group. A notification is mailed at most
 * once: it is claimed (`mailed_at`) before its mail is sent, so several nodes
 * may run this job at the same time.
 */
import type { Deps } from '../deps';
import { claimForMail, mailCandidates, type MailCandidateRow } from '../db/notification-mail';
import { ms } from '../presenters/time';
import { dueNow, MAIL_HORIZON_MS, type Frequency, type Pending } from '../services/notifications/schedule';
import { parseSettings } from '../services/notifications/notifications';
import { describeNotification } from '../services/notifications/texts';
import { startPeriodicJob, type PeriodicJob } from './periodic';

type JobDeps = Pick<Deps, 'db' | 'config' | 'mailer' | 'log'>;

const PAGE = 500;
/** At most this many notifications are written out in one mail; the rest are counted. */
const LISTED = 30;
const signature =
  '\n\n—\nMaillage, le réseau des professionnels du service public.\nCe message est automatique, merci de ne pas y répondre.';
const shortDate = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The French mail of one batch of notifications (newest first), with absolute links. */
export function notificationMail(publicUrl: string, firstName: string, frequency: Exclude<Frequency, 'never'>, items: Pending[]) {
  const sorted = [...items].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
  const described = sorted.map((n) => ({ ...describeNotification(n.kind, n.data), at: n.createdAt }));
  const count = plural(items.length, 'notification', 'notifications');
  const subject =
    frequency === 'daily'
      ? `Maillage : votre résumé du jour (${count})`
      : frequency === 'weekly'
        ? `Maillage : votre résumé de la semaine (${count})`
        : items.length === 1
          ? `Maillage : ${oneLine(described[0]!.text).slice(0, 150)}`
          : `Maillage : ${plural(items.length, 'nouvelle notification', 'nouvelles notifications')}`;
  const intro =
    frequency === 'realtime'
      ? items.length === 1
        ? 'Vous avez une nouvelle notification sur Maillage :'
        : `Vous avez ${plural(items.length, 'nouvelle notification', 'nouvelles notifications')} sur Maillage :`
      : `Voici ${items.length === 1 ? 'votre notification non lue' : `vos ${count} non lues`} ${frequency === 'daily' ? 'du jour' : 'de la semaine'} :`;
  const lines = described.slice(0, LISTED).map((d) => {
    const date = frequency === 'realtime' ? '' : `${shortDate.format(new Date(d.at))} — `;
    return `- ${date}${oneLine(d.text)}\n  ${publicUrl}${d.path}`;
  });
  const rest = items.length - lines.length;
  const more = rest > 0 ? `\n\n… et ${plural(rest, 'autre', 'autres')} : ${publicUrl}/notifications` : '';
  const text =
    `Bonjour ${firstName},\n\n${intro}\n\n${lines.join('\n\n')}${more}\n\n` +
    `Toutes vos notifications : ${publicUrl}/notifications\n` +
    `Choisir ce que vous recevez par courriel : ${publicUrl}/profil/notifications${signature}`;
  return { subject, text };
}

/** One user's candidates, gathered across pages. */
interface UserBatch {
  userId: number;
  email: string;
  firstName: string;
  settings: string | null;
  pending: Pending[];
}

function toPending(r: MailCandidateRow): Pending {
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(r.data);
    if (parsed && typeof parsed === 'object') data = parsed as Record<string, unknown>;
  } catch {
    // Unreadable data still makes a (generic) line in the mail.
  }
  return { id: Number(r.id), kind: r.kind, data, createdAt: ms(r.created_at) ?? 0 };
}

/** Claims and mails what is due for one user; answers [mails, notifications] sent. */
async function mailUser(deps: JobDeps, u: UserBatch, now: Date): Promise<[number, number]> {
  let mails = 0;
  let sent = 0;
  for (const batch of dueNow(parseSettings(u.settings), u.pending, now.getTime())) {
    const won = new Set(
      await claimForMail(
        deps.db,
        u.userId,
        batch.items.map((n) => n.id),
        now,
      ),
    );
    const items = batch.items.filter((n) => won.has(n.id));
    if (!items.length) continue; // another node claimed them first
    await deps.mailer.send({ to: u.email, ...notificationMail(deps.config.publicUrl, u.firstName, batch.frequency, items) });
    mails += 1;
    sent += items.length;
  }
  return [mails, sent];
}

/**
 * One run of the job at `now` (tests pass a fixed instant). Reads unread,
 * unmailed notifications of the last 15 days user by user, and mails what is due.
 */
export async function runNotificationMail(deps: JobDeps, now: Date = new Date()): Promise<{ mails: number; notifications: number }> {
  const since = new Date(now.getTime() - MAIL_HORIZON_MS);
  const total = { mails: 0, notifications: 0 };
  const flush = async (u: UserBatch | null) => {
    if (!u) return;
    try {
      const [mails, sent] = await mailUser(deps, u, now);
      total.mails += mails;
      total.notifications += sent;
    } catch (err) {
      // One user's failure (a deadlock between nodes, a database hiccup) must not stop the others; the next run retries.
      deps.log.error({ err, userId: u.userId }, 'notification mail failed');
    }
  };
  let current = null as UserBatch | null;
  let after = { userId: 0, id: 0 };
  for (;;) {
    const rows = await mailCandidates(deps.db, since, now, after, PAGE);
    for (const r of rows) {
      if (current?.userId !== r.user_id) {
        await flush(current);
        current = { userId: r.user_id, email: r.email, firstName: r.first_name, settings: r.settings, pending: [] };
      }
      current.pending.push(toPending(r));
    }
    if (rows.length < PAGE) break;
    const last = rows[rows.length - 1]!;
    after = { userId: last.user_id, id: Number(last.id) };
  }
  await flush(current);
  if (total.mails) deps.log.info(total, 'notification mails sent');
  return total;
}

/** Runs the job every `everyMs` (one run at a time); `stop()` waits for a run under way. */
export function startNotificationMail(deps: JobDeps, opts: { everyMs?: number; firstDelayMs?: number } = {}): PeriodicJob {
  return startPeriodicJob(deps.log, 'notification mail', () => runNotificationMail(deps, new Date()), {
    everyMs: opts.everyMs ?? 60_000,
    firstDelayMs: opts.firstDelayMs ?? 10_000,
  });
}
