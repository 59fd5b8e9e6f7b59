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
  thematicId: number;
  generalId: number;
}

/** Makes the cast on a fresh server (usernames are fixed: once per server). */
export async function hubCast(s: TestServer): Promise<HubCast> {
  const alice = await person(s, { departmentCode: '69', username: 'alice' });
  const bob = await person(s, { departmentCode: '69', username: 'bob' });
  const outsider = await person(s, { departmentCode: '33', username: 'outsider' });
  const animator = await person(s, { departmentCode: '75', role: 'animator', username: 'anim' });
  const thematicId = (await s.db('channels').where({ slug: 'theme-veille' }).first()).id;
  const generalId = (await s.db('channels').where({ slug: 'general' }).first()).id;
  for (const p of [alice, bob]) expect((await emitAck(p.socket, 'channel:join', { channelId: thematicId })).ok).to.equal(true);
  return { alice, bob, outsider, animator, thematicId, generalId };
}
