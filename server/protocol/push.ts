/** Web Push: the subscription a browser hands over, and what a push message carries. */
import { z } from 'zod';

/** Base64url text (the keys of a PushSubscription's toJSON()). */
const base64url = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+=*$/, 'Clé invalide.');

/** POST /api/push/subscriptions: a PushSubscription as its toJSON() gives it. */
export const pushSubscriptionBody = z.object({
  endpoint: z.url({ protocol: /^https?$/ }).max(1000),
  expirationTime: z.number().nullish(),
  keys: z.object({ p256dh: base64url(200), auth: base64url(100) }),
});
export type PushSubscriptionBody = z.infer<typeof pushSubscriptionBody>;

/** DELETE /api/push/subscriptions?endpoint=…: which browser stops receiving. */
export const pushUnsubscribeQuery = z.object({ endpoint: z.string().trim().min(1).max(1000) });

/** GET /api/push/key. */
export interface PushKey {
  publicKey: string;
}

/** What the service worker receives (JSON, encrypted by Web Push) and shows as a notification. */
export interface PushPayload {
  kind: 'direct' | 'mention' | 'hotline';
  title: string;
  body: string;
  /** Where a click leads (a path of the client). */
  url: string;
  /** Notifications with the same tag replace each other (one per channel). */
  tag: string;
}
