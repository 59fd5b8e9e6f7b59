// The hub's write path without sockets, in a child pinned where the hub runs
// (core 0): sendMessage through the real MessageWriter on the scratch
// database, senders × inflight sends outstanding for durationMs. With it, the
// costs a send pays below Socket.IO: what knex + node-sqlite3 leave of one core.
import pino from 'pino';
import { loadConfig } from '../server/config';
import { openDb } from '../server/database';
import { findUserById, type UserRow } from '../server/db/users';
import { MessageWriter } from '../server/services/chat/message-writer';
import { sendMessage } from '../server/services/chat/messages';
import { announceReady, fatal, serveParent } from './lib/child';

type Plan = { senders: { userId: number; channelId: number }[]; inflight: number; durationMs: number; bodyLen: number };

const db = openDb(loadConfig({ ...process.env, PORT: '0', SEED_DEMO: '0' }));

/** Wall time of `n` awaits of `fn`, per call, in µs. */
async function perCall(n: number, fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn();
  return Math.round(((performance.now() - t0) * 1000) / n);
}

async function writePath(plan: Plan) {
  const writer = new MessageWriter(db, pino({ level: 'silent' }));
  const actors = new Map<number, UserRow>();
  for (const s of plan.senders) actors.set(s.userId, (await findUserById(db, s.userId))!);
  const body = 'x'.repeat(plan.bodyLen);
  let sent = 0;
  let failed = 0;
  const end = Date.now() + plan.durationMs;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    plan.senders.flatMap((s) =>
      Array.from({ length: plan.inflight }, async (_, k) => {
        while (Date.now() < end) {
          await sendMessage(db, writer, actors.get(s.userId)!, {
            channelId: s.channelId,
            body,
            clientMsgId: `storage-${k}-${sent + failed}`,
          }).then(
            () => sent++,
            () => failed++,
          );
        }
      }),
    ),
  );
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return {
    sent,
    failed,
    perSec: Math.round(sent / (wallMs / 1000)),
    cpuUsPerMessage: sent ? Math.round((cpu.user + cpu.system) / sent) : null,
    cpuShare: Math.round(((cpu.user + cpu.system) / 1000 / wallMs) * 100) / 100,
    // The floor under any statement: one round trip through knex and node-sqlite3's thread pool.
    selectOneRoundTripUs: await perCall(500, () => db.raw('SELECT 1')),
  };
}

serveParent({ run: (m) => writePath(m.plan as Plan) }, () => db.destroy());
announceReady({ pid: process.pid });
process.on('uncaughtException', fatal);
