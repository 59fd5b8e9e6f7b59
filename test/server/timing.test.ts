import { expect } from 'chai';
import { api } from '../helpers/http';
import { makeUser } from '../helpers/factories';
import { useServer } from '../helpers/suite';
import { solveAntiRobot } from '../helpers/anti-robot';

const median = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  return (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
};

/**
 * Runs the two calls back to back (alternating which goes first, so the machine's load weighs on both
 * alike) and answers their median durations and the median of the paired differences (a − b, in ms):
 * the pairing cancels the slow drifts of a shared machine. Runs RUNS pairs, and more (up to MAX_RUNS)
 * while the estimate is not yet within the tolerance: on a busy machine a hash takes 100–300 ms and
 * the estimate needs more samples to settle, while a real leak (a path skipping the hash or a write)
 * stays outside however many runs are added.
 */
async function medians(a: (i: number) => Promise<unknown>, b: (i: number) => Promise<unknown>) {
  const timed = async (fn: (i: number) => Promise<unknown>, i: number) => {
    const t0 = process.hrtime.bigint();
    await fn(i);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  // Warm both paths first (JIT, prepared statements, the dummy hash).
  await a(-1);
  await b(-1);
  const as: number[] = [];
  const bs: number[] = [];
  const summary = () => ({ a: median(as), b: median(bs), diff: median(as.map((t, i) => t - bs[i]!)), runs: as.length });
  for (let i = 0; i < MAX_RUNS; i++) {
    if (i % 2) {
      as.push(await timed(a, i));
      bs.push(await timed(b, i));
    } else {
      bs.push(await timed(b, i));
      as.push(await timed(a, i));
    }
    if (as.length >= RUNS && as.length % 20 === 1) {
      const m = summary();
      if (Math.abs(m.diff) < TOLERANCE_MS && Math.abs(m.a - m.b) < 2 * TOLERANCE_MS) break;
    }
  }
  return summary();
}

/** How far apart the medians may be: a few ms, against a ~50–100 ms hash. */
const TOLERANCE_MS = 5;
const RUNS = 41;
const MAX_RUNS = 201;

describe('no timing leak: register, login and reset take the same time whatever the address', function () {
  this.timeout(600_000);
  const s = useServer({
    configure: (c) => {
      // The budgets would otherwise answer 429 (or, for resets, skip the work) long before the runs end.
      c.rateLimits = { ...c.rateLimits, loginPerIp: 100_000, loginPerAccount: 100_000, resetPerIp: 100_000, resetPerAccount: 100_000 };
      // Likewise the failed logins would soon ask for the anti-robot check (a 400 instead of the 401 measured).
      c.antiRobot = { ...c.antiRobot, loginAfterFailures: 100_000, loginAfterIpFailures: 100_000 };
    },
  });
  let existing: { email: string };
  before(async () => {
    existing = await makeUser(s.db, { email: 'existe@exemple.fr', firstName: 'Irène', lastName: 'Joliot' });
  });
  const check = (what: string, m: { a: number; b: number; diff: number; runs: number }) => {
    console.log(
      `      [timing] ${what}: existing address ${m.a.toFixed(1)} ms, new/unknown ${m.b.toFixed(1)} ms, paired difference ${m.diff.toFixed(1)} ms (medians of ${m.runs} pairs)`,
    );
    expect(Math.abs(m.diff), `${what}: median paired difference`).to.be.below(TOLERANCE_MS);
    expect(Math.abs(m.a - m.b), `${what}: difference of the medians`).to.be.below(2 * TOLERANCE_MS);
  };

  it('POST /api/auth/register', async () => {
    const signup = (email: string, username: string) => ({
      email,
      password: 'Polonium-1898',
      firstName: 'Marie',
      lastName: 'Sklodowska',
      username,
      departmentCode: '75',
    });
    const stamp = Date.now().toString(36);
    // The anti-robot answers are solved before the runs, so only the sign-up itself is timed.
    const answers: string[] = [];
    for (let i = 0; i < 2 * MAX_RUNS + 2; i++) answers.push(await solveAntiRobot(s.url));
    const answered = (body: object) => ({ ...body, altcha: answers.pop() });
    const m = await medians(
      async (i) =>
        expect((await api(s.url).post('/api/auth/register', answered(signup(existing.email, `dup.${stamp}.${i + 1}`)))).status).to.equal(
          201,
        ),
      async (i) =>
        expect(
          (await api(s.url).post('/api/auth/register', answered(signup(`neuf.${stamp}.${i + 1}@exemple.fr`, `neuf.${stamp}.${i + 1}`))))
            .status,
        ).to.equal(201),
    );
    check('register', m);
  });

  it('POST /api/auth/login (wrong password vs unknown address)', async () => {
    const m = await medians(
      async () =>
        expect((await api(s.url).post('/api/auth/login', { email: existing.email, password: 'Mauvais-Secret1' })).status).to.equal(401),
      async (i) =>
        expect(
          (await api(s.url).post('/api/auth/login', { email: `personne${i + 1}@exemple.fr`, password: 'Mauvais-Secret1' })).status,
        ).to.equal(401),
    );
    check('login', m);
  });

  it('POST /api/auth/password-reset', async () => {
    const m = await medians(
      async () => expect((await api(s.url).post('/api/auth/password-reset', { email: existing.email })).status).to.equal(202),
      async (i) =>
        expect((await api(s.url).post('/api/auth/password-reset', { email: `inconnu${i + 1}@exemple.fr` })).status).to.equal(202),
    );
    check('password-reset', m);
  });

  it('POST /api/auth/register outside the allowed e-mail domains (#21)', async () => {
    await s.db('signup_email_domains').insert({ domain: 'mairie-ailleurs.fr', created_at: new Date() });
    try {
      const body = (email: string, i: number) => ({
        email,
        password: 'Polonium-1898',
        firstName: 'Marie',
        lastName: 'Sklodowska',
        username: `hors.${i + 2}`,
        departmentCode: '75',
      });
      const refused = async (email: string, i: number) => {
        const res = await api(s.url).post('/api/auth/register', body(email, i));
        expect([res.status, res.body.error.code]).to.deep.equal([400, 'email_domain_not_allowed']);
      };
      const m = await medians(
        (i) => refused(existing.email, i),
        (i) => refused(`hors${i + 2}@exemple.fr`, i),
      );
      check('register outside the allowed domains', m);
    } finally {
      await s.db('signup_email_domains').delete();
    }
  });
});
