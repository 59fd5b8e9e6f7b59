import { createScratchDb, channelId, seedUsers } from '../lib/db';
import { startHub, startRelay, relayTokens, sleep, withFleets, onRelay, type Fleet, type RunOptions, type System } from '../lib/systems';
import { stepUp, type StepPlan } from '../lib/steps';
import { log } from '../lib/proc';

/** Options of the fan-out scenario (each one a `--flag`; `--members 1000,5000`). */
export interface FanoutOptions extends StepPlan {
  /** Channel sizes to measure (members receiving each message). */
  members: number[];
  senders: number;
  /** Receivers per generator process. */
  perGen: number;
  /** Pause between connecting and the first step. */
  settleMs: number;
  /**
   * `light`: receivers are bare WebSockets that read three numbers of each frame (`bench/lib/light-receiver.ts`);
   * `client`: socket.io-client, which parses every delivery (what the rounds before 2026-12-06 used).
   */
  receivers: 'light' | 'client';
}

type Client = { token: string; channels: number[] };

/** The figures: 1 000 and 5 000 members, two senders, p99 < 100 ms. */
export const fanoutDefaults: FanoutOptions = {
  members: [1000, 5000],
  senders: 2,
  perGen: 2500,
  settleMs: 1000,
  receivers: 'light',
  startRate: 4000,
  factor: 1.5,
  maxSteps: 12,
  bisect: 2,
  stepMs: 5000,
  drainMs: 5000,
  bodyLen: 140,
  p99LimitMs: 100,
  retries: 1,
};

/** Receivers and senders connected to one system, stepped up to its ceiling; the fleets are reset after. */
async function measure(server: System, members: Client[], senders: Client[], channel: number, o: FanoutOptions, [recv, send]: Fleet[]) {
  try {
    const c = await recv!.connect(server.url, members, { concurrency: 100, light: o.receivers === 'light' });
    const s = await send!.connect(server.url, senders, { concurrency: 10 });
    log(`${server.kind}: ${c.connected} receivers connected in ${Math.round(c.elapsedMs)} ms (${c.failed} failed), ${s.connected} senders`);
    if (c.failed || s.failed) throw new Error(`${server.kind}: connections failed: ${JSON.stringify({ ...c.errors, ...s.errors })}`);
    await sleep(o.settleMs);
    const rss = (await server.stats(true)).rss;
    const r = await server.measured(() =>
      stepUp([server], send!, [{ label: server.kind, fleet: recv!, sockets: c.connected }], channel, o),
    );
    return {
      receivers: c.connected,
      receiverKind: o.receivers,
      senders: s.connected,
      connectMs: c.connect.summary(),
      serverRssMB: Math.round(rss / 1048576),
      ...r,
    };
  } finally {
    await Promise.all([recv!.reset(), send!.reset()]);
  }
}

/**
 * Fan-out: for each channel size, the relay then the hub, with C members in
 * the hub's Annonces channel (a national channel: every member is in it) and
 * `senders` animators posting to it at a stepped rate.
 */
export async function fanout(o: FanoutOptions, run: RunOptions) {
  const out: Record<string, unknown>[] = [];
  for (const size of o.members) {
    log(`fan-out, ${size} members`);
    const specs = [
      { n: Math.max(1, Math.ceil(size / o.perGen)), name: 'recv' },
      { n: 1, name: 'send' },
    ];
    out.push(
      await withFleets(specs, run.maxMs, async (fleets) => {
        const relayRes = await onRelay(
          run,
          () => startRelay(run),
          (relay) =>
            measure(
              relay,
              relayTokens(size, () => [1]),
              relayTokens(o.senders, () => [1]),
              1,
              o,
              fleets,
            ),
        );
        const db = await createScratchDb(`fanout${size}`);
        try {
          const handle = db.open();
          const members = await seedUsers(handle, 'fan', size);
          const senders = await seedUsers(handle, 'ann', o.senders, 'animator');
          const annonces = await channelId(handle, 'annonces');
          await handle.destroy();
          const hub = await startHub(db, { ...run, label: `${run.label}-${size}` });
          let hubRes;
          try {
            const toClient = (u: { token: string }) => ({ token: u.token, channels: [annonces] });
            hubRes = await measure(hub, members.map(toClient), senders.map(toClient), annonces, o, fleets);
          } finally {
            await hub.stop();
          }
          const ratio = relayRes?.maxSustainableDeliveriesPerSec
            ? hubRes.maxSustainableDeliveriesPerSec / relayRes.maxSustainableDeliveriesPerSec
            : null;
          const perCore = relayRes?.deliveriesPerServerCoreSecond && hubRes.deliveriesPerServerCoreSecond;
          const cpuRatio = perCore
            ? Math.round((hubRes.deliveriesPerServerCoreSecond! / relayRes!.deliveriesPerServerCoreSecond!) * 100) / 100
            : null;
          return {
            members: size,
            database: db.kind,
            ratio: ratio === null ? null : Math.round(ratio * 100) / 100,
            cpuRatio,
            hub: hubRes,
            relay: relayRes,
          };
        } finally {
          await db.drop();
        }
      }),
    );
  }
  return { runs: out };
}
