import { createScratchDb, channelId, seedUsers } from '../lib/db';
import {
  startHub,
  startRelay,
  relayTokens,
  redisAnswers,
  redisPrefix,
  sleep,
  withFleets,
  onRelay,
  type Fleet,
  type RunOptions,
  type System,
} from '../lib/systems';
import { stepUp, type StepPlan } from '../lib/steps';
import { log } from '../lib/proc';

/** Options of the two-node scenario (each one a `--flag`). */
export interface TwoNodesOptions extends StepPlan {
  members: number;
  senders: number;
  perGen: number;
  settleMs: number;
}

/** 1 000 members, half on each node. */
export const twoNodesDefaults: TwoNodesOptions = {
  members: 1000,
  senders: 2,
  perGen: 2500,
  settleMs: 1000,
  startRate: 4000,
  factor: 1.5,
  maxSteps: 10,
  bisect: 1,
  stepMs: 5000,
  drainMs: 5000,
  bodyLen: 140,
  p99LimitMs: 100,
  retries: 1,
};

type Client = { token: string; channels: number[] };

/** Receivers split evenly over nodes A and B, senders on A; every step timed per node. The fleets are reset after. */
async function measure(
  nodes: [System, System],
  members: Client[],
  senders: Client[],
  channel: number,
  o: TwoNodesOptions,
  fleets: Fleet[],
) {
  const [a, b] = nodes;
  const [recvA, recvB, send] = fleets as [Fleet, Fleet, Fleet];
  const half = Math.ceil(members.length / 2);
  try {
    const ca = await recvA.connect(a.url, members.slice(0, half), { concurrency: 100 });
    const cb = await recvB.connect(b.url, members.slice(half), { concurrency: 100 });
    const s = await send.connect(a.url, senders, { concurrency: 10 });
    if (ca.failed || cb.failed || s.failed)
      throw new Error(`${a.kind}: connections failed: ${JSON.stringify({ ...ca.errors, ...cb.errors, ...s.errors })}`);
    log(`${a.kind} ×2: ${ca.connected} receivers on A, ${cb.connected} on B`);
    await sleep(o.settleMs);
    const groups = [
      { label: 'A', fleet: recvA, sockets: ca.connected },
      { label: 'B', fleet: recvB, sockets: cb.connected },
    ];
    const r = await a.measured(() => b.measured(() => stepUp(nodes, send, groups, channel, o)));
    const deltas = r.steps.filter((st) => st.sustainable && st.byNode).map((st) => (st.byNode!.B!.p50 ?? 0) - (st.byNode!.A!.p50 ?? 0));
    return {
      receivers: { A: ca.connected, B: cb.connected },
      secondNodeP50AddedMs: deltas.length ? Math.round(Math.max(...deltas) * 100) / 100 : null,
      ...r,
    };
  } finally {
    await Promise.all(fleets.map((f) => f.reset()));
  }
}

/**
 * Two nodes on one database and one Redis: the hub twice (SQLite file shared,
 * or the same PostgreSQL database), then the relay twice on the Redis adapter.
 * Without Redis the scenario is skipped, except under CI where it fails.
 */
export async function twonodes(o: TwoNodesOptions, run: RunOptions) {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (!(await redisAnswers(redisUrl))) {
    if (process.env.CI === 'true') throw new Error(`Redis is required under CI but does not answer at ${redisUrl}`);
    log(`two nodes: Redis does not answer at ${redisUrl}: skipped`);
    return { skipped: 'redis not available' };
  }
  const keys = redisPrefix();
  const perNode = Math.max(1, Math.ceil(o.members / 2 / o.perGen));
  const specs = [
    { n: perNode, name: 'recvA' },
    { n: perNode, name: 'recvB' },
    { n: 1, name: 'sendA' },
  ];
  try {
    return await withFleets(specs, run.maxMs, async (fleets) => {
      const relayEnv = { REDIS_URL: redisUrl, REDIS_PREFIX: keys.prefix };
      const relayRes = await onRelay(
        run,
        async () => (await Promise.all([startRelay(run, relayEnv, 'relay-A'), startRelay(run, relayEnv, 'relay-B')])) as [System, System],
        (relays) =>
          measure(
            relays,
            relayTokens(o.members, () => [1]),
            relayTokens(o.senders, () => [1]),
            1,
            o,
            fleets,
          ),
      );
      const db = await createScratchDb('twonodes');
      try {
        const handle = db.open();
        const members = await seedUsers(handle, 'two', o.members);
        const senders = await seedUsers(handle, 'tws', o.senders, 'animator');
        const annonces = await channelId(handle, 'annonces');
        await handle.destroy();
        const env = { REDIS_URL: redisUrl, REDIS_PREFIX: keys.prefix };
        const label = { ...run, label: `${run.label}-twonodes` };
        // The database is migrated already: both nodes may start together.
        const hubs = (await Promise.all([startHub(db, label, env, 'hub-A'), startHub(db, label, env, 'hub-B')])) as [System, System];
        let hubRes;
        try {
          const toClient = (u: { token: string }) => ({ token: u.token, channels: [annonces] });
          hubRes = await measure(hubs, members.map(toClient), senders.map(toClient), annonces, o, fleets);
        } finally {
          await Promise.all(hubs.map((h) => h.stop()));
        }
        const ratio = relayRes?.maxSustainableDeliveriesPerSec
          ? Math.round((hubRes.maxSustainableDeliveriesPerSec / relayRes.maxSustainableDeliveriesPerSec) * 100) / 100
          : null;
        return { database: db.kind, members: o.members, ratio, hub: hubRes, relay: relayRes };
      } finally {
        await db.drop();
      }
    });
  } finally {
    await keys.cleanup(redisUrl).catch(() => {});
  }
}
