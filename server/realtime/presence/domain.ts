import type { Deps } from '../../deps';
import type { HubServer, HubSharing, HubSocket } from '../hub-types';
import type { RedisHealth } from '../../redis-health';
import type { PresenceBroadcasts } from '../broadcasts/presence';
import { rooms } from '../rooms';
import type { PresenceDomain, PresenceInfo } from './types';
import { iso } from '../../presenters/time';
import { presenceRowsForViewer, presenceRowsOf, recordLastSeen } from '../../db/contacts';
import type { UserRow } from '../../db/users';
import { registerPresenceHandlers } from '../handlers/presence';
import { MemoryPresenceStore } from './memory-store';
import { RedisPresenceStore } from './redis-store';
import { PrimaryPresenceStore } from './primary-store';
import type { PresenceStatus, PresenceStore } from './store';
import { canSeePresence } from '../../access/directory';

/**
 * Presence per user: `online` on the first socket on any node, `away`/`dnd` when
 * the user says so, `offline` once the last socket has been gone for the grace
 * period. Each change goes to the sockets subscribed to the user and to the user's own
 * sockets, gathered per 250 ms window (broadcasts/presence.ts).
 */
export function createPresenceDomain(
  deps: Deps,
  broadcasts: PresenceBroadcasts,
  sharing: HubSharing,
  health?: RedisHealth,
): PresenceDomain {
  const { redis } = sharing;
  const { db, config, log } = deps;
  let io: HubServer | null = null;
  /** Redis down: shared presence is skipped (nothing waits on it) and rebuilt from the live sockets when it is back. */
  const degraded = () => !!health?.degraded;
  const store: PresenceStore = redis
    ? new RedisPresenceStore(redis.cmd, config, log)
    : sharing.clusterWorker
      ? new PrimaryPresenceStore()
      : new MemoryPresenceStore();
  const graceTimers = new Map<number, NodeJS.Timeout>();
  /** Sockets this node has counted, so a socket whose connect failed half-way is never uncounted. */
  const counted = new WeakSet<HubSocket>();
  /** Per-user queue: one user's transitions are stored and broadcast in order on this node. */
  const chains = new Map<number, Promise<void>>();
  let stopped = false;

  const ready = store
    .start({
      offline: (ids) => void wentOffline(ids, new Date()),
      online: (ids) => ids.forEach((id) => void serial(id, () => announce(id, 'online', null))),
    })
    .catch((err) => log.error({ err }, 'presence: store failed to start'));

  function serial(userId: number, fn: () => Promise<void>): Promise<void> {
    const next = (chains.get(userId) ?? Promise.resolve())
      .then(fn)
      .catch((err) => log.error({ err, userId }, 'presence: transition failed'));
    chains.set(userId, next);
    void next.then(() => {
      if (chains.get(userId) === next) chains.delete(userId);
    });
    return next;
  }

  async function announce(userId: number, status: PresenceStatus, lastSeenAt: string | null): Promise<void> {
    if (stopped) return;
    broadcasts.changed(userId, status, lastSeenAt);
  }

  /** Rooms each socket joined for its `presence:subscribe`, to leave when it subscribes anew. */
  const subscribed = new WeakMap<HubSocket, string[]>();

  /** What `actor` may see of these users: the visible ones in the order asked, and which of them are contacts. */
  async function visibility(actor: UserRow, userIds: number[]) {
    const wanted = [...new Set(userIds)];
    const found = await presenceRowsForViewer(db, actor.id, wanted);
    const contacts = new Set(found.filter((r) => r.contact).map((r) => r.id));
    contacts.add(actor.id);
    const rows = found.filter((r) => r.status === 'active' && canSeePresence(actor, contacts.has(r.id)));
    const statuses_ = await statuses(rows.map((r) => r.id));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const presence = wanted.flatMap((id) => {
      const r = byId.get(id);
      if (!r) return [];
      const status = statuses_.get(id) ?? 'offline';
      const lastSeenAt = status === 'offline' && contacts.has(id) ? iso(r.last_seen_at) : null;
      return [{ userId: id, status, lastSeenAt }];
    });
    return { presence, contacts };
  }

  async function wentOffline(userIds: number[], at: Date): Promise<void> {
    await recordLastSeen(db, userIds, at).catch((err) => log.error({ err }, 'presence: last_seen_at not recorded'));
    for (const id of userIds) void serial(id, () => announce(id, 'offline', iso(at)));
  }

  function cancelGrace(userId: number): void {
    const t = graceTimers.get(userId);
    if (t) clearTimeout(t);
    graceTimers.delete(userId);
  }

  function startGrace(userId: number, goneAt: Date): void {
    cancelGrace(userId);
    const t = setTimeout(() => {
      graceTimers.delete(userId);
      void serial(userId, async () => {
        // With Redis the user may have come back on another node: the store re-reads the shared count.
        if (stopped || degraded() || !(await store.expireIfGone(userId))) return;
        await recordLastSeen(db, [userId], goneAt);
        await announce(userId, 'offline', iso(goneAt));
      });
    }, config.presenceGraceMs);
    t.unref();
    graceTimers.set(userId, t);
  }

  /** The store's statuses; while Redis is down, what this node sees: its own connected users online, the others offline. */
  async function statuses(userIds: number[]): Promise<Map<number, PresenceStatus>> {
    if (!degraded()) {
      try {
        return await store.statuses(userIds);
      } catch (err) {
        if (!degraded()) throw err;
      }
    }
    const local = io?.of('/').adapter.rooms;
    return new Map(userIds.map((id) => [id, local?.get(rooms.user(id))?.size ? 'online' : 'offline']));
  }

  /** After an outage: this node's part of the shared presence, rebuilt from the sockets connected now. */
  async function rebuild(): Promise<void> {
    if (stopped || !io || !store.rebuild) return;
    const counts = new Map<number, number>();
    const sockets = [...io.of('/').sockets.values()];
    for (const socket of sockets) counts.set(socket.data.userId, (counts.get(socket.data.userId) ?? 0) + 1);
    for (const t of graceTimers.values()) clearTimeout(t);
    graceTimers.clear();
    const { online, offline } = await store.rebuild(counts);
    for (const socket of sockets) counted.add(socket);
    for (const id of online) void serial(id, () => announce(id, 'online', null));
    if (offline.length) await wentOffline(offline, new Date());
  }
  health?.on('up', () => void rebuild().catch((err) => log.error({ err }, 'presence: rebuild after the Redis outage failed')));

  async function statusOf(userIds: number[]): Promise<Map<number, PresenceInfo>> {
    const rows = await presenceRowsOf(db, [...new Set(userIds)]);
    const statuses_ = await statuses(rows.map((r) => r.id));
    const out = new Map<number, PresenceInfo>();
    for (const r of rows) {
      const status = statuses_.get(r.id) ?? 'offline';
      out.set(r.id, { status, lastSeenAt: status === 'offline' ? iso(r.last_seen_at) : null });
    }
    return out;
  }

  const domain: PresenceDomain = {
    events(table) {
      registerPresenceHandlers(table, deps, domain);
    },

    bind(server) {
      io = server;
    },

    async onConnect(socket) {
      await ready;
      if (stopped || degraded()) return;
      const userId = socket.data.userId;
      cancelGrace(userId);
      await serial(userId, async () => {
        const first = await store.connect(userId);
        counted.add(socket);
        if (first) await announce(userId, 'online', null);
      });
    },

    async onDisconnect(socket) {
      if (stopped || !counted.has(socket)) return;
      if (degraded()) return void counted.delete(socket);
      counted.delete(socket);
      const userId = socket.data.userId;
      const goneAt = new Date();
      await serial(userId, async () => {
        if ((await store.disconnect(userId)) === 0 && !stopped) startGrace(userId, goneAt);
      });
    },

    async stop() {
      stopped = true;
      broadcasts.flush();
      for (const t of graceTimers.values()) clearTimeout(t);
      graceTimers.clear();
      await ready;
      await store.stop();
    },

    statusOf,

    async setStatus(userId, status) {
      if (degraded()) return;
      await serial(userId, async () => {
        if (await store.setStatus(userId, status)) await announce(userId, status, null);
      });
    },

    async visibleTo(actor, userIds) {
      return (await visibility(actor, userIds)).presence;
    },

    async subscribe(socket, actor, userIds) {
      const { presence, contacts } = await visibility(actor, userIds);
      const next = presence.map((p) => (contacts.has(p.userId) ? rooms.presenceOfContact(p.userId) : rooms.presence(p.userId)));
      const keep = new Set(next);
      for (const room of subscribed.get(socket) ?? []) if (!keep.has(room)) void socket.leave(room);
      if (socket.connected) void socket.join(next);
      subscribed.set(socket, next);
      return presence;
    },
  };
  return domain;
}
