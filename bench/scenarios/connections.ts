import { createScratchDb, channelId, seedUsers } from '../lib/db';
import { startHub, startRelay, relayTokens, sleep, withFleets, onRelay, type Fleet, type RunOptions, type System } from '../lib/systems';
import { log } from '../lib/proc';

/** Options of the connections scenario (each one a `--flag`). */
export interface ConnectionsOptions {
  count: number;
  /** Connections are spread evenly over this time (arrivals, not a burst). */
  rampMs: number;
  /** Sockets per generator process. */
  perGen: number;
  concurrency: number;
  /** Pause before the "after" memory figure. */
  settleMs: number;
}

/** The figures: 10 000 members within 60 s. */
export const connectionsDefaults: ConnectionsOptions = { count: 10_000, rampMs: 40_000, perGen: 2500, concurrency: 200, settleMs: 1000 };

type Client = { token: string; channels: number[] };

/** Server RSS (after GC) before and after `count` authenticated sockets, and connect-time percentiles. */
async function measure(server: System, clients: Client[], o: ConnectionsOptions, fleet: Fleet) {
  try {
    // A few sockets first, so both servers have loaded their code paths before the "before" figure.
    const warm = await fleet.connect(server.url, clients.slice(0, 10), { concurrency: 10 });
    const before = await server.stats(true);
    const c = await server.measured(() =>
      fleet.connect(server.url, clients.slice(10), { rate: ((clients.length - 10) * 1000) / o.rampMs, concurrency: o.concurrency }),
    );
    await sleep(o.settleMs);
    const after = await server.stats(true);
    const n = c.connected;
    const perConn = n ? (after.rss - before.rss) / n : 0;
    log(
      `${server.kind}: ${n + warm.connected} sockets in ${Math.round(c.elapsedMs)} ms, ${c.failed} failed, ${Math.round(perConn / 102.4) / 10} KiB RSS each`,
    );
    return {
      sockets: n + warm.connected,
      failed: c.failed + warm.failed,
      errors: { ...warm.errors, ...c.errors },
      elapsedMs: Math.round(c.elapsedMs),
      connectMs: c.connect.summary(),
      readyMs: c.ready.summary(),
      rssBeforeMB: Math.round((before.rss / 1048576) * 10) / 10,
      rssAfterMB: Math.round((after.rss / 1048576) * 10) / 10,
      heapPerConnKiB: n ? Math.round(((after.heapUsed - before.heapUsed) / n / 1024) * 10) / 10 : 0,
      rssPerConnKiB: Math.round((perConn / 1024) * 10) / 10,
    };
  } finally {
    await fleet.reset();
  }
}

/**
 * Connections: `count` members connecting at an even pace over rampMs, to the
 * relay then to the hub (authenticated, rooms joined, presence announced).
 * "ready" is when an acked no-op answers: the hub has joined the socket's rooms by then.
 */
export async function connections(o: ConnectionsOptions, run: RunOptions) {
  return withFleets([{ n: Math.max(1, Math.ceil(o.count / o.perGen)), name: 'conn' }], run.maxMs, async ([fleet]) => {
    const relayRes = await onRelay(
      run,
      () => startRelay(run),
      (relay) =>
        measure(
          relay,
          relayTokens(o.count, (i) => [1, 2, 3 + (i % 101)]),
          o,
          fleet!,
        ),
    );
    const db = await createScratchDb('connections');
    try {
      const handle = db.open();
      const users = await seedUsers(handle, 'cnx', o.count);
      const ids = { general: await channelId(handle, 'general'), annonces: await channelId(handle, 'annonces') };
      const clients = users.map((u) => ({ token: u.token, channels: [ids.general, ids.annonces] }));
      await handle.destroy();
      const hub = await startHub(db, { ...run, label: `${run.label}-connections` });
      let hubRes;
      try {
        hubRes = await measure(hub, clients, o, fleet!);
      } finally {
        await hub.stop();
      }
      const ratio = relayRes && relayRes.rssPerConnKiB > 0 ? Math.round((hubRes.rssPerConnKiB / relayRes.rssPerConnKiB) * 100) / 100 : null;
      return { database: db.kind, count: o.count, rampMs: o.rampMs, rssPerConnRatio: ratio, hub: hubRes, relay: relayRes };
    } finally {
      await db.drop();
    }
  });
}
