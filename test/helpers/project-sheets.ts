/** Project sheets in tests: créateurs, professionals and a sheet made through the API. */
import type { Db } from '../../server/database';
import { makeUserWithToken, type UserOverrides } from './factories';
import { api } from './http';

/** A user whose account type in force is `type` (as if an admin had validated it). */
export async function makeTyped(db: Db, type: 'createur' | 'professionnel', o: UserOverrides = {}) {
  const p = await makeUserWithToken(db, o);
  await db('users').where({ id: p.user.id }).update({ account_type: type });
  return { ...p, user: { ...p.user, account_type: type } };
}

export const makeCreator = (db: Db, o: UserOverrides = {}) => makeTyped(db, 'createur', o);
export const makeProfessional = (db: Db, o: UserOverrides = {}) => makeTyped(db, 'professionnel', o);

/** A sheet of the creator's (201 expected). */
export async function createSheet(url: string, token: string, body: Record<string, unknown> = {}) {
  const res = await api(url, { token }).post('/api/project-sheets', {
    title: 'Épicerie vrac',
    summary: 'Une épicerie sans emballage.',
    stage: 'etude',
    departmentCode: '33',
    needs: ['financement', 'local'],
    description: 'Ouverture prévue au printemps.',
    ...body,
  });
  if (res.status !== 201) throw new Error(`sheet not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: number; version: number };
}

/** Shares a sheet with an address (201 expected); answers the share. */
export async function shareWith(url: string, token: string, sheetId: number, email: string) {
  const res = await api(url, { token }).post(`/api/project-sheets/${sheetId}/shares`, { email });
  if (res.status !== 201) throw new Error(`share refused: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: number; status: string };
}
