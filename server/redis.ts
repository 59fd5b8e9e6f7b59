import { createClient } from 'redis';

const newClient = (url: string) => createClient({ url });
export type RedisClient = ReturnType<typeof newClient>;

/** The pub/sub pair the Socket.IO adapter needs, plus a command client for presence. */
export interface RedisPair {
  pub: RedisClient;
  sub: RedisClient;
  cmd: RedisClient;
}

/** Connects the three Redis clients for one node. */
export async function connectRedis(url: string): Promise<RedisPair> {
  const pub = newClient(url);
  const sub = newClient(url);
  const cmd = newClient(url);
  for (const c of [pub, sub, cmd]) c.on('error', () => {}); // reconnects by itself; errors surface on commands
  await Promise.all([pub.connect(), sub.connect(), cmd.connect()]);
  return { pub, sub, cmd };
}

export async function closeRedis(r: RedisPair): Promise<void> {
  await Promise.allSettled([r.pub.quit(), r.sub.quit(), r.cmd.quit()]);
}
