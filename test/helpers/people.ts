/** The people of a test: users with a session token and a live socket. */
import type { Socket } from 'socket.io-client';
import type { UserRow } from '../../server/db/users';
import type { TestServer } from './server';
import { makeUserWithToken, type UserOverrides } from './factories';
import { uniqueDepartment } from './contacts';
import { api } from './http';
import { connect, emitAck } from './sockets';

/** A signed-in user with a live socket. */
export interface Person {
  user: UserRow;
  token: string;
  socket: Socket;
}

/** A user (member by default) with a token and a connected socket (its connect hooks have run). */
export async function person(s: TestServer, o: UserOverrides = {}): Promise<Person> {
  const u = await makeUserWithToken(s.db, o);
  const socket = await connect(s.url, u.token);
  // One acked round-trip: the server has run every connect hook (rooms joined) before it answers.
  await emitAck(socket, 'presence:get', { userIds: [] });
  return { user: u.user, token: u.token, socket };
}

/**
 * A suite's helpers over its server: `person` is in a département of their
 * own (no two share a départemental channel), `as` is someone's REST client.
 */
export function peopleOn(s: TestServer) {
  return {
    person: (o: UserOverrides = {}) => person(s, { departmentCode: uniqueDepartment(), ...o }),
    as: (p: { token: string }) => api(s.url, { token: p.token }),
  };
}
