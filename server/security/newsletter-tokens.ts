/**
 * The signed token of a newsletter's one-click unsubscribe link: who (user)
 * and from which issue, with an HMAC only the server can make, so the link
 * works without being signed in and cannot be forged for someone else. The key
 * is NEWSLETTER_SECRET, or a random key written once to $DATA_DIR/newsletter.key
 * (several machines: set NEWSLETTER_SECRET, or share DATA_DIR).
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config';

const KEY_FILE = 'newsletter.key';
const keys = new WeakMap<Config, Promise<string>>();

async function loadKey(config: Config): Promise<string> {
  if (process.env.NEWSLETTER_SECRET) return process.env.NEWSLETTER_SECRET;
  const file = path.join(config.dataDir, KEY_FILE);
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    await fs.mkdir(config.dataDir, { recursive: true });
    // 'wx': if another process wrote it first, read theirs so both sign alike.
    await fs.writeFile(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' }).catch(() => {});
    return (await fs.readFile(file, 'utf8')).trim();
  }
}

function keyFor(config: Config): Promise<string> {
  let k = keys.get(config);
  if (!k) {
    k = loadKey(config);
    keys.set(config, k);
  }
  return k;
}

const sign = (key: string, issueId: number, userId: number) =>
  crypto.createHmac('sha256', key).update(`newsletter-unsubscribe:${issueId}:${userId}`).digest('base64url').slice(0, 32);

/** A signer bound to its key (loaded once): the delivery job signs thousands of links. */
export async function unsubscribeSigner(config: Config): Promise<(issueId: number, userId: number) => string> {
  const key = await keyFor(config);
  return (issueId, userId) => `${issueId}-${userId}-${sign(key, issueId, userId)}`;
}

/** The issue and user a token names, or null when it is malformed or its signature is wrong. */
export async function readUnsubscribeToken(config: Config, token: string): Promise<{ issueId: number; userId: number } | null> {
  const m = /^(\d{1,12})-(\d{1,12})-([A-Za-z0-9_-]{32})$/.exec(token);
  if (!m) return null;
  const issueId = Number(m[1]);
  const userId = Number(m[2]);
  const expected = Buffer.from(sign(await keyFor(config), issueId, userId));
  const given = Buffer.from(m[3]!);
  return crypto.timingSafeEqual(expected, given) ? { issueId, userId } : null;
}
