import crypto from 'node:crypto';
import type { Socket } from 'socket.io-client';
import type { TestServer } from './server';
import { makeUserWithToken, type UserOverrides } from './factories';
import { connect, emitAck } from './sockets';

/** A signed-in user with a live socket. */
export interface Person {
  user: { id: number; username: string; email: string; first_name: string; department_code: string };
  token: string;
  socket: Socket;
}

/** A user (member by default) with a token and a connected socket (its connect hooks have run). */
export async function person(s: TestServer, o: UserOverrides = {}): Promise<Person> {
  const u = await makeUserWithToken(s.db, o);
  const socket = await connect(s.url, u.token);
  // One acked round-trip: the server has run every connect hook (rooms joined) before it answers.
  await emitAck(socket, 'presence:get', { userIds: [] });
  return { user: u.user as Person['user'], token: u.token, socket };
}

/** Opens a hotline request over the socket and answers the ack. */
export async function openRequest(p: Person, subject = 'Problème de connexion', extra: Record<string, unknown> = {}) {
  return emitAck(p.socket, 'hotline:open', { subject, body: `Bonjour, ${subject.toLowerCase()}.`, clientMsgId: crypto.randomUUID(), ...extra });
}

/** Polls a condition until it holds (for state reached after a grace period); fails after `ms`. */
export async function until(check: () => Promise<boolean> | boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
