/** Plain wire objects for the chat store tests (data, not doubles). */
import type { Channel, Message } from '../../client/api/chat.js';

/** A message of the contract's shape. */
export function msg(seq: number, o: Partial<Message> = {}): Message {
  return {
    id: 1000 + seq,
    channelId: 1,
    seq,
    clientMsgId: `c-${seq}`,
    author: { id: 2, username: 'thomas', displayName: 'Thomas Petit' },
    body: `message ${seq}`,
    createdAt: new Date(Date.UTC(2026, 10, 23, 9, seq)).toISOString(),
    editedAt: null,
    deletedAt: null,
    pinnedAt: null,
    pinnedBy: null,
    replyToId: null,
    files: [],
    reactions: [],
    thread: null,
    threadOnly: false,
    ...o,
  };
}

/** A channel of the contract's shape. */
export function chan(id: number, o: Partial<Channel> = {}): Channel {
  return {
    id,
    kind: 'thematic',
    name: `Salon ${id}`,
    slug: `salon-${id}`,
    description: null,
    departmentCode: null,
    groupId: null,
    announce: false,
    archived: false,
    archivedAt: null,
    joined: true,
    favorite: false,
    unread: 0,
    mentions: 0,
    lastSeq: 0,
    lastReadSeq: 0,
    peer: null,
    canPin: false,
    canModerate: false,
    ...o,
  };
}

/** A Storage-like object over a Map (what the outbox takes instead of localStorage). */
export class MemoryStorage {
  readonly map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

/** An api/hub that must not be reached by a pure reducer test. */
export const unreachable = {
  channels: () => Promise.reject(new Error('not expected')),
  history: () => Promise.reject(new Error('not expected')),
  pins: () => Promise.reject(new Error('not expected')),
  request: () => Promise.reject(new Error('not expected')),
} as never;
