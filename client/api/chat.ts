/** REST calls of the chat (channels, messages, contacts); the wire types are the protocol's (server/protocol/chat.ts). */
import type { Http } from './http.js';
import { xhrUpload } from './me.js';
import type { MessageFile } from '../../server/protocol/message-extras.js';
import type { ChannelMembersPage, FollowedThread, ThreadView } from '../../server/protocol/threads.js';
import type {
  Channel,
  CreateChannelBody,
  HistoryPage,
  HistoryQuery,
  ManagedChannel,
  Message,
  UpdateChannelBody,
} from '../../server/protocol/chat.js';
import type { Contact } from '../../server/protocol/directory.js';
import type { ClientEventName, ClientPayload, ClientAcks, ServerEventName, ServerEventPayloads } from '../../server/protocol/socket.js';

export type { Channel, ChannelKind, ChannelUpdate, HistoryPage, ManagedChannel, Message, UnreadEvent } from '../../server/protocol/chat.js';
export type { PresenceInfo, PresenceStatus } from '../../server/protocol/presence.js';
export type { Contact } from '../../server/protocol/directory.js';
export type { MessageFile, ReactionSummary, ReactionsEvent, ThreadSummary } from '../../server/protocol/message-extras.js';
export type { ChannelMember, ChannelMembersPage, FollowedThread, ThreadView } from '../../server/protocol/threads.js';

/** REST calls of the chat. */
export function chatApi(http: Http) {
  return {
    /** GET /api/channels: my channels and the thematic ones I may join. */
    channels: () => http.get<Channel[]>('/api/channels'),
    /** GET /api/channels/:id/messages (protocol 2: lean messages, their authors once; `userCache.fromPage`): ascending by seq. */
    history: (channelId: number, query: Omit<HistoryQuery, 'protocol'> = {}) =>
      http.get<HistoryPage>(`/api/channels/${channelId}/messages`, { query: { ...query, protocol: 2 } }),
    /** GET /api/channels/:id/pins: newest pin first. */
    pins: (channelId: number) => http.get<Message[]>(`/api/channels/${channelId}/pins`),
    /** GET /api/channels/thematic: every thematic channel with its member count (animators, admins). */
    thematicAll: () => http.get<ManagedChannel[]>('/api/channels/thematic'),
    /** POST /api/channels: a new thematic channel, the creator in it (animators, admins). */
    createThematic: (input: CreateChannelBody) => http.post<Channel>('/api/channels', input),
    /** PATCH /api/channels/:id: rename, describe, archive or restore (animators, admins). */
    updateThematic: (id: number, changes: UpdateChannelBody) => http.patch<Channel>(`/api/channels/${id}`, changes),
    /** POST /api/channels/:id/files: one file for a message to come, with progress; `signal` cancels it. */
    uploadFile: (channelId: number, file: Blob, name: string, onProgress?: (fraction: number) => void, signal?: AbortSignal) => {
      const form = new FormData();
      form.append('file', file, name);
      return xhrUpload<MessageFile>(http, 'POST', `/api/channels/${channelId}/files`, form, onProgress, signal);
    },
    /** GET /api/messages/:id/thread: a root, its replies (oldest first), whether I follow it. */
    thread: (rootId: number) => http.get<ThreadView>(`/api/messages/${rootId}/thread`),
    /** GET /api/threads: the threads I follow, most recently answered first. */
    threads: () => http.get<{ items: FollowedThread[] }>('/api/threads'),
    /** GET /api/channels/:id/members: online first, with the counts. */
    members: (channelId: number, q = '') =>
      http.get<ChannelMembersPage>(`/api/channels/${channelId}/members`, { query: { q: q || undefined } }),
    /** POST /api/channels/:id/members: an animator adds someone (chat-only accounts included) to a thematic channel. */
    addMember: (channelId: number, username: string) =>
      http.post<{ added: boolean; userId: number }>(`/api/channels/${channelId}/members`, { username }),
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
  /** Sends a client event; resolves with its ack's fields (typed by the protocol's map). */
  request<E extends ClientEventName>(event: E, payload: ClientPayload<E>, timeoutMs?: number): Promise<ClientAcks[E]>;
  /** Listens to a server event (payload typed by the protocol's map). */
  on<E extends ServerEventName>(event: E, listener: (payload: ServerEventPayloads[E]) => void): () => void;
}
