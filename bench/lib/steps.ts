import { Fleet, sleep, type System } from './systems';
import { Hist } from './hist';
import { cpuMs, cpuShare, machineCores, machineTicks, quiet, waitQuiet } from './usage';
import { log } from './proc';

/** Receivers grouped by where they are connected (one group per node). */
export interface ReceiverGroup {
  label: string;
  fleet: Fleet;
  sockets: number;
}

/** How a fan-out climb goes: rates, step length, and what counts as sustainable. */
export interface StepPlan {
  /** Offered deliveries per second of the first step. */
  startRate: number;
  factor: number;
  maxSteps: number;
  /** Extra steps between the last good and the first bad rate. */
  bisect: number;
  stepMs: number;
  drainMs: number;
  bodyLen: number;
  /** A step is sustainable when p99 is under this, with nothing lost and every send acked. */
  p99LimitMs: number;
  /** Extra tries of a failed step before it counts. */
  retries: number;
}

const round = (v: number, d = 0) => Math.round(v * 10 ** d) / 10 ** d;

/** Waits until the receivers got `expected` deliveries of the step, or the deadline. */
async function drain(groups: ReceiverGroup[], step: number, expected: number, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    let n = 0;
    for (const g of groups) n += await g.fleet.count(step);
    if (n >= expected) return;
    await sleep(50);
  }
}

/** Waits until nothing more arrives (a backlog from an overloaded step must not spill into the next). */
async function quiesce(groups: ReceiverGroup[], maxMs: number): Promise<void> {
  const end = Date.now() + maxMs;
  let last = -1;
  while (Date.now() < end) {
    let n = 0;
    for (const g of groups) n += (await g.fleet.totals()).received;
    if (n === last) return;
    last = n;
    await sleep(200);
  }
}

/**
 * One step: the senders send at `rate` messages per second for stepMs; then the
 * deliveries of that step are counted and timed on every receiver.
 */
async function runStep(
  servers: System[],
  senders: Fleet,
  groups: ReceiverGroup[],
  channelId: number,
  step: number,
  msgRate: number,
  plan: StepPlan,
) {
  const receivers = groups.reduce((a, g) => a + g.sockets, 0);
  if (quiet.maxMs > 0) await waitQuiet();
  const before = await Promise.all(servers.map((s) => s.stats()));
  const m0 = machineTicks();
  const tot0 = await Promise.all(groups.map((g) => g.fleet.totals()));
  const t0 = Date.now();
  const sent = await senders.gens[0]!.call(
    'send',
    { channelId, rate: msgRate, durationMs: plan.stepMs, step, bodyLen: plan.bodyLen, timeoutMs: plan.stepMs + plan.drainMs },
    plan.stepMs + plan.drainMs + 30_000,
  );
  const expected = sent.acked * receivers;
  await drain(groups, step, expected, t0 + plan.stepMs + plan.drainMs);
  const wall = Date.now() - t0;
  const after = await Promise.all(servers.map((s) => s.stats()));
  const m1 = machineTicks();
  const tot1 = await Promise.all(groups.map((g) => g.fleet.totals()));
  const perGroup = await Promise.all(groups.map((g) => g.fleet.step(step)));
  const all = Hist.from(perGroup.map((p) => p.hist.data()));
  const first = Math.min(...perGroup.filter((p) => p.hist.n).map((p) => p.first));
  const last = Math.max(...perGroup.filter((p) => p.hist.n).map((p) => p.last));
  const lat = all.summary();
  const lost = Math.max(0, expected - all.n);
  const outOfOrder = tot1.reduce((a, t, i) => a + t.outOfOrder - tot0[i]!.outOfOrder, 0);
  const duplicates = tot1.reduce((a, t, i) => a + t.duplicates - tot0[i]!.duplicates, 0);
  const result = {
    step,
    msgsPerSec: round(msgRate, 2),
    offeredDeliveriesPerSec: Math.round(msgRate * receivers),
    sent: sent.sent as number,
    acked: sent.acked as number,
    sendErrors: sent.errors as Record<string, number>,
    delivered: all.n,
    lost,
    outOfOrder,
    duplicates,
    deliveriesPerSec: all.n && last > first ? Math.round(all.n / ((last - first) / 1000)) : 0,
    latencyMs: lat,
    ackMs: Hist.from([sent.ack]).summary(),
    byNode: groups.length > 1 ? Object.fromEntries(groups.map((g, i) => [g.label, perGroup[i]!.hist.summary()])) : undefined,
    serverCpu: servers.map((s, i) => cpuShare(before[i]!, after[i]!, wall)),
    serverCpuUsPerDelivery: all.n
      ? Math.round(((servers.reduce((a, _, i) => a + cpuMs(before[i]!, after[i]!), 0) * 1000) / all.n) * 10) / 10
      : null,
    machineCoresBusy: machineCores(m0, m1),
    sustainable: lat.p99 !== null && lat.p99 < plan.p99LimitMs && lost === 0 && sent.failed === 0 && sent.acked > 0,
  };
  log(
    `  step ${step}: ${result.offeredDeliveriesPerSec} deliveries/s offered, ${result.deliveriesPerSec} got, p50 ${lat.p50} p99 ${lat.p99} ms, lost ${lost}, cpu ${result.serverCpu.join('/')} → ${result.sustainable ? 'ok' : 'over'}`,
  );
  await quiesce(groups, 15_000);
  return result;
}

/** The figures of one step. */
export type StepResult = Awaited<ReturnType<typeof runStep>>;

/**
 * Steps the offered rate up by `factor` until a step is not sustainable (or
 * maxSteps), then bisects between the last good and the first bad rate. A
 * failed step is tried `retries` more times before it counts as the ceiling
 * (a neighbour's burst on a shared machine must not end the climb).
 * Answers every step, the best sustainable one, and the server CPU it took.
 */
export async function stepUp(servers: System[], senders: Fleet, groups: ReceiverGroup[], channelId: number, plan: StepPlan) {
  const receivers = groups.reduce((a, g) => a + g.sockets, 0);
  const steps: StepResult[] = [];
  const attempt = async (rate: number) => {
    for (let k = 0; ; k++) {
      const r = await runStep(servers, senders, groups, channelId, steps.length + 1, rate / receivers, plan);
      steps.push(r);
      if (r.sustainable || k >= plan.retries) return r.sustainable;
    }
  };
  let good = 0;
  let bad = 0;
  // At least two messages a second, so that a step of a big channel still sends a fair number of them.
  let rate = Math.max(plan.startRate, 2 * receivers);
  for (let i = 0; i < plan.maxSteps; i++) {
    if (!(await attempt(rate))) {
      bad = rate;
      break;
    }
    good = rate;
    rate *= plan.factor;
  }
  for (let i = 0; bad && good && i < plan.bisect; i++) {
    const mid = Math.sqrt(good * bad);
    if (await attempt(mid)) good = mid;
    else bad = mid;
  }
  const best = steps.filter((s) => s.sustainable).sort((a, b) => b.deliveriesPerSec - a.deliveriesPerSec)[0] ?? null;
  const cpuUs = best?.serverCpuUsPerDelivery ?? null;
  return {
    maxSustainableDeliveriesPerSec: best?.deliveriesPerSec ?? 0,
    atStep: best?.step ?? null,
    ceilingReached: !bad,
    /** Server CPU per delivery at that step, and the deliveries one fully busy core would make at that cost. */
    serverCpuUsPerDelivery: cpuUs,
    deliveriesPerServerCoreSecond: cpuUs ? Math.round(1e6 / cpuUs) : null,
    steps: steps.sort((a, b) => a.step - b.step),
  };
}
