/** Several nodes of the app on one database and one Redis, for the multi-node tests. */
import crypto from 'node:crypto';
import type { Db } from '../../server/database';
import { closeRedis, connectRedis, type RedisPair } from '../../server/redis';
import { uniqueDepartment } from './contacts';
import { freshDatabase, type TestDatabase } from './db';
import { makeUserWithToken, type UserOverrides } from './factories';
import { startServer, type TestServer } from './server';
import { needRedis, REDIS_URL } from './services';
import { closeAll } from './sockets';

/** The suite's nodes and what they share. */
export interface Cluster {
  /** The one database. */
  readonly db: Db;
  /** The two nodes started before the suite's tests. */
  readonly A: TestServer;
  readonly B: TestServer;
  /** Starts one more node; its Redis link is answered too (a test may cut it). */
  startNode(): Promise<{ node: TestServer; redis: RedisPair }>;
  /** A user with a session token, in a département of their own. */
  person(o?: UserOverrides): ReturnType<typeof makeUserWithToken>;
}

/**
 * Registers the calling suite's hooks: skipped without Redis, nodes A and B
 * before (a fresh database and a Redis prefix of their own, `env` on every
 * node), every socket closed after each test, and after the suite every node
 * stopped, the prefix's Redis keys removed and the database dropped.
 */
export function useCluster(env: Record<string, string> = {}): Cluster {
  const prefix = `maillage-test-${crypto.randomBytes(4).toString('hex')}:`;
  let database: TestDatabase | undefined;
  const pairs: RedisPair[] = [];
  const nodes: TestServer[] = [];

  async function startNode(): Promise<{ node: TestServer; redis: RedisPair }> {
    const redis = await connectRedis(REDIS_URL);
    pairs.push(redis);
    const node = await startServer({ database, redis, env: { REDIS_PREFIX: prefix, ...env } });
    nodes.push(node);
    return { node, redis };
  }

  before(async function () {
    await needRedis(this);
    database = await freshDatabase();
    await startNode();
    await startNode();
  });
  afterEach(() => closeAll());
  after(async () => {
    closeAll();
    for (const n of nodes) await n.close().catch(() => {});
    if (pairs[0]?.cmd.isReady) {
      const keys: string[] = [];
      for await (const batch of pairs[0].cmd.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) keys.push(...batch);
      if (keys.length) await pairs[0].cmd.del(keys);
    }
    for (const p of pairs) await closeRedis(p);
    await database?.drop();
  });

  return {
    get db() {
      return database!.db;
    },
    get A() {
      return nodes[0]!;
    },
    get B() {
      return nodes[1]!;
    },
    startNode,
    person: (o: UserOverrides = {}) => makeUserWithToken(database!.db, { departmentCode: uniqueDepartment(), ...o }),
  };
}
