/** The server's VAPID keys: generated at first start and kept in DATA_DIR, so subscriptions survive restarts. */
import fs from 'node:fs';
import path from 'node:path';
import webpush from 'web-push';

/** The key pair push services check our messages against. */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/**
 * Reads `$DATA_DIR/vapid.json`, or generates the pair and writes it there (owner-only, created
 * exclusively: of two nodes starting at once on a shared DATA_DIR, both end up with the first one's keys).
 */
export function loadVapidKeys(dataDir: string): VapidKeys {
  const file = path.join(dataDir, 'vapid.json');
  const read = (): VapidKeys | null => {
    try {
      const k = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<VapidKeys>;
      return k.publicKey && k.privateKey ? { publicKey: k.publicKey, privateKey: k.privateKey } : null;
    } catch {
      return null;
    }
  };
  const existing = read();
  if (existing) return existing;
  fs.mkdirSync(dataDir, { recursive: true });
  const fresh = webpush.generateVAPIDKeys();
  try {
    fs.writeFileSync(file, JSON.stringify(fresh), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return read() ?? fresh;
}
