import { createScratchDb, seedChannel, seedMessages, seedUsers } from '../lib/db';
import { startHub, startRelay, relayTokens, withFleets, onRelay, type Fleet, type RunOptions, type System } from '../lib/systems';
import { Hist } from '../lib/hist';
import { log } from '../lib/proc';

/** Options of the history scenario (each one a `--flag`). */
export interface HistoryOptions {
  messages: number;
  requests: number;
  limit: number;
  warmup: number;
}

/** The figures: 50-message pages at 1 000 000 messages. */
export const historyDefaults: HistoryOptions = { messages: 1_000_000, requests: 2000, limit: 50, warmup: 100 };

/** Sequential REST pages and `channel:sync` calls at random points of the channel, after a warm-up. */
async function measure(server: System, client: { token: string; channels: number[] }, channel: number, o: HistoryOptions, fleet: Fleet) {
  try {
    const c = await fleet.connect(server.url, [client]);
    if (c.failed) throw new Error(`${server.kind}: connection failed: ${JSON.stringify(c.errors)}`);
    const gen = fleet.gens[0]!;
    const common = { url: server.url, token: client.token, channelId: channel, maxSeq: o.messages, limit: o.limit, timeoutMs: 10_000 };
    await gen.call('httpBench', { ...common, n: o.warmup });
    await gen.call('syncBench', { ...common, n: o.warmup });
    const [rest, sync] = await server.measured(async () => [
      await gen.call('httpBench', { ...common, n: o.requests }, 600_000),
      await gen.call('syncBench', { ...common, n: o.requests }, 600_000),
    ]);
    const out = {
      rest: { ...Hist.from([rest.hist]).summary(), errors: rest.errors as Record<string, number> },
      sync: { ...Hist.from([sync.hist]).summary(), errors: sync.errors as Record<string, number> },
    };
    log(`${server.kind}: REST p50 ${out.rest.p50} p99 ${out.rest.p99} ms · channel:sync p50 ${out.sync.p50} p99 ${out.sync.p99} ms`);
    return out;
  } finally {
    await fleet.reset();
  }
}

const ratio = (a: number | null, b: number | null) => (a !== null && b ? Math.round((a / b) * 100) / 100 : null);

/**
 * History: a channel of `messages` messages, seeded in bulk; pages of `limit`
 * through REST (random `beforeSeq`, one request in ten for the latest page)
 * and through `channel:sync` (random `afterSeq`). The relay answers canned
 * pages of the same size: the ratio is what the real query costs.
 */
export async function history(o: HistoryOptions, run: RunOptions) {
  return withFleets([{ n: 1, name: 'hist' }], run.maxMs, async ([fleet]) => {
    const relayRes = await onRelay(
      run,
      () => startRelay(run),
      (relay) => measure(relay, relayTokens(1, () => [1])[0]!, 1, o, fleet!),
    );
    const db = await createScratchDb('history');
    try {
      const handle = db.open();
      const [reader] = await seedUsers(handle, 'hist', 1);
      const channel = await seedChannel(handle, 'banc-historique', [reader!.id]);
      const t0 = Date.now();
      await seedMessages(handle, channel, reader!.id, o.messages);
      const seedMs = Date.now() - t0;
      log(`history: ${o.messages} messages seeded in ${seedMs} ms`);
      await handle.destroy();
      const hub = await startHub(db, { ...run, label: `${run.label}-history` });
      let hubRes;
      try {
        hubRes = await measure(hub, { token: reader!.token, channels: [channel] }, channel, o, fleet!);
      } finally {
        await hub.stop();
      }
      return {
        database: db.kind,
        messages: o.messages,
        limit: o.limit,
        requests: o.requests,
        seedMs,
        ratios: {
          restP50: ratio(hubRes.rest.p50, relayRes?.rest.p50 ?? null),
          restP99: ratio(hubRes.rest.p99, relayRes?.rest.p99 ?? null),
          syncP50: ratio(hubRes.sync.p50, relayRes?.sync.p50 ?? null),
          syncP99: ratio(hubRes.sync.p99, relayRes?.sync.p99 ?? null),
        },
        hub: hubRes,
        relay: relayRes,
      };
    } finally {
      await db.drop();
    }
  });
}
