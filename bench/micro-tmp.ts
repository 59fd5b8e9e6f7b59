import fs from 'node:fs';
import { createScratchDb, seedUsers } from './lib/db';
import { findLiveSessionWithUser } from '../server/db/sessions';
import { membershipKindsOf } from '../server/db/channels';
import { presenceRowsForViewer } from '../server/db/contacts';
import { hashToken } from '../server/services/accounts/passwords';

const mainTicks = () => { const f = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' '); return Number(f[11]) + Number(f[12]); };
const allTicks = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const db = await createScratchDb('micro');
const handle = db.open();
const users = await seedUsers(handle, 'dep', 2000, 'member', '29');
const ids = users.map((u) => u.id);
async function time(label: string, fn: (i: number) => Promise<unknown>, n = 2000) {
  for (let i = 0; i < 200; i++) await fn(i);
  const m0 = mainTicks(), a0 = allTicks(), t0 = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  const m1 = mainTicks(), a1 = allTicks(), t1 = performance.now();
  console.log(label.padEnd(12), 'wall µs', ((t1 - t0) * 1000 / n).toFixed(0), 'main µs', ((m1 - m0) * 10000 / n).toFixed(0), 'all µs', ((a1 - a0) * 1000 / n).toFixed(0));
}
await time('session', (i) => findLiveSessionWithUser(handle, hashToken(users[i % users.length]!.token)));
await time('memberships', (i) => membershipKindsOf(handle, ids[i % ids.length]!));
await time('presence50', (i) => presenceRowsForViewer(handle, ids[i % ids.length]!, ids.slice((i * 7) % 1900, ((i * 7) % 1900) + 50)));
await time('presence1', (i) => presenceRowsForViewer(handle, ids[i % ids.length]!, [ids[(i * 7) % 1900]!]));
const { hotRows } = await import('../server/database');
await time('select1', () => hotRows(handle, 'SELECT 1 AS x', []));
const CTE = `WITH mine AS (SELECT m.channel_id FROM channel_members m JOIN channels c ON c.id = m.channel_id AND c.kind <> 'national' WHERE m.user_id = ?)
SELECT u.id, u.status, u.last_seen_at,
  CASE WHEN u.id <> ? AND EXISTS (SELECT 1 FROM channel_members cm WHERE cm.user_id = u.id AND cm.channel_id IN (SELECT channel_id FROM mine)) THEN 1 ELSE 0 END AS contact
FROM users u WHERE u.id IN (SELECT value FROM json_each(?))`;
await time('cte50', (i) => hotRows(handle, CTE, [ids[i % ids.length]!, ids[i % ids.length]!, JSON.stringify(ids.slice((i * 7) % 1900, ((i * 7) % 1900) + 50))]));
await time('ids50', (i) => hotRows(handle, 'SELECT u.id, u.status, u.last_seen_at FROM users u WHERE u.id IN (SELECT value FROM json_each(?))', [JSON.stringify(ids.slice((i * 7) % 1900, ((i * 7) % 1900) + 50))]));
await handle.destroy();
await db.drop();
