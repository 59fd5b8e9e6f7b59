import type { ChosenStatus, PresenceStatus, PresenceStore } from './store';

/** Presence for a single node, without Redis. */
export class MemoryPresenceStore implements PresenceStore {
  private readonly counts = new Map<number, number>();
  /** Announced users and what they chose. */
  private readonly announced = new Map<number, ChosenStatus>();

  async start(): Promise<void> {}

  async connect(userId: number): Promise<boolean> {
    this.counts.set(userId, (this.counts.get(userId) ?? 0) + 1);
    if (this.announced.has(userId)) return false;
    this.announced.set(userId, 'online');
    return true;
  }

  async disconnect(userId: number): Promise<number> {
    const left = Math.max(0, (this.counts.get(userId) ?? 0) - 1);
    if (left) this.counts.set(userId, left);
    else this.counts.delete(userId);
    return left;
  }

  async expireIfGone(userId: number): Promise<boolean> {
    if (this.counts.get(userId)) return false;
    return this.announced.delete(userId);
  }

  async setStatus(userId: number, status: ChosenStatus): Promise<boolean> {
    const current = this.announced.get(userId);
    if (!current || current === status) return false;
    this.announced.set(userId, status);
    return true;
  }

  async statuses(userIds: number[]): Promise<Map<number, PresenceStatus>> {
    return new Map(userIds.map((id) => [id, this.announced.get(id) ?? 'offline']));
  }

  async stop(): Promise<void> {}
}
