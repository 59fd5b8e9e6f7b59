/** The cast of the hub tests (channels, messages, membership), each with a live socket. */
import { expect } from 'chai';
import type { TestServer } from './server';
import { person, type Person } from './people';
import { emitAck } from './sockets';

/** Who the hub tests talk about, and the channels they use. */
export interface HubCast {
  /** alice and bob: département 69, both members of the thematic channel « veille ». */
  alice: Person;
  bob: Person;
  /** Département 33. */
  outsider: Person;
  /** An animator of département 75. */
  animator: Person;
  /** The thematic channel « veille » and the national one. */
  thematic: { id: number };
  general: { id: number };
}

/** Makes the cast on a fresh server (usernames are fixed: once per server). */
export async function hubCast(s: TestServer): Promise<HubCast> {
  const alice = await person(s, { departmentCode: '69', username: 'alice' });
  const bob = await person(s, { departmentCode: '69', username: 'bob' });
  const outsider = await person(s, { departmentCode: '33', username: 'outsider' });
  const animator = await person(s, { departmentCode: '75', role: 'animator', username: 'anim' });
  const thematic = { id: (await s.db('channels').where({ slug: 'theme-veille' }).first()).id as number };
  const general = { id: (await s.db('channels').where({ slug: 'general' }).first()).id as number };
  for (const p of [alice, bob]) expect((await emitAck(p.socket, 'channel:join', { channelId: thematic.id })).ok).to.equal(true);
  return { alice, bob, outsider, animator, thematic, general };
}
