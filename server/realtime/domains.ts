import type { Deps } from '../deps';
import type { RedisPair } from '../redis';
import type { HubServer, RealtimeDomain } from './hub';
import type { ProfileHooks } from '../http/routes/me';
import { Publisher } from './publish';

/**
 * The real-time domains wired together: each contributes its socket handlers
 * and connect/disconnect work, and the hooks the REST side calls after a change.
 */
export function createRealtimeDomains(_deps: Deps, _redis: RedisPair | null) {
  const publisher = new Publisher();
  const list: RealtimeDomain[] = [];
  const profileHooks: ProfileHooks = {};
  return {
    publisher,
    list,
    profileHooks,
    bind(io: HubServer) {
      publisher.bind(io);
    },
    async stop() {
      for (const d of list) await d.stop?.();
    },
  };
}

export type RealtimeDomains = ReturnType<typeof createRealtimeDomains>;
