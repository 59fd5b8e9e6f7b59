import { createScratchDb, seedUsers } from '../lib/db';
import { startHub, startRelay, relayTokens, sleep, withFleets, onRelay, type Fleet, type RunOptions, type System } from '../lib/systems';
import { cpuMs } from '../lib/usage';
import { log } from '../lib/proc';

/** Options of the login-burst scenario (each one a `--flag`). */
export interface BurstOptions {
  /** Members of one département connecting during the ramp. */
  count: number;
  rampMs: number;
  /** Users whose presence each arriving socket shows (`presence:subscribe`: a screen's worth of the département). */
  subscribe: number;
  /** Messages per second in a small channel, from before the ramp until `tailMs` after it. */
  msgRate: number;
  tailMs: number;
  /** Receivers of those messages (connected before the ramp). */
  listeners: number;
  perGen: number;
  concurrency: number;
}

/** The figures: 10 000 members of one département over 30 s, then 5 messages/s. */
export const burstDefaults: BurstOptions = {
  count: 10_000,
  rampMs: 30_000,
  subscribe: 50,
  msgRate: 5,
  tailMs: 30_000,
  listeners: 10,
  perGen: 2500,
  concurrency: 200,
};

type Client = { token: string; channels: number[]; subscribe?: number[] };

/**
 * Listeners and a sender in a small channel; messages at `msgRate`, one "step" per second, while `count`
 * members arrive over `rampMs` (each subscribing to `subscribe` others), and `tailMs` after. Answers the
 * p99 of each second, the time after the ramp's end until p99 stays under 100 ms, and the server's CPU.
 */
async function measure(server: System, probes: Client[], arrivals: Client[], channel: number, o: BurstOptions, [probe, ramp]: Fleet[]) {
  try {
    const p = await probe!.connect(server.url, probes, { concurrency: 10 });
    if (p.failed) throw new Error(`${server.kind}: probe sockets failed: ${JSON.stringify(p.errors)}`);
    await sleep(1000);
    // With --profile, the hub's CPU profile covers the ramp and its tail (bench/lib/systems.ts#measured).
    const { before, after, admitted, seconds, rampEndedAt } = await server.measured(async () => {
      const before = await server.stats();
      const t0 = Date.now();
      let rampDone = false;
      const arriving = ramp!
        .connect(server.url, arrivals, { rate: (arrivals.length * 1000) / o.rampMs, concurrency: o.concurrency, timeoutMs: 120_000 })
        .finally(() => (rampDone = true));
      const seconds: { second: number; sentAtMs: number }[] = [];
      let rampEndedAt: number | null = null as number | null;
      // One step per second of sending, until tailMs after the ramp has admitted everyone.
      for (let s = 1; ; s++) {
        seconds.push({ second: s, sentAtMs: Date.now() - t0 });
        await probe!.gens[0]!.call(
          'send',
          { channelId: channel, rate: o.msgRate, durationMs: 1000, step: s, bodyLen: 140, timeoutMs: 60_000 },
          120_000,
        );
        if (rampDone && rampEndedAt === null) rampEndedAt = Date.now() - t0;
        if (rampEndedAt !== null && Date.now() - t0 - rampEndedAt >= o.tailMs) break;
        if (Date.now() - t0 > 10 * 60_000) break;
      }
      const admitted = await arriving;
      await sleep(3000);
      const after = await server.stats();
      return { before, after, admitted, seconds, rampEndedAt };
    });
    const perSecond = await Promise.all(seconds.map(async (x) => ({ ...x, p99: (await probe!.step(x.second)).hist.summary().p99 })));
    // From the ramp's end: the first second from which every later second has p99 < 100 ms.
    let settledAt: number | null = null;
    for (let i = perSecond.length - 1; i >= 0; i--) {
      if (perSecond[i]!.p99 === null || perSecond[i]!.p99! >= 100) break;
      settledAt = perSecond[i]!.sentAtMs;
    }
    const msUntilP99Under100AfterRamp = settledAt === null ? null : Math.max(0, settledAt - (rampEndedAt ?? 0));
    const serverCpuMs = Math.round(cpuMs(before, after));
    log(
      `${server.kind}: ${admitted.connected} arrivals admitted in ${Math.round(admitted.elapsedMs)} ms (${admitted.failed} failed); p99 < 100 ms ${msUntilP99Under100AfterRamp ?? 'never'} ms after the ramp; CPU ${serverCpuMs} ms`,
    );
    return {
      arrivals: admitted.connected,
      failed: admitted.failed,
      errors: admitted.errors,
      admittedInMs: Math.round(admitted.elapsedMs),
      readyMs: admitted.ready.summary(),
      rampEndedAtMs: rampEndedAt,
      msUntilP99Under100AfterRamp,
      serverCpuMs,
      p99BySecond: perSecond.map((x) => [Math.round(x.sentAtMs / 100) / 10, x.p99]),
    };
  } finally {
    await Promise.all([probe!.reset(), ramp!.reset()]);
  }
}

/** The morning login burst: the relay, then the hub, with the same arrivals and probe messages. */
export async function burst(o: BurstOptions, run: RunOptions) {
  const specs = [
    { n: 1, name: 'probe' },
    { n: Math.max(1, Math.ceil(o.count / o.perGen)), name: 'arrive' },
  ];
  return withFleets(specs, run.maxMs, async (fleets) => {
    const pick = (i: number, n: number) => Array.from({ length: Math.min(o.subscribe, n - 1) }, (_, k) => ((i + 1 + k * 7) % n) + 1);
    const relayRes = await onRelay(
      run,
      () => startRelay(run),
      (relay) =>
        measure(
          relay,
          relayTokens(o.listeners + 1, () => [1]),
          relayTokens(o.count, () => [2]).map((c, i) => ({ ...c, subscribe: pick(i, o.count) })),
          1,
          o,
          fleets,
        ),
    );
    const db = await createScratchDb('burst');
    try {
      const handle = db.open();
      const members = await seedUsers(handle, 'dep', o.count, 'member', '29');
      const probes = await seedUsers(handle, 'probe', o.listeners + 1, 'member', '2A');
      const now = new Date();
      const [row] = await handle('channels')
        .insert({ kind: 'thematic', name: 'Banc rafale', slug: 'banc-rafale', last_seq: 0, created_at: now })
        .returning('id');
      const channel = Number(typeof row === 'object' ? row.id : row);
      await handle('channel_members').insert(probes.map((p) => ({ channel_id: channel, user_id: p.id, joined_at: now })));
      await handle.destroy();
      const hub = await startHub(db, { ...run, label: `${run.label}-burst` });
      let hubRes;
      try {
        const ids = members.map((m) => m.id);
        hubRes = await measure(
          hub,
          probes.map((p) => ({ token: p.token, channels: [channel] })),
          members.map((m, i) => ({ token: m.token, channels: [], subscribe: pick(i, ids.length).map((k) => ids[k - 1]!) })),
          channel,
          o,
          fleets,
        );
      } finally {
        await hub.stop();
      }
      const cpuRatio = relayRes && relayRes.serverCpuMs > 0 ? Math.round((hubRes.serverCpuMs / relayRes.serverCpuMs) * 100) / 100 : null;
      return { database: db.kind, count: o.count, rampMs: o.rampMs, subscribe: o.subscribe, cpuRatio, hub: hubRes, relay: relayRes };
    } finally {
      await db.drop();
    }
  });
}
