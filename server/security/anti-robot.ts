/**
 * The anti-robot check: a proof of work (altcha v2, PBKDF2/SHA-256) the
 * browser solves in web workers of our own origin; no third party is called.
 * `createAntiRobotChallenge` signs a challenge with an HMAC key only the
 * server knows; `checkAntiRobot` verifies a form's answer and spends it
 * (single use on every node: the database remembers it until it expires).
 * Any public form drops in `<mai-anti-robot>` on the client and one call here.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { createChallenge, randomInt, verifySolution, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { Knex } from 'knex';
import type { Config } from '../config';
import type { AntiRobotChallenge, AntiRobotErrorCode } from '../protocol/anti-robot';
import { AppError } from '../errors';
import { purgeSpentChallenges, spendChallenge } from '../db/anti-robot-spent';

const ALGORITHM = 'PBKDF2/SHA-256';
const KEY_FILE = 'anti-robot.key';

/** The HMAC secrets, per config (read or created once per process). */
const secrets = new WeakMap<Config, Promise<{ challenge: string; key: string }>>();

/** ANTI_ROBOT_SECRET, or a random key written once to $DATA_DIR/anti-robot.key (0600) and reused after restarts. */
async function loadSecrets(config: Config): Promise<{ challenge: string; key: string }> {
  let master = config.antiRobot.secret;
  if (!master) {
    const file = path.join(config.dataDir, KEY_FILE);
    try {
      master = (await fs.readFile(file, 'utf8')).trim();
    } catch {
      await fs.mkdir(config.dataDir, { recursive: true });
      // 'wx': if another process wrote it first, read theirs so both sign alike.
      await fs.writeFile(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' }).catch(() => {});
      master = (await fs.readFile(file, 'utf8')).trim();
    }
  }
  // Two keys from one: the challenge's signature and the expected answer's signature (fast verification).
  const derive = (label: string) => crypto.createHmac('sha256', master!).update(label).digest('hex');
  return { challenge: derive('maillage anti-robot challenge'), key: derive('maillage anti-robot key') };
}

function secretsFor(config: Config) {
  let s = secrets.get(config);
  if (!s) {
    s = loadSecrets(config);
    secrets.set(config, s);
  }
  return s;
}

/** A fresh signed challenge; its price and lifetime come from the config. */
export async function createAntiRobotChallenge(config: Config): Promise<AntiRobotChallenge> {
  const { cost, counterMax, expirySeconds } = config.antiRobot;
  const { challenge, key } = await secretsFor(config);
  const created = await createChallenge({
    algorithm: ALGORITHM,
    cost,
    counter: randomInt(counterMax, Math.max(1, Math.floor(counterMax / 4))),
    deriveKey,
    expiresAt: Math.max(1, Math.floor(Date.now() / 1000) + expirySeconds),
    hmacSignatureSecret: challenge,
    hmacKeySignatureSecret: key,
  });
  return created as AntiRobotChallenge;
}

/** The widget's answer once decoded: base64 of `{ challenge, solution }`. */
const payloadSchema = z.object({
  challenge: z.object({
    parameters: z
      .object({
        algorithm: z.literal(ALGORITHM),
        nonce: z.string().regex(/^[0-9a-f]{8,64}$/),
        salt: z.string().max(256),
        cost: z.number().int().positive(),
        keyLength: z.number().int().positive().max(64),
        keyPrefix: z.string().max(128),
        expiresAt: z.number().int().positive(),
      })
      .loose(),
    signature: z.string().max(256),
  }),
  solution: z.object({ counter: z.number(), derivedKey: z.string().max(256), time: z.number().optional() }),
});

const MESSAGES: Record<AntiRobotErrorCode, string> = {
  anti_robot_required: 'La vérification anti-robot est requise : attendez la fin de la vérification, puis envoyez à nouveau.',
  anti_robot_invalid: 'La vérification anti-robot a échoué. Relancez-la, puis envoyez à nouveau.',
  anti_robot_expired: 'La vérification anti-robot a expiré. Relancez-la, puis envoyez à nouveau.',
  anti_robot_replayed: 'Cette vérification anti-robot a déjà servi. Relancez-la, puis envoyez à nouveau.',
};

/** 400 with the French text under the form's `altcha` field, so the form shows it there. */
export function antiRobotError(code: AntiRobotErrorCode): AppError {
  return new AppError(code, 400, MESSAGES[code], { fields: { altcha: MESSAGES[code] } });
}

function decode(payload: string): z.infer<typeof payloadSchema> | null {
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Verifies a form's `altcha` answer and spends it; throws the contract's
 * anti_robot_* error (400) when it is missing, wrong, expired or already used.
 */
export async function checkAntiRobot(deps: { db: Knex; config: Config }, payload: string | undefined | null): Promise<void> {
  if (!payload) throw antiRobotError('anti_robot_required');
  const decoded = decode(payload);
  if (!decoded) throw antiRobotError('anti_robot_invalid');
  const { challenge, key } = await secretsFor(deps.config);
  const result = await verifySolution({
    challenge: decoded.challenge as Challenge,
    solution: decoded.solution,
    deriveKey,
    hmacSignatureSecret: challenge,
    hmacKeySignatureSecret: key,
  }).catch(() => null);
  if (result?.expired) throw antiRobotError('anti_robot_expired');
  if (!result?.verified) throw antiRobotError('anti_robot_invalid');
  const now = new Date();
  await purgeSpentChallenges(deps.db, now);
  const expiresAt = new Date(decoded.challenge.parameters.expiresAt * 1000);
  if (!(await spendChallenge(deps.db, decoded.challenge.parameters.nonce, expiresAt))) throw antiRobotError('anti_robot_replayed');
}
