import crypto from 'node:crypto';
import { emitAck } from './sockets';
import type { Person } from './people';

export { person, type Person } from './people';

/** Opens a hotline request over the socket and answers the ack. */
export async function openRequest(p: Person, subject = 'Problème de connexion', extra: Record<string, unknown> = {}) {
  return emitAck(p.socket, 'hotline:open', {
    subject,
    body: `Bonjour, ${subject.toLowerCase()}.`,
    clientMsgId: crypto.randomUUID(),
    ...extra,
  });
}

/** Polls a condition until it holds (for state reached after a grace period); fails after `ms`. */
export async function until(check: () => Promise<boolean> | boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
