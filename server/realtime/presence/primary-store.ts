import cluster from 'node:cluster';
import { PrimaryLink } from '../../cluster/ipc';
import type { ChosenStatus, PresenceStatus, PresenceStore, StoreEvents } from './store';

/** The IPC topic of shared presence (server/cluster/primary.ts answers it). */
export const PRESENCE_TOPIC = 'presence';

/**
 * Presence shared by the workers of one machine without Redis: the counts live in the primary
 * process (`SharedPresenceState`), each call is one IPC round trip. When a worker dies, the primary
 * tells one live worker which users that left with no socket, and that worker announces them offline.
 */
export class PrimaryPresenceStore implements PresenceStore {
  private readonly link = new PrimaryLink(PRESENCE_TOPIC);
  private readonly worker = cluster.worker?.id ?? 0;
  private graceSeq = 0;
  /** The grace token of each of this worker's pending timers. */
  private readonly pending = new Map<number, string>();

  async start(events: StoreEvents): Promise<void> {
    this.link.on('offline', (ids) => Array.isArray(ids) && events.offline(ids.filter((id) => Number.isInteger(id))));
    await this.link.call('hello'); // from now on the primary may hand this worker a dead worker's users
  }

  connect(userId: number): Promise<boolean> {
    return this.link.call<boolean>('connect', userId);
  }

  async disconnect(userId: number): Promise<number> {
    const token = `${this.worker}:${++this.graceSeq}`;
    const left = await this.link.call<number>('disconnect', userId, token);
    if (left === 0) this.pending.set(userId, token);
    return left;
  }

  async expireIfGone(userId: number): Promise<boolean> {
    const token = this.pending.get(userId);
    this.pending.delete(userId);
    if (!token) return false;
    return this.link.call<boolean>('expireIfGone', userId, token);
  }

  setStatus(userId: number, status: ChosenStatus): Promise<boolean> {
    return this.link.call<boolean>('setStatus', userId, status);
  }

  async statuses(userIds: number[]): Promise<Map<number, PresenceStatus>> {
    if (!userIds.length) return new Map();
    const list = await this.link.call<PresenceStatus[]>('statuses', userIds);
    return new Map(userIds.map((id, i) => [id, list[i] ?? 'offline']));
  }

  async stop(): Promise<void> {}
}
