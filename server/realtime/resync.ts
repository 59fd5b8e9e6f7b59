import type { RealtimeDomain } from './hub-types';
import type { RedisHealth } from '../redis-health';

/**
 * When Redis comes back after an outage, every socket, on every node, is told `hub:resync`: other
 * nodes' broadcasts were lost meanwhile, so clients catch up from the database (`channel:sync` from the
 * last seq they hold, the channel list, their notifications), as after a reconnection. Sent through the
 * adapter (the other nodes' sockets missed this node's broadcasts too) and by every node that saw the outage.
 */
export function resyncAfterOutage(health: RedisHealth): RealtimeDomain {
  return {
    bind(io) {
      health.on('up', () => io.emit('hub:resync', { reason: 'redis' }));
    },
  };
}
