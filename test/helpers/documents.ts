/** The cast of the document bank tests: two groups' banks and who is in them. */
import type { TestServer } from './server';
import { addToGroup, createGroup } from './groups';
import { api } from './http';
import { peopleOn, type Person } from './people';
import { fileForm } from './uploads';

/** Who the document tests talk about. */
export interface BankCast {
  /** An animator, owner of both groups. */
  owner: Person;
  /** A member of both groups. */
  member: Person;
  /** A member of the private group, not the uploader. */
  other: Person;
  outsider: Person;
  priv: { id: number; channelId: number };
  pub: { id: number; channelId: number };
}

/** Makes the cast on a fresh server (usernames are fixed: once per server). */
export async function bankCast(s: TestServer): Promise<BankCast> {
  const { person } = peopleOn(s);
  const owner = await person({ role: 'animator', username: 'doc.owner' });
  const member = await person({ username: 'doc.member' });
  const other = await person({ username: 'doc.other' });
  const outsider = await person({ username: 'doc.outsider' });
  const priv = await createGroup(s.url, owner.token, { name: 'Banque privée', visibility: 'private' });
  const pub = await createGroup(s.url, owner.token, { name: 'Banque publique', visibility: 'public' });
  for (const p of [member, other]) await addToGroup(s.url, owner.token, priv.id, p);
  await addToGroup(s.url, owner.token, pub.id, member);
  return { owner, member, other, outsider, priv, pub };
}

/** Uploads a file to a group's bank as `p`, with the text fields (title, description, announce…). */
export function uploadDocument(
  s: TestServer,
  p: { token: string },
  groupId: number,
  bytes: Buffer,
  name: string,
  fields: Record<string, string> = {},
) {
  return api(s.url, { token: p.token }).post(`/api/groups/${groupId}/documents`, fileForm(bytes, name, undefined, fields));
}
