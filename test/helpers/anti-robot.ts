/**
 * Passing the anti-robot check as a browser would: fetch a real challenge,
 * solve it with altcha-lib's own solver (the test servers set a low price:
 * ANTI_ROBOT_COST / ANTI_ROBOT_COUNTER_MAX in helpers/server.ts), answer the
 * widget's payload.
 */
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';

/** Encodes a challenge and its solution the way the widget does (base64 JSON). */
export function encodeAntiRobot(challenge: Challenge, solution: unknown): string {
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

/** A solved challenge of the server at `baseUrl`, with the challenge itself (for tests that tamper with it). */
export async function solveAntiRobotChallenge(baseUrl: string): Promise<{ payload: string; challenge: Challenge; solution: unknown }> {
  const res = await fetch(`${baseUrl}/api/anti-robot/challenge`);
  if (res.status !== 200) throw new Error(`anti-robot challenge: ${res.status}`);
  const challenge = (await res.json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 20_000 });
  if (!solution) throw new Error('anti-robot challenge not solved');
  return { payload: encodeAntiRobot(challenge, solution), challenge, solution };
}

/** The widget's answer (the `altcha` field) for one protected form. */
export async function solveAntiRobot(baseUrl: string): Promise<string> {
  return (await solveAntiRobotChallenge(baseUrl)).payload;
}

/** `body` with a fresh solved `altcha` field. */
export async function withAntiRobot<T extends object>(baseUrl: string, body: T): Promise<T & { altcha: string }> {
  return { ...body, altcha: await solveAntiRobot(baseUrl) };
}
