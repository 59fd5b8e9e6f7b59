/**
 * What the app keeps in this browser to open without the network (the installed app, offline): the
 * signed-in user and their channel list. Written after each successful read, read only when the
 * server cannot be reached, removed on sign-out. Messages themselves are not kept (the outbox is).
 */
import type { StorageLike } from './outbox.js';

const USER_KEY = 'maillage.offline.user';
const channelsKey = (userId: number) => `maillage.offline.channels.${userId}`;

function read<T>(storage: StorageLike | undefined, key: string): T | null {
  try {
    const raw = storage?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(storage: StorageLike | undefined, key: string, value: unknown): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // A full or refused storage only costs the offline start.
  }
}

/** The snapshot store over one storage (localStorage in the browser, a Map in tests). */
export class OfflineSnapshot {
  constructor(private readonly storage?: StorageLike) {}

  /** The last signed-in user, or null. */
  user<T>(): T | null {
    return read<T>(this.storage, USER_KEY);
  }

  /** Keeps the signed-in user; null forgets the user and their channels (sign-out). */
  setUser(user: { id: number } | null): void {
    if (user) return write(this.storage, USER_KEY, user);
    const previous = this.user<{ id: number }>();
    this.storage?.removeItem(USER_KEY);
    if (previous) this.storage?.removeItem(channelsKey(previous.id));
  }

  /** The last channel list of `userId`, or null. */
  channels<T>(userId: number): T[] | null {
    return read<T[]>(this.storage, channelsKey(userId));
  }

  /** Keeps the channel list of `userId`. */
  setChannels(userId: number, channels: unknown[]): void {
    write(this.storage, channelsKey(userId), channels);
  }
}
