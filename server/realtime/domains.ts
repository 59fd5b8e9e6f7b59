import type { Deps } from '../deps';
import type { RedisPair } from '../redis';
import type { ConnectionHook, HubServer } from './hub';
import type { ProfileHooks } from '../http/routes/me';

/**
 * The real-time domains wired together: each contributes what it does when a
 * socket connects, and hooks the REST side calls after a change.
 */
export function createRealtimeDomains(_deps: Deps, _redis: RedisPair | null) {
  const connectionHooks: ConnectionHook[] = [];
  const profileHooks: ProfileHooks = {};
  return {
    connectionHooks,
    profileHooks,
    bind(_io: HubServer) {},
    async stop() {},
  };
}

export type RealtimeDomains = ReturnType<typeof createRealtimeDomains>;
