import type { Deps } from '../deps';
import type { HubServer, HubSharing, RealtimeDomain } from './hub-types';
import { Publisher } from './publish';
import { createBroadcasts } from './broadcasts';
import { createChannelsDomain } from './channels-domain';
import { createPresenceDomain } from './presence/domain';
import { createHotlineDomain } from './hotline-domain';
import { createPushDomain } from './push-domain';
import { RedisHealth } from '../redis-health';
import { resyncAfterOutage } from './resync';
import { createSheetsDomain } from './handlers/sheets';

/** Hooks run after a profile change (the hub moves département channels). */
export interface ProfileHooks {
  departmentChanged?: (userId: number) => Promise<void>;
}

/**
 * The real-time domains wired together: each contributes its socket handlers
 * and connect/disconnect work; the broadcasts turn what services did into
 * events after the commit, for the REST side and the handlers alike.
 */
export function createRealtimeDomains(deps: Deps, sharing: HubSharing) {
  const { redis } = sharing;
  const publisher = new Publisher();
  const health = new RedisHealth(redis, deps.log);
  const broadcasts = createBroadcasts(deps, publisher);
  const channels = createChannelsDomain(deps, broadcasts);
  const list: RealtimeDomain[] = [channels];
  const presence = createPresenceDomain(deps, broadcasts.presence, sharing, health);
  list.push(presence);
  // After channels and presence: its connect hook adds staff to ticket channels and reads presence.
  const hotline = createHotlineDomain(deps, broadcasts, channels, presence);
  list.push(hotline);
  const push = createPushDomain(deps, broadcasts, channels);
  list.push(resyncAfterOutage(health));
  list.push(createSheetsDomain(deps));
  const profileHooks: ProfileHooks = { departmentChanged: (userId) => channels.departmentChanged(userId) };
  return {
    broadcasts,
    health,
    channels,
    presence,
    hotline,
    push,
    list,
    profileHooks,
    bind(io: HubServer) {
      publisher.bind(io);
    },
    async stop() {
      health.stop();
      for (const d of list) await d.stop?.();
    },
  };
}

/** The real-time side as the REST side sees it. */
export type RealtimeDomains = ReturnType<typeof createRealtimeDomains>;
