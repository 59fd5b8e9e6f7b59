import { createScratchDb, seedChannel, seedUsers, type ScratchDb } from '../lib/db';
import { startHub, startRelay, relayTokens, sleep, withFleets, onRelay, type Fleet, type RunOptions, type System } from '../lib/systems';
import { Hist } from '../lib/hist';
import { cpuMs, cpuShare, machineCores, machineTicks } from '../lib/usage';
import { log, startChild } from '../lib/proc';

/** Options of the durable-sends scenario (each one a `--flag`). */
export interface DurableOptions {
  senders: number;
  /** Listeners: each follows the channels of senders/listeners senders. */
  listeners: number;
  inflight: number;
  durationMs: number;
  bodyLen: number;
  /** Sender sockets per generator process. */
  perGen: number;
}

/** The figures: 50 senders, 2 in flight each, 10 listeners. */
export const durableDefaults: DurableOptions = { senders: 50, listeners: 10, inflight: 2, durationMs: 10_000, bodyLen: 140, perGen: 25 };

type Client = { token: string; channels: number[]; target?: number };

/** Senders keep `inflight` acked sends outstanding for durationMs; listeners count what reaches them. */
async function measure(server: System, senders: Client[], listeners: Client[], o: DurableOptions, [send, listen]: Fleet[]) {
  if (!send || !listen) throw new Error('fleets missing');
  try {
    const s = await send.connect(server.url, senders, { concurrency: 25 });
    const l = await listen.connect(server.url, listeners, { concurrency: 25 });
    if (s.failed || l.failed) throw new Error(`${server.kind}: connections failed: ${JSON.stringify({ ...s.errors, ...l.errors })}`);
    await sleep(500);
    const before = await server.stats();
    const m0 = machineTicks();
    const t0 = Date.now();
    const parts = await server.measured(() =>
      Promise.all(
        send.gens.map((g) =>
          g.call(
            'closedLoop',
            { inflight: o.inflight, durationMs: o.durationMs, step: 1, bodyLen: o.bodyLen, timeoutMs: 30_000 },
            o.durationMs + 60_000,
          ),
        ),
      ),
    );
    const wall = Date.now() - t0;
    const after = await server.stats();
    const m1 = machineTicks();
    const acked = parts.reduce((a, p) => a + p.acked, 0) as number;
    const failed = parts.reduce((a, p) => a + p.failed, 0) as number;
    const perChannel: Record<number, number> = {};
    for (const p of parts)
      for (const [k, v] of Object.entries(p.perChannel as Record<string, number>)) perChannel[Number(k)] = (perChannel[Number(k)] ?? 0) + v;
    // Each channel has one listener: together they should get every acked message.
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && (await listen.count(1)) < acked) await sleep(50);
    const heard = await listen.step(1);
    const errors: Record<string, number> = {};
    for (const p of parts) for (const [k, v] of Object.entries(p.errors as Record<string, number>)) errors[k] = (errors[k] ?? 0) + v;
    const elapsed = Math.max(...parts.map((p) => p.elapsedMs as number));
    const totals = await listen.totals();
    log(`${server.kind}: ${acked} acked in ${Math.round(elapsed)} ms → ${Math.round(acked / (elapsed / 1000))}/s, ${failed} failed`);
    return {
      senders: s.connected,
      listeners: l.connected,
      acked,
      failed,
      errors,
      ackedPerSec: Math.round(acked / (elapsed / 1000)),
      ackMs: Hist.from(parts.map((p) => p.ack)).summary(),
      listenerDeliveries: heard.hist.n,
      listenerLost: Math.max(0, acked - heard.hist.n),
      listenerOutOfOrder: totals.outOfOrder,
      deliveryMs: heard.hist.summary(),
      serverCpu: cpuShare(before, after, wall),
      // CPU per acked message: unlike throughput, it holds when other processes share the machine.
      serverCpuMsPerAck: acked ? Math.round((cpuMs(before, after) / acked) * 1000) / 1000 : null,
      machineCoresBusy: machineCores(m0, m1),
      perChannel,
    };
  } finally {
    await Promise.all([send.reset(), listen.reset()]);
  }
}

/**
 * The write path alone (sendMessage through the writer, no sockets) on the same
 * database and core as the hub: the ceiling the storage leaves to the hub.
 */
async function writePathAlone(db: ScratchDb, senders: { userId: number; channelId: number }[], o: DurableOptions, run: RunOptions) {
  const child = startChild('storage-child.ts', { name: 'storage', role: 'server', maxMs: run.maxMs, env: db.env });
  try {
    await child.ready;
    const r = await child.call(
      'run',
      { plan: { senders, inflight: o.inflight, durationMs: o.durationMs, bodyLen: o.bodyLen } },
      o.durationMs + 60_000,
    );
    log(`storage only: ${r.perSec} sends/s, ${r.cpuUsPerMessage} µs CPU each; SELECT 1 round trip ${r.selectOneRoundTripUs} µs`);
    return r;
  } finally {
    await child.stop();
  }
}

/**
 * Durable sends: `senders` members, each writing in a channel of their own
 * that one of the `listeners` follows, every sender keeping `inflight` acked
 * sends outstanding: each message reaches two sockets (its author's and a
 * listener's), so the figure is the write path's rather than fan-out's.
 * On the hub, the rows in the database must equal the acks, with gap-free seqs.
 */
export async function durable(o: DurableOptions, run: RunOptions) {
  // One channel per sender (its own conversation); listener j follows the channels of senders j, j+L, j+2L…
  const listenerOf = (i: number) => i % o.listeners;
  const followed = (j: number) => Array.from({ length: o.senders }, (_, i) => i).filter((i) => listenerOf(i) === j);
  const specs = [
    { n: Math.max(1, Math.ceil(o.senders / o.perGen)), name: 'dsend' },
    { n: 1, name: 'dlisten' },
  ];
  return withFleets(specs, run.maxMs, async (fleets) => {
    const senders = relayTokens(
      o.senders,
      (i) => [i + 1],
      (i) => i + 1,
    );
    const relayRes = await onRelay(
      run,
      () => startRelay(run),
      (relay) =>
        measure(
          relay,
          senders,
          relayTokens(o.listeners, (j) => followed(j).map((i) => i + 1)),
          o,
          fleets,
        ),
    );
    const db = await createScratchDb('durable');
    try {
      const handle = db.open();
      const writers = await seedUsers(handle, 'dsnd', o.senders);
      const listeners = await seedUsers(handle, 'dlst', o.listeners);
      const channels: number[] = [];
      for (let i = 0; i < o.senders; i++) {
        channels.push(await seedChannel(handle, `banc-durable-${i}`, [writers[i]!.id, listeners[listenerOf(i)]!.id]));
      }
      await handle.destroy();
      const hub = await startHub(db, { ...run, label: `${run.label}-durable` });
      let hubRes;
      try {
        hubRes = await measure(
          hub,
          writers.map((u, i) => ({ token: u.token, channels: [channels[i]!], target: channels[i]! })),
          listeners.map((u, j) => ({ token: u.token, channels: followed(j).map((i) => channels[i]!) })),
          o,
          fleets,
        );
      } finally {
        await hub.stop();
      }
      const check = db.open();
      const rows = (await check('messages')
        .whereIn('channel_id', channels)
        .groupBy('channel_id')
        .select('channel_id')
        .count({ n: '*' })
        .max({ top: 'seq' })) as {
        channel_id: number;
        n: number | string;
        top: number | string;
      }[];
      await check.destroy();
      const storageOnly = await writePathAlone(
        db,
        writers.map((u, i) => ({ userId: u.id, channelId: channels[i]! })),
        o,
        run,
      );
      const stored = rows.reduce((a, r) => a + Number(r.n), 0);
      const gapFree = rows.every((r) => Number(r.n) === Number(r.top));
      const ratio = relayRes?.ackedPerSec ? Math.round((hubRes.ackedPerSec / relayRes.ackedPerSec) * 100) / 100 : null;
      return {
        database: db.kind,
        ratio,
        hub: { ...hubRes, rowsInDatabase: stored, rowsEqualAcks: stored === hubRes.acked, seqGapFree: gapFree },
        relay: relayRes,
        storageOnly,
      };
    } finally {
      await db.drop();
    }
  });
}
