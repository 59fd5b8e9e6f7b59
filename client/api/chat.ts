/** Wire types of the chat (channels, messages, presence) and its REST calls. Mirrors docs/protocol.md. */
import type { Http } from './http.js';
import type { Role } from './types.js';

/** Kinds of channel. */
export type ChannelKind = 'national' | 'departmental' | 'thematic' | 'group' | 'direct' | 'hotline';

/** A channel as one viewer sees it (GET /api/channels, acks, channel:added / channel:removed). */
export interface Channel {
  id: number;
  kind: ChannelKind;
  name: string;
  slug: string;
  description: string | null;
  departmentCode: string | null;
  groupId: number | null;
  announce: boolean;
  archived: boolean;
  archivedAt: string | null;
  joined: boolean;
  favorite: boolean;
  unread: number;
  mentions: number;
  lastSeq: number;
  lastReadSeq: number;
  peer: { id: number; username: string; displayName: string } | null;
  /** Pin / delete others' messages here (animators, admins, the group's owners/admins, hotline staff in tickets). */
  canPin?: boolean;
  canModerate?: boolean;
}

/** `channel:updated`: what animators may change on a thematic channel. */
export interface ChannelUpdate {
  id: number;
  name: string;
  description: string | null;
  archived: boolean;
  archivedAt: string | null;
}

/** GET /api/channels/thematic (animators, admins): every thematic channel, archived ones included. */
export interface ManagedChannel extends Channel {
  memberCount: number;
}

/** The contract's message object. */
export interface Message {
  id: number;
  channelId: number;
  seq: number;
  clientMsgId: string | null;
  author: { id: number; username: string; displayName: string };
  body: string;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  pinnedAt: string | null;
  pinnedBy: number | null;
  replyToId: number | null;
}

/** Presence of a user. */
export type PresenceStatus = 'online' | 'away' | 'dnd' | 'offline';

/** `presence` event and `presence:get` item. */
export interface PresenceInfo {
  userId: number;
  status: PresenceStatus;
  lastSeenAt: string | null;
}

/** One person of GET /api/contacts. */
export interface Contact {
  id: number;
  username: string;
  firstName: string;
  lastName: string;
  displayName: string;
  departmentCode: string | null;
  employer: string | null;
  jobTitle: string | null;
  city: string | null;
  role: Role;
  avatarUrl: string | null;
  presence: { status: PresenceStatus; lastSeenAt: string | null };
}

/** `unread` event. */
export interface UnreadEvent {
  channelId: number;
  unread: number;
  mentions: number;
}

/** REST calls of the chat. */
export function chatApi(http: Http) {
  return {
    /** GET /api/channels: my channels and the thematic ones I may join. */
    channels: () => http.get<Channel[]>('/api/channels'),
    /** GET /api/channels/:id/messages: ascending by seq. */
    history: (channelId: number, query: { beforeSeq?: number; afterSeq?: number; limit?: number } = {}) =>
      http.get<Message[]>(`/api/channels/${channelId}/messages`, { query }),
    /** GET /api/channels/:id/pins: newest pin first. */
    pins: (channelId: number) => http.get<Message[]>(`/api/channels/${channelId}/pins`),
    /** GET /api/channels/thematic: every thematic channel with its member count (animators, admins). */
    thematicAll: () => http.get<ManagedChannel[]>('/api/channels/thematic'),
    /** POST /api/channels: a new thematic channel, the creator in it (animators, admins). */
    createThematic: (input: { name: string; description: string | null }) => http.post<Channel>('/api/channels', input),
    /** PATCH /api/channels/:id: rename, describe, archive or restore (animators, admins). */
    updateThematic: (id: number, changes: { name?: string; description?: string | null; archived?: boolean }) =>
      http.patch<Channel>(`/api/channels/${id}`, changes),
    /** GET /api/contacts: online first. */
    contacts: () => http.get<{ items: Contact[] }>('/api/contacts'),
  };
}

/** The chat's REST client. */
export type ChatApi = ReturnType<typeof chatApi>;

/** What the stores need from the hub client (HubClient satisfies it; its errors are HubError). */
export interface HubLike extends EventTarget {
  readonly status: string;
  readonly connected: boolean;
  request<T = Record<string, unknown>>(event: string, payload: unknown, timeoutMs?: number): Promise<T>;
  on<T = unknown>(event: string, listener: (payload: T) => void): () => void;
}
