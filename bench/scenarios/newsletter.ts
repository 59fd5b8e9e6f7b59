/**
 * Newsletter: one issue to `subscribers` members (seeded in bulk, subscribed
 * to one theme), sent as the app does it: one INSERT … SELECT writes the
 * delivery rows, then the delivery loop (services/newsletters/delivery.ts)
 * claims them in batches, builds each personal mail (text + HTML, signed
 * unsubscribe link, List-Unsubscribe headers) and hands it to the transport.
 *
 * Transport: `discard` (default) is the app's own nodemailer transport that
 * builds the whole MIME message and drops it, so the figure is our pipeline
 * (claims, rendering, MIME, settling rows) without a mail server's speed;
 * `--transport outbox` also writes every .eml file, as a machine without SMTP
 * does; `--transport null` drops the mail object unbuilt (our pipeline alone:
 * nodemailer's MIME building is most of the cost on a busy machine). RSS is sampled during the send: flat memory = the peak above the
 * start does not grow with the number of subscribers.
 */
import pino from 'pino';
import { createScratchDb, bulkInsert } from '../lib/db';
import { log } from '../lib/proc';
import { loadConfig } from '../../server/config';
import { createMailer } from '../../server/mail';
import { insertIssue, replaceIssueParts, findIssue } from '../../server/db/newsletters';
import { sendNewsletter } from '../../server/services/newsletters/issues';
import { deliverPending } from '../../server/services/newsletters/delivery';

export interface NewsletterOptions {
  subscribers: number;
  batch: number;
  concurrency: number;
  transport: 'discard' | 'outbox' | 'null';
}

/** The issue's figure: 20 000 subscribers. */
export const newsletterDefaults: NewsletterOptions = { subscribers: 20_000, batch: 200, concurrency: 8, transport: 'discard' };

const mb = (b: number) => Math.round((b / 1048576) * 10) / 10;

export async function newsletterBench(o: NewsletterOptions) {
  const scratch = await createScratchDb('newsletter');
  const db = scratch.open();
  try {
    const now = new Date();
    log(`seeding ${o.subscribers} subscribers`);
    const users = Array.from({ length: o.subscribers + 1 }, (_, i) => ({
      email: `abonne${i}@bench.invalid`,
      username: `abonne${i}`,
      password_hash: 'bench',
      first_name: 'Camille',
      last_name: `Abonné ${i}`,
      department_code: '69',
      role: i === 0 ? 'animator' : 'member',
      chat_only: false,
      status: 'active',
      terms_accepted_at: now,
      created_at: now,
      updated_at: now,
    }));
    await bulkInsert(db, 'users', users);
    const theme = (await db('interest_themes').orderBy('id').first('id')) as { id: number };
    await db.raw(
      `INSERT INTO newsletter_subscriptions (user_id, theme_id, created_at) SELECT id, ?, ? FROM users WHERE username LIKE 'abonne%' AND role = 'member'`,
      [theme.id, now],
    );
    const author = (await db('users').where({ username: 'abonne0' }).first('id')) as { id: number };
    const intro = 'Bonjour à toutes et à tous,\n\nVoici les nouvelles du réseau ce mois-ci. '.repeat(6);
    const id = await insertIssue(db, author.id, 'Lettre du banc d’essai', intro);
    await replaceIssueParts(db, id, [theme.id], []);

    const config = loadConfig({ ...process.env, ...scratch.env, LOG_LEVEL: 'silent', SMTP_URL: '' });
    config.publicUrl = 'https://maillage.example.gouv.fr';
    const logger = pino({ level: 'silent' });
    const mailer =
      o.transport === 'null' ? { send: async () => true } : createMailer(config, logger, { discard: o.transport === 'discard' });
    let handed = 0;
    const deps = {
      db,
      config,
      log: logger,
      mailer: { send: async (m: Parameters<typeof mailer.send>[0]) => ((handed += 1), mailer.send(m)) },
    };

    const t0 = performance.now();
    const recipients = await sendNewsletter(db, (await findIssue(db, id))!);
    const rowsMs = performance.now() - t0;
    (globalThis as { gc?: () => void }).gc?.();
    const start = process.memoryUsage().rss;
    let peak = start;
    // With --expose-gc, each tenth of the send also records the live heap after a full collection (what is really kept).
    const gc = (globalThis as { gc?: () => void }).gc;
    const curve: { mails: number; rssMB: number; heapAfterGcMB?: number }[] = [];
    let nextMark = 0;
    const sampler = setInterval(() => {
      const rss = process.memoryUsage().rss;
      peak = Math.max(peak, rss);
      if (handed >= nextMark) {
        gc?.();
        curve.push({ mails: handed, rssMB: mb(rss), ...(gc ? { heapAfterGcMB: mb(process.memoryUsage().heapUsed) } : {}) });
        nextMark += Math.ceil(recipients / 10);
      }
    }, 25);
    const t1 = performance.now();
    const result = await deliverPending(deps, { batch: o.batch, concurrency: o.concurrency });
    const seconds = (performance.now() - t1) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const sent = Number(
      ((await db('newsletter_deliveries').where({ issue_id: id, status: 'sent' }).count({ n: '*' }).first()) as { n: number }).n,
    );
    const issue = await findIssue(db, id);
    return {
      database: scratch.kind,
      transport:
        o.transport === 'discard'
          ? 'nodemailer stream transport, whole MIME built then dropped'
          : o.transport === 'null'
            ? 'null: mail object dropped unbuilt'
            : 'outbox .eml files',
      recipients,
      deliveryRowsWrittenMs: Math.round(rowsMs),
      handedToTransport: handed,
      sent: result.sent,
      failed: result.failed,
      rowsMarkedSent: sent,
      issueStatus: issue?.status,
      seconds: Math.round(seconds * 10) / 10,
      mailsPerSecond: Math.round(handed / seconds),
      rssStartMB: mb(start),
      rssPeakAboveStartMB: mb(peak - start),
      rssCurve: curve,
    };
  } finally {
    await db.destroy();
    await scratch.drop();
  }
}
