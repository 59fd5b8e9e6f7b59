// `npm run bench -- <scenario> [--option value …]`: the hub against a bare
// Socket.IO relay, in one run. Prints one JSON summary on stdout and writes it
// under bench/results/. Scenarios: fanout, durable, connections, burst, history,
// twonodes, reports, antirobot, search, newsletter, all; `smoke` runs each of them tiny (CI); `profile <file>`
// summarises a .cpuprofile. Add --profile to write the hub's CPU profile.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_DIR, log, pinning } from './lib/proc';
import { profilesOf, type RunOptions } from './lib/systems';
import { harnessProblems, targets } from './lib/targets';
import { summarizeProfile } from './lib/profile';
import { quiet } from './lib/usage';
import { fanout, fanoutDefaults } from './scenarios/fanout';
import { durable, durableDefaults } from './scenarios/durable';
import { connections, connectionsDefaults } from './scenarios/connections';
import { history, historyDefaults } from './scenarios/history';
import { twonodes, twoNodesDefaults } from './scenarios/twonodes';
import { reportsBench, reportsDefaults } from './scenarios/reports';
import { burst, burstDefaults } from './scenarios/burst';
import { searchBench, searchDefaults } from './scenarios/search';
import { antiRobotBench, antiRobotDefaults } from './scenarios/anti-robot';
import { newsletterBench, newsletterDefaults } from './scenarios/newsletter';

type Scenario = 'fanout' | 'durable' | 'connections' | 'burst' | 'history' | 'twonodes' | 'reports' | 'antirobot' | 'search' | 'newsletter';
const ALL: Scenario[] = [
  'fanout',
  'durable',
  'connections',
  'burst',
  'history',
  'twonodes',
  'reports',
  'antirobot',
  'search',
  'newsletter',
];

/** Tiny settings for `smoke`: every scenario runs end to end in a few seconds. */
const SMOKE = {
  fanout: {
    ...fanoutDefaults,
    members: [40],
    settleMs: 200,
    startRate: 400,
    factor: 2,
    maxSteps: 2,
    bisect: 0,
    retries: 0,
    stepMs: 800,
    drainMs: 8000,
  },
  durable: { ...durableDefaults, senders: 6, listeners: 2, durationMs: 800 },
  connections: { ...connectionsDefaults, count: 100, rampMs: 500, settleMs: 200 },
  burst: { ...burstDefaults, count: 100, rampMs: 300, subscribe: 5, tailMs: 500, listeners: 2 },
  history: { ...historyDefaults, messages: 10_000, requests: 100, warmup: 10 },
  twonodes: {
    ...twoNodesDefaults,
    members: 40,
    settleMs: 200,
    startRate: 400,
    maxSteps: 1,
    bisect: 0,
    retries: 0,
    stepMs: 800,
    drainMs: 8000,
  },
  reports: { ...reportsDefaults, reports: 5000, conseillers: 100, personalRuns: 10, nationalRuns: 3, exportRows: 1000 },
  antirobot: { ...antiRobotDefaults, cost: 10, counterMax: 40, serverRuns: 20, solveRuns: 2 },
  search: { ...searchDefaults, messages: 5000, posts: 500, users: 100, thematic: 3, groups: 5, runs: 10 },
  newsletter: { ...newsletterDefaults, subscribers: 500 },
};
const DEFAULTS = {
  fanout: fanoutDefaults,
  durable: durableDefaults,
  connections: connectionsDefaults,
  burst: burstDefaults,
  history: historyDefaults,
  twonodes: twoNodesDefaults,
  reports: reportsDefaults,
  antirobot: antiRobotDefaults,
  search: searchDefaults,
  newsletter: newsletterDefaults,
};

/** `--key value` pairs: numbers stay numbers, `a,b` becomes a list of numbers, a bare flag is true. */
function parseFlags(argv: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-zA-Z]+)$/.exec(argv[i]!);
    if (!m) throw new Error(`unexpected argument ${argv[i]}`);
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) {
      out[m[1]!] = true;
      continue;
    }
    i++;
    out[m[1]!] = v.includes(',') ? v.split(',').map(Number) : Number.isNaN(Number(v)) ? v : Number(v);
  }
  return out;
}

/** Overrides only the options the scenario has (a typo is an error, not a silent default). */
function options<T extends object>(base: T, flags: Record<string, unknown>): T {
  const o = { ...base } as Record<string, unknown>;
  for (const [k, v] of Object.entries(flags)) {
    if (k === 'profile' || k === 'hubOnly' || k === 'workers' || k === 'relayShape') continue;
    if (!(k in base)) throw new Error(`unknown option --${k} (known: ${Object.keys(base).join(', ')})`);
    o[k] = Array.isArray((base as any)[k]) && !Array.isArray(v) ? [v] : v;
  }
  return o as T;
}

function machine() {
  return {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 1e9),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    pinning: pinning.available ? { server: pinning.server, generators: pinning.gen } : 'taskset unavailable: not pinned',
    database: process.env.DATABASE_URL ? 'postgresql' : 'sqlite',
  };
}

async function runScenario(name: Scenario, o: any, run: RunOptions): Promise<unknown> {
  const label = `${run.label}-${name}`;
  switch (name) {
    case 'fanout':
      return fanout(o, { ...run, label });
    case 'durable':
      return durable(o, { ...run, label });
    case 'connections':
      return connections(o, { ...run, label });
    case 'burst':
      return burst(o, { ...run, label });
    case 'history':
      return history(o, { ...run, label });
    case 'twonodes':
      return twonodes(o, { ...run, label });
    case 'reports':
      return reportsBench(o);
    case 'antirobot':
      return antiRobotBench(o);
    case 'search':
      return searchBench(o);
    case 'newsletter':
      return newsletterBench(o);
  }
}

async function main(): Promise<number> {
  const [cmd = 'all', ...rest] = process.argv.slice(2);
  if (cmd === 'profile') {
    if (!rest[0]) throw new Error('usage: npm run bench -- profile <file.cpuprofile> [top]');
    console.log(JSON.stringify(summarizeProfile(rest[0], Number(rest[1] ?? 25)), null, 2));
    return 0;
  }
  const smoke = cmd === 'smoke';
  if (!smoke && cmd !== 'all' && !ALL.includes(cmd as Scenario)) {
    throw new Error(`unknown scenario "${cmd}": use one of ${[...ALL, 'all', 'smoke', 'profile'].join(', ')}`);
  }
  const flags = parseFlags(rest);
  const scenarios = smoke || cmd === 'all' ? ALL : [cmd as Scenario];
  const budgetMs = smoke ? 480_000 : Number(flags.maxMinutes ?? 90) * 60_000;
  delete flags.maxMinutes;
  // The whole run is bounded: past its budget, every child is killed (by pid) and the run fails.
  setTimeout(() => {
    log(`time budget of ${budgetMs} ms exceeded: stopping`);
    process.exit(1);
  }, budgetMs).unref();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  quiet.maxMs = smoke ? 0 : Number(flags.quiet ?? 0) * 1000;
  delete flags.quiet;
  const run: RunOptions = {
    maxMs: budgetMs + 30_000,
    profile: flags.profile === true,
    hubOnly: flags.hubOnly === true,
    workers: Number(flags.workers ?? 1),
    relayShape: typeof flags.relayShape === 'string' ? flags.relayShape : undefined,
    label: `${cmd}-${stamp}`,
  };
  delete flags.hubOnly;
  delete flags.workers;
  delete flags.relayShape;
  const started = Date.now();
  const results: Record<string, unknown> = {};
  const one = async (s: Scenario) => {
    log(`— ${s} —`);
    const o = smoke ? SMOKE[s] : options(DEFAULTS[s] as object, scenarios.length === 1 ? flags : {});
    const t0 = Date.now();
    const loadBefore = os.loadavg()[0]!;
    const r = (await runScenario(s, o, run)) as object;
    // A load average well above what the bench itself puts on the machine means the figures were shared with others.
    const loadAvg1m = { before: Math.round(loadBefore * 100) / 100, after: Math.round(os.loadavg()[0]! * 100) / 100 };
    results[s] = { options: o, ...r, seconds: Math.round((Date.now() - t0) / 100) / 10, loadAvg1m };
  };
  for (const s of scenarios) await one(s);
  const summary = {
    scenario: cmd,
    startedAt: new Date(started).toISOString(),
    seconds: Math.round((Date.now() - started) / 100) / 10,
    machine: machine(),
    targets: targets(results),
    results,
    profiles: run.profile ? profilesOf(run.label).map((f) => summarizeProfile(f)) : undefined,
  };
  const problems = harnessProblems(results);
  if (problems.length) (summary as any).harnessProblems = problems;
  const dir = path.join(BENCH_DIR, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${cmd}-${summary.machine.database}-${stamp}.json`);
  fs.writeFileSync(file, JSON.stringify(summary, null, 2) + '\n');
  console.log(JSON.stringify(summary, null, 2));
  log(`written to ${path.relative(process.cwd(), file)}`);
  if (smoke && problems.length) {
    log(`smoke: the harness is broken: ${problems.join('; ')}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
