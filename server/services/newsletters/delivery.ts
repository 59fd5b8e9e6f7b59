/**
 * Hands the mails of issues being sent to the transport, in claimed batches.
 * Every recipient has one delivery row (unique per issue and user): a batch
 * is claimed in one UPDATE, mailed with a few sends in flight, then settled
 * (sent, failed, or back to pending for those not tried when asked to stop).
 * So a stop or restart resumes where it was, nobody twice, nobody skipped.
 * A process that dies mid-batch leaves its claim; after the lease another one
 * takes it again, with the same Message-ID per recipient so mailboxes that
 * already got it drop the copy.
 */
import crypto from 'node:crypto';
import type { Deps } from '../../deps';
import { findIssue } from '../../db/newsletters';
import {
  claimDeliveries,
  finishIssue,
  hasOpenDeliveries,
  sendingIssueIds,
  settleDeliveries,
  type ClaimedDelivery,
} from '../../db/newsletter-deliveries';
import { unsubscribeSigner } from '../../security/newsletter-tokens';
import { issueContent } from './issues';
import { issueTemplate, unsubscribeHeaders, unsubscribePath } from './render';

export type DeliveryDeps = Pick<Deps, 'db' | 'config' | 'mailer' | 'log'>;

export interface DeliveryOptions {
  /** Rows claimed at once. */
  batch?: number;
  /** Mails in flight at once (an SMTP pool; the outbox writes files). */
  concurrency?: number;
  /** After this long, a claim whose process never settled it is taken again. */
  leaseMs?: number;
  /** Asked between two mails: true stops after the mails in flight. */
  stopping?: () => boolean;
}

/** Delivers what is pending in every issue being sent; answers what this run settled. */
export async function deliverPending(deps: DeliveryDeps, opts: DeliveryOptions = {}): Promise<{ sent: number; failed: number }> {
  const batch = opts.batch ?? 200;
  const concurrency = opts.concurrency ?? 8;
  const leaseMs = opts.leaseMs ?? 10 * 60_000;
  const stopping = opts.stopping ?? (() => false);
  const total = { sent: 0, failed: 0 };
  const sign = await unsubscribeSigner(deps.config);
  const host = new URL(deps.config.publicUrl).hostname;
  for (const issueId of await sendingIssueIds(deps.db)) {
    const issue = await findIssue(deps.db, issueId);
    if (!issue || issue.status !== 'sending') continue;
    const personal = issueTemplate(deps.config.publicUrl, await issueContent(deps.db, issue));
    const mailOne = async (r: ClaimedDelivery): Promise<boolean> => {
      const url = deps.config.publicUrl + unsubscribePath(sign(issueId, r.user_id));
      const mail = personal(r.first_name, url);
      try {
        return await deps.mailer.send({
          to: r.email,
          ...mail,
          headers: unsubscribeHeaders(url),
          messageId: `<newsletter-${issueId}-${r.user_id}@${host}>`,
        });
      } catch (err) {
        deps.log.error({ err, issueId, userId: r.user_id }, 'newsletter mail failed');
        return false;
      }
    };
    for (;;) {
      if (stopping()) return total;
      const token = crypto.randomUUID();
      const now = new Date();
      const rows = await claimDeliveries(deps.db, issueId, token, now, new Date(now.getTime() - leaseMs), batch);
      if (!rows.length) {
        // Nothing left to claim: finished, unless another process still holds a batch (it will finish the issue).
        if (!(await hasOpenDeliveries(deps.db, issueId))) await finishIssue(deps.db, issueId);
        break;
      }
      const sent: number[] = [];
      const failed: number[] = [];
      let next = 0;
      const worker = async () => {
        while (next < rows.length && !stopping()) {
          const r = rows[next++]!;
          ((await mailOne(r)) ? sent : failed).push(r.id);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, worker));
      await settleDeliveries(deps.db, token, sent, 'sent');
      await settleDeliveries(deps.db, token, failed, 'failed');
      await settleDeliveries(
        deps.db,
        token,
        rows.slice(next).map((r) => r.id),
        'pending',
      );
      total.sent += sent.length;
      total.failed += failed.length;
    }
    deps.log.info({ issueId, ...total }, 'newsletter deliveries settled');
  }
  return total;
}
