import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(crypto.scrypt) as (pw: string, salt: Buffer, len: number, opts: crypto.ScryptOptions) => Promise<Buffer>;

// scrypt is memory-hard and ships with Node: no native add-on to build. N=2^15, r=8 → 32 MiB a hash.
const PARAMS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LEN = 32;

/** Hashes a password as `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await scrypt(password.normalize('NFC'), salt, KEY_LEN, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** Checks a password against a stored hash in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  });
  return crypto.timingSafeEqual(expected, actual);
}

/** A hash to verify against when the account does not exist, so timing does not tell. */
export const dummyHashPromise = hashPassword(crypto.randomBytes(12).toString('hex'));

const strip = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/**
 * The contract's password rule, as French messages (empty when the password is fine):
 * ≥ 8 characters, an upper-case letter, a digit or special character, and
 * neither the first nor the last name inside it.
 */
export function passwordProblems(password: string, names: { firstName?: string; lastName?: string } = {}): string[] {
  const problems: string[] = [];
  if (password.length < 8) problems.push('Au moins 8 caractères.');
  if (!/\p{Lu}/u.test(password)) problems.push('Au moins une majuscule.');
  if (!/[^\p{L}]/u.test(password)) problems.push('Au moins un chiffre ou un caractère spécial.');
  const pw = strip(password);
  for (const name of [names.firstName, names.lastName]) {
    const n = name ? strip(name.trim()) : '';
    if (n.length >= 2 && pw.includes(n)) {
      problems.push('Ne doit contenir ni votre prénom ni votre nom.');
      break;
    }
  }
  return problems;
}

/** A random opaque token and the hash under which it is stored. */
export function newSecretToken(): { token: string; hash: string } {
  const token = crypto.randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** The password hash of an account made through ProConnect: no password matches it until one is set by a reset. */
export const NO_PASSWORD_HASH = 'oidc$none';
