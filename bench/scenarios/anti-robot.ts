/**
 * Anti-robot check: what a challenge costs the server (signing: one PBKDF2 of `cost` iterations for the
 * expected answer), what verifying and spending an answer costs (an HMAC and one insert), and what the
 * proof of work costs a client at the configured price, solved here by altcha-lib's solver on one Node
 * thread (the browser's widget spreads the same work over several workers, and WebCrypto is of the same
 * order: read it as an upper bound for one core). In process, against a scratch database.
 */
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { createScratchDb } from '../lib/db';
import { Hist } from '../lib/hist';
import { log } from '../lib/proc';
import { loadConfig } from '../../server/config';
import { checkAntiRobot, createAntiRobotChallenge } from '../../server/security/anti-robot';

export interface AntiRobotOptions {
  /** PBKDF2 iterations per attempt (ANTI_ROBOT_COST). */
  cost: number;
  /** The highest secret counter (ANTI_ROBOT_COUNTER_MAX). */
  counterMax: number;
  /** Challenges signed and verified (server side). */
  serverRuns: number;
  /** Challenges solved at that price (client side, one thread). */
  solveRuns: number;
}

/** The production defaults of config.ts. */
export const antiRobotDefaults: AntiRobotOptions = { cost: 5000, counterMax: 4000, serverRuns: 200, solveRuns: 5 };

export async function antiRobotBench(o: AntiRobotOptions) {
  const scratch = await createScratchDb('antirobot');
  const db = scratch.open();
  try {
    const config = loadConfig({ DATA_DIR: scratch.dataDir, ANTI_ROBOT_COST: String(o.cost), ANTI_ROBOT_COUNTER_MAX: String(o.counterMax) });
    const create = new Hist();
    const verify = new Hist();
    const solve = new Hist();
    const attempts: number[] = [];
    // Server: sign a challenge at the real price; verify and spend an answer (to a challenge with a tiny
    // counter, so that finding it does not slow the runs: verifying costs the same whatever the counter).
    const cheap = loadConfig({ DATA_DIR: scratch.dataDir, ANTI_ROBOT_COST: String(o.cost), ANTI_ROBOT_COUNTER_MAX: '4' });
    for (let i = 0; i < o.serverRuns; i++) {
      let t = performance.now();
      await createAntiRobotChallenge(config);
      create.add(performance.now() - t);
      const easy = (await createAntiRobotChallenge(cheap)) as Challenge;
      const solution = await solveChallenge({ challenge: easy, deriveKey });
      const payload = Buffer.from(JSON.stringify({ challenge: easy, solution })).toString('base64');
      t = performance.now();
      await checkAntiRobot({ db, config }, payload);
      verify.add(performance.now() - t);
    }
    log(`anti-robot: ${o.serverRuns} challenges signed and answers verified`);
    for (let i = 0; i < o.solveRuns; i++) {
      const challenge = (await createAntiRobotChallenge(config)) as Challenge;
      const t = performance.now();
      const solution = await solveChallenge({ challenge, deriveKey, timeout: 600_000 });
      solve.add(performance.now() - t);
      if (solution) attempts.push(solution.counter);
      log(`anti-robot: solve ${i + 1}/${o.solveRuns} in ${Math.round(performance.now() - t)} ms (counter ${solution?.counter})`);
    }
    return {
      createChallengeMs: create.summary(),
      verifyAndSpendMs: verify.summary(),
      solveOneThreadMs: solve.summary(),
      solveAttempts: attempts,
      database: scratch.kind,
    };
  } finally {
    await db.destroy();
    await scratch.drop();
  }
}
