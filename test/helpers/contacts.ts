import crypto from 'node:crypto';
import type { Db } from '../../server/database';

const DEPARTMENTS = [...Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, '0')).filter((c) => c !== '20'), '2A', '2B'];
let next = 0;

/** A département no other user of this process got from here: users from it share no départemental channel. */
export function uniqueDepartment(): string {
  return DEPARTMENTS[next++ % DEPARTMENTS.length]!;
}

/** Makes the users contacts: a thematic channel with all of them as members (real rows). Answers its id. */
export async function makeContacts(db: Db, userIds: number[]): Promise<number> {
  const slug = `contacts-${crypto.randomBytes(5).toString('hex')}`;
  const now = new Date();
  const [row] = await db('channels').insert({ kind: 'thematic', name: slug, slug, last_seq: 0, created_at: now }).returning('id');
  const id = Number(typeof row === 'object' ? row.id : row);
  await db('channel_members').insert(userIds.map((user_id) => ({ channel_id: id, user_id, joined_at: now })));
  return id;
}
