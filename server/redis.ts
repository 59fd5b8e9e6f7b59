import { createClient } from 'redis';

/** How long a Redis command may take before it fails (node-redis' default is 5 s). */
export const COMMAND_TIMEOUT_MS = 2000;

/**
 * Redis shares broadcasts and presence between nodes, never correctness: a client fails fast while
 * disconnected (no offline queue, so nothing waits on a dead link) and reconnects on its own, at most
 * a second apart. The subscriber keeps node-redis' queue: it resubscribes before it is ready again.
 */
const newClient = (url: string, failFast = true) =>
  createClient({
    url,
    disableOfflineQueue: failFast,
    // A Redis that hangs (stopped, or a partition) rather than closing: commands give up after 2 s.
    commandOptions: { timeout: COMMAND_TIMEOUT_MS },
    socket: { reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 1000) },
  });
export type RedisClient = ReturnType<typeof newClient>;

/** The pub/sub pair the Socket.IO adapter needs, plus a command client for presence. */
export interface RedisPair {
  pub: RedisClient;
  sub: RedisClient;
  cmd: RedisClient;
}

/**
 * The adapter publishes without waiting for (or catching) the answer: a PUBLISH refused while Redis is
 * down must not become an unhandled rejection. Failures are reported by the clients' `error` events
 * (see redis-health.ts).
 */
function publishWithoutThrowing(client: RedisClient): void {
  const publish = client.publish.bind(client);
  (client as { publish: unknown }).publish = (...args: Parameters<typeof publish>) => publish(...args).catch(() => 0);
}

/** Connects the three Redis clients for one node. */
export async function connectRedis(url: string): Promise<RedisPair> {
  const pub = newClient(url);
  const sub = newClient(url, false);
  const cmd = newClient(url);
  for (const c of [pub, sub, cmd]) c.on('error', () => {}); // reconnects by itself; redis-health.ts logs the outage once
  publishWithoutThrowing(pub);
  await Promise.all([pub.connect(), sub.connect(), cmd.connect()]);
  return { pub, sub, cmd };
}

export async function closeRedis(r: RedisPair): Promise<void> {
  await Promise.allSettled([r.pub.quit(), r.sub.quit(), r.cmd.quit()]);
}
