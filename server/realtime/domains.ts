import type { Deps } from '../deps';
import type { RedisPair } from '../redis';
import type { HubServer, RealtimeDomain } from './hub';
import type { ProfileHooks } from '../http/routes/me';
import { Publisher } from './publish';
import { createChannelsDomain } from './channels-domain';
import { createPresenceDomain } from './presence/domain';
import { createHotlineDomain } from './hotline-domain';
import { createPushDomain } from './push-domain';
import { RedisHealth } from '../redis-health';
import { resyncAfterOutage } from './resync';

/**
 * The real-time domains wired together: each contributes its socket handlers
 * and connect/disconnect work, and the hooks the REST side calls after a change.
 */
export function createRealtimeDomains(deps: Deps, redis: RedisPair | null) {
  const publisher = new Publisher();
  const health = new RedisHealth(redis, deps.log);
  const channels = createChannelsDomain(deps, publisher);
  const list: RealtimeDomain[] = [channels];
  const presence = createPresenceDomain(deps, publisher, redis, health);
  list.push(presence);
  // After channels and presence: its connect hook adds staff to ticket channels and reads presence.
  const hotline = createHotlineDomain(deps, publisher, channels, presence);
  list.push(hotline);
  const push = createPushDomain(deps, publisher, channels);
  list.push(resyncAfterOutage(health));
  const profileHooks: ProfileHooks = { departmentChanged: (userId) => channels.departmentChanged(userId) };
  return {
    publisher,
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

export type RealtimeDomains = ReturnType<typeof createRealtimeDomains>;
