import { expect } from 'chai';
import { api } from './http';
import { peopleOn } from './people';
import type { TestServer } from './server';

/** Creates a group through the API (the creator must be an animator or admin) and answers it. */
export async function createGroup(
  url: string,
  token: string,
  o: { name?: string; visibility?: 'public' | 'moderated' | 'private'; description?: string; parentId?: number } = {},
) {
  const res = await api(url, { token }).post('/api/groups', {
    name: o.name ?? `Groupe ${Math.random().toString(36).slice(2, 8)}`,
    description: o.description ?? 'Un groupe de travail.',
    visibility: o.visibility ?? 'public',
    ...(o.parentId ? { parentId: o.parentId } : {}),
  });
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  return res.body as { id: number; name: string; channelId: number; visibility: string };
}

/** Makes a user a member of a group through the API: joins a public group, or invites then accepts. */
export async function addToGroup(
  url: string,
  ownerToken: string,
  groupId: number,
  user: { user: { id: number }; token: string },
): Promise<void> {
  const group = (await api(url, { token: ownerToken }).get(`/api/groups/${groupId}`)).body;
  if (group.visibility === 'public') {
    expect((await api(url, { token: user.token }).post(`/api/groups/${groupId}/join`)).status).to.equal(200);
    return;
  }
  const inv = await api(url, { token: ownerToken }).post(`/api/groups/${groupId}/invitations`, { userId: user.user.id });
  expect(inv.status, JSON.stringify(inv.body)).to.equal(201);
  expect((await api(url, { token: user.token }).post(`/api/groups/${groupId}/invitations/accept`)).status).to.equal(200);
}

/** The cast of the group tests: an animator (who creates the groups) and three members of no group yet, each with a live socket. */
export async function groupsCast(s: TestServer) {
  const { person } = peopleOn(s);
  return {
    anim: await person({ role: 'animator', firstName: 'Annie', lastName: 'Mateur' }),
    alice: await person({ firstName: 'Alice', lastName: 'Martin' }),
    bob: await person({ firstName: 'Bob', lastName: 'Durand' }),
    outsider: await person({ firstName: 'Oscar', lastName: 'Dehors' }),
  };
}
