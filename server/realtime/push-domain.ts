/**
 * Web Push on the hub: after a message's commit, those it concerns who have no tab open (no socket on
 * any node) get a push on each browser they subscribed, following their settings (services/push/).
 */
import type { Deps } from '../deps';
import type { ChannelsDomain } from './channels-domain';
import type { Broadcasts } from './broadcasts';
import { PushSender } from '../services/push/sender';
import { loadVapidKeys } from '../services/push/vapid';
import { pushAllowed, pushTargets } from '../services/push/message-push';

/** Creates the sender (VAPID keys from DATA_DIR, made at first start) and hooks it after every message. */
export function createPushDomain(deps: Deps, broadcasts: Broadcasts, channels: ChannelsDomain) {
  // Push services want an https: page or a mailto: address to reach whoever runs the server.
  const site = new URL(deps.config.publicUrl);
  const subject = site.protocol === 'https:' ? site.origin : `mailto:webmaster@${site.hostname}`;
  const sender = new PushSender(deps.db, loadVapidKeys(deps.config.dataDir), subject, deps.log);
  channels.addAfterMessageHook(async (result, actor) => {
    for (const { userId, payload } of await pushTargets(deps.db, result, actor)) {
      // A tab open anywhere already shows it live (and notifies there): no push on top.
      if (await broadcasts.notifications.userOnline(userId)) continue;
      if (await pushAllowed(deps.db, userId, payload.kind)) await sender.toUser(userId, payload);
    }
  });
  return { sender };
}

export type PushDomain = ReturnType<typeof createPushDomain>;
