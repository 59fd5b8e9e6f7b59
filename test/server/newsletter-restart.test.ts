/**
 * A newsletter interrupted by a restart finishes with every subscriber mailed
 * exactly once (SQLite and PostgreSQL): the first app stops mid-send, a batch
 * is left claimed by a "dead" process, a new app on the same database (and
 * DATA_DIR: same outbox, same signing key) resumes it, with a second node
 * delivering at the same time.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { expect } from 'chai';
import pino from 'pino';
import { databaseOf } from '../helpers/any-database';
import { needPostgres } from '../helpers/services';
import { startServer } from '../helpers/server';
import { makeUserWithToken } from '../helpers/factories';
import { testTmpRoot, type TestDatabase } from '../helpers/db';
import { readOutbox } from '../helpers/outbox';
import { draftIssue, subscribers, themeIds } from '../helpers/newsletters';
import { api } from '../helpers/http';
import { newsletterRunner } from '../../server/services/newsletters/runner';
import { deliverPending } from '../../server/services/newsletters/delivery';
import { startNewsletterDelivery } from '../../server/jobs/newsletter-delivery';
import { openDb } from '../../server/database';
import { createMailer, type Mailer } from '../../server/mail';

const SUBSCRIBERS = 45;

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`newsletter delivery across a restart (${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'})`, function () {
    this.timeout(120_000);
    let database: TestDatabase | undefined;
    after(async () => database?.drop());

    it('stops mid-way, resumes on a new app, mails every subscriber exactly once', async function () {
      if (kind === 'postgres') await needPostgres(this);
      database = await databaseOf(kind);
      const env = { DATA_DIR: path.join(testTmpRoot, `nl-${crypto.randomBytes(5).toString('hex')}`) };
      const first = await startServer({ database, env });
      const anim = await makeUserWithToken(first.db, { role: 'animator' });
      const [theme, other] = await themeIds(first, 2);
      const subs = await subscribers(first, theme!, SUBSCRIBERS);
      // Someone subscribed to another theme only receives nothing.
      const outsider = (await subscribers(first, other!, 1, 'autre'))[0]!;
      const issueId = await draftIssue(first, anim.token, [theme!], []);

      // The first app: its transport stops the runner after 17 mails (the 8 in flight still finish).
      const real = first.app.deps.mailer;
      let count = 0;
      let reached!: () => void;
      const halfway = new Promise<void>((r) => (reached = r));
      first.app.deps.mailer = {
        async send(m) {
          const ok = await real.send(m);
          if (++count === 17) reached();
          return ok;
        },
      } satisfies Mailer;
      const res = await api(first.url, { token: anim.token }).post(`/api/newsletters/${issueId}/send`);
      expect(res.status, JSON.stringify(res.body)).to.equal(202);
      expect(res.body.figures.recipients).to.equal(SUBSCRIBERS);
      await halfway;
      await first.close(); // stops the runner after the mails in flight, untried ones back to pending
      const mid = await database
        .db('newsletter_deliveries')
        .where({ issue_id: issueId })
        .groupBy('status')
        .select('status')
        .count({ n: '*' });
      const by = Object.fromEntries((mid as { status: string; n: number | string }[]).map((r) => [r.status, Number(r.n)])) as Record<
        string,
        number
      >;
      expect(by.sent).to.be.within(17, SUBSCRIBERS - 1);
      expect(by.claimed ?? 0, 'nothing left claimed by a clean stop').to.equal(0);
      expect((await database.db('newsletter_issues').where({ id: issueId }).first()).status).to.equal('sending');
      // A process that died holding a claim (never mailed): its rows are taken again after the lease.
      const orphan = await database
        .db('newsletter_deliveries')
        .where({ issue_id: issueId, status: 'pending' })
        .orderBy('id')
        .limit(3)
        .select('id');
      await database
        .db('newsletter_deliveries')
        .whereIn(
          'id',
          orphan.map((r) => r.id),
        )
        .update({ status: 'claimed', claim_token: 'dead-node', claimed_at: new Date(Date.now() - 3_600_000) });

      // The restart: a new app on the same database and data directory, with its periodic job, and a second node at once.
      const second = await startServer({ database, env });
      const job = startNewsletterDelivery(second.app.deps, { firstDelayMs: 0 });
      const otherDb = openDb(second.config);
      try {
        const log = pino({ level: 'silent' });
        await Promise.all([
          newsletterRunner(second.app.deps).runNow(),
          deliverPending({ db: otherDb, config: second.config, mailer: createMailer(second.config, log), log }, { batch: 5 }),
        ]);
        await newsletterRunner(second.app.deps).runNow();
      } finally {
        await job.stop();
        await otherDb.destroy();
        await second.close();
      }

      const mails = readOutbox(second.outboxDir).filter((m) => m.subject.includes('Lettre de décembre'));
      const perAddress = new Map<string, number>();
      for (const m of mails) perAddress.set(m.to, (perAddress.get(m.to) ?? 0) + 1);
      for (const s of subs) expect(perAddress.get(s.email), s.email).to.equal(1);
      expect(perAddress.has(outsider.email)).to.equal(false);
      expect(mails).to.have.length(SUBSCRIBERS);
      const rows = await database.db('newsletter_deliveries').where({ issue_id: issueId }).select('status');
      expect(rows.every((r) => r.status === 'sent')).to.equal(true);
      const issue = await database.db('newsletter_issues').where({ id: issueId }).first();
      expect(issue.status).to.equal('sent');
      fs.rmSync(env.DATA_DIR, { recursive: true, force: true });
    });
  });
}
