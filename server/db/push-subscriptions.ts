/** push_subscriptions: the browsers where each user accepted Web Push notifications. */
import type { Knex } from 'knex';

/** One stored subscription. */
export interface PushSubscriptionRow {
  id: number;
  user_id: number;
  endpoint: string;
  p256dh: string;
  auth: string;
  created_at: Date;
}

/** Stores a subscription for `userId`; the same endpoint again (re-subscribed, or another account in that browser) is moved to them. */
export async function upsertPushSubscription(
  db: Knex,
  userId: number,
  s: { endpoint: string; p256dh: string; auth: string },
): Promise<PushSubscriptionRow> {
  await db('push_subscriptions')
    .insert({ user_id: userId, endpoint: s.endpoint, p256dh: s.p256dh, auth: s.auth, created_at: new Date() })
    .onConflict('endpoint')
    .merge(['user_id', 'p256dh', 'auth']);
  return (await db<PushSubscriptionRow>('push_subscriptions').where({ endpoint: s.endpoint }).first())!;
}

/** A user's subscription with this endpoint, if any. */
export async function findPushSubscription(db: Knex, userId: number, endpoint: string): Promise<PushSubscriptionRow | undefined> {
  return db<PushSubscriptionRow>('push_subscriptions').where({ user_id: userId, endpoint }).first();
}

/** Every subscription of a user. */
export async function pushSubscriptionsOf(db: Knex, userId: number): Promise<PushSubscriptionRow[]> {
  return db<PushSubscriptionRow>('push_subscriptions').where({ user_id: userId }).orderBy('id');
}

/** Removes one subscription. */
export async function deletePushSubscription(db: Knex, id: number): Promise<void> {
  await db('push_subscriptions').where({ id }).del();
}
