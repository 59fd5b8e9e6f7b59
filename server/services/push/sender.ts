/** Sends Web Push messages to every browser of a user (web-push encrypts them, aes128gcm, and signs with VAPID). */
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import webpush from 'web-push';
import { deletePushSubscription, pushSubscriptionsOf } from '../../db/push-subscriptions';
import type { PushPayload } from '../../protocol/push';
import type { VapidKeys } from './vapid';

/** How long a push service keeps an undelivered message (s): a day, then it is stale. */
const TTL_SECONDS = 24 * 3600;

/** One sender per process, over the VAPID keys. */
export class PushSender {
  constructor(
    private readonly db: Knex,
    private readonly keys: VapidKeys,
    /** The contact push services may use (`mailto:` or the site's URL). */
    private readonly subject: string,
    private readonly log: Logger,
  ) {}

  get publicKey(): string {
    return this.keys.publicKey;
  }

  /** Sends `payload` to each subscription of `userId`; a subscription the push service says is gone (404, 410) is removed. Answers how many were delivered. */
  async toUser(userId: number, payload: PushPayload): Promise<number> {
    let sent = 0;
    for (const s of await pushSubscriptionsOf(this.db, userId)) {
      try {
        await webpush.sendNotification({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }, JSON.stringify(payload), {
          vapidDetails: { subject: this.subject, publicKey: this.keys.publicKey, privateKey: this.keys.privateKey },
          TTL: TTL_SECONDS,
          urgency: 'high',
        });
        sent++;
      } catch (err) {
        const status = (err as { statusCode?: number }).statusCode;
        if (status === 404 || status === 410) await deletePushSubscription(this.db, s.id);
        else this.log.warn({ err, userId, status }, 'web push failed');
      }
    }
    return sent;
  }
}
