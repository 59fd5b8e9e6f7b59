import type { ChosenStatus, PresenceStatus } from './store';

/**
 * Presence of every worker of one machine, held by the primary process (no Redis): socket counts per
 * user and per worker, the announced status, and the token of the latest pending grace timer (only
 * the worker whose disconnect came last may expire the user, as with Redis). Each method reports a
 * transition to exactly one caller, so each change is broadcast once.
 */
export class SharedPresenceState {
  private readonly counts = new Map<number, Map<number, number>>();
  private readonly announced = new Map<number, ChosenStatus>();
  private readonly gone = new Map<number, string>();

  private total(userId: number): number {
    let n = 0;
    for (const c of this.counts.get(userId)?.values() ?? []) n += c;
    return n;
  }

  /** One more socket on `worker`; true when the user was not announced (announce them online). */
  connect(worker: number, userId: number): boolean {
    const byWorker = this.counts.get(userId) ?? new Map<number, number>();
    byWorker.set(worker, (byWorker.get(worker) ?? 0) + 1);
    this.counts.set(userId, byWorker);
    this.gone.delete(userId);
    if (this.announced.has(userId)) return false;
    this.announced.set(userId, 'online');
    return true;
  }

  /** One socket fewer on `worker`; answers the user's sockets left on every worker. */
  disconnect(worker: number, userId: number, token: string): number {
    const byWorker = this.counts.get(userId);
    if (byWorker) {
      const left = (byWorker.get(worker) ?? 0) - 1;
      if (left > 0) byWorker.set(worker, left);
      else byWorker.delete(worker);
      if (!byWorker.size) this.counts.delete(userId);
    }
    const total = this.total(userId);
    if (total === 0) this.gone.set(userId, token);
    return total;
  }

  /** At the end of a grace period: un-announces the user if no socket is left and `token` is the latest. */
  expireIfGone(userId: number, token: string): boolean {
    if (this.total(userId) > 0 || this.gone.get(userId) !== token) return false;
    this.gone.delete(userId);
    return this.announced.delete(userId);
  }

  setStatus(userId: number, status: ChosenStatus): boolean {
    const current = this.announced.get(userId);
    if (!current || current === status) return false;
    this.announced.set(userId, status);
    return true;
  }

  statuses(userIds: number[]): PresenceStatus[] {
    return userIds.map((id) => this.announced.get(id) ?? 'offline');
  }

  /** A worker died: its sockets are gone; answers the users left with none (now un-announced). */
  workerGone(worker: number): number[] {
    const offline: number[] = [];
    for (const [userId, byWorker] of this.counts) {
      if (!byWorker.delete(worker)) continue;
      if (byWorker.size) continue;
      this.counts.delete(userId);
      this.gone.delete(userId);
      if (this.announced.delete(userId)) offline.push(userId);
    }
    return offline;
  }
}
