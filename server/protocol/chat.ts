/**
 * Chat: channels and messages. REST (/api/channels), the client → server
 * socket events with their payload schemas and acks, and the server → client
 * events with their payloads.
 */
import { z } from 'zod';
import { fields, optionalText, type Person } from './common';
import { MAX_MESSAGE_FILES, type MessageFile, type ReactionSummary, type ThreadSummary } from './message-extras';

/** Kinds of channel. */
export type ChannelKind = 'national' | 'departmental' | 'thematic' | 'group' | 'direct' | 'hotline';

/** The contract's message object (REST and sockets alike). A deleted message keeps its seq with an empty body. */
export interface Message {
  id: number;
  channelId: number;
  seq: number;
  clientMsgId: string;
  author: Person;
  body: string;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  pinnedAt: string | null;
  pinnedBy: number | null;
  replyToId: number | null;
  /** Files sent with the message (empty once it is deleted). */
  files: MessageFile[];
  /** Emoji reactions, most used first. */
  reactions: ReactionSummary[];
  /** Replies in its thread (null: none). */
  thread: ThreadSummary | null;
  /** A reply kept in its thread (not shown in the channel's list). */
  threadOnly: boolean;
}

/**
 * A message as sockets of protocol 2 get it (`auth.protocol: 2` at the handshake) in `message:new` and
 * `channel:sync`: the author by id and display name (the client keeps a user cache: `users:get`, the
 * `authors` of `channel:sync`), and the fields that are null left out. Older sockets get `Message`.
 */
export type LeanMessage = Omit<Message, 'author' | 'editedAt' | 'deletedAt' | 'pinnedAt' | 'pinnedBy' | 'replyToId' | 'thread'> & {
  thread?: Message['thread'];
  authorId: number;
  authorName: string;
  editedAt?: string;
  deletedAt?: string;
  pinnedAt?: string;
  pinnedBy?: number;
  replyToId?: number;
};

/** GET /api/channels/:id/messages?protocol=2: a page of lean messages, each of their authors once. */
export interface HistoryPage {
  messages: LeanMessage[];
  authors: Person[];
}

/** A channel as one viewer sees it (GET /api/channels, acks, `channel:added` / `channel:removed`). */
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
  /** Messages after the viewer's read marker. */
  unread: number;
  mentions: number;
  lastSeq: number;
  lastReadSeq: number;
  /** For direct channels: the other person. */
  peer: Person | null;
  /** Pin / delete others' messages here (animators, admins, the group's owners/admins, hotline staff in tickets). */
  canPin: boolean;
  canModerate: boolean;
}

/** GET /api/channels/thematic (animators, admins): every thematic channel, archived ones included. */
export interface ManagedChannel extends Channel {
  memberCount: number;
}

/** `channel:updated`: what animators may change on a thematic channel (or a group's rename). */
export interface ChannelUpdate {
  id: number;
  name: string;
  description: string | null;
  archived: boolean;
  archivedAt: string | null;
}

/** `unread`: my count in one channel. */
export interface UnreadEvent {
  channelId: number;
  unread: number;
  mentions: number;
}

/** `typing`: someone is writing in a channel. */
export interface TypingEvent {
  channelId: number;
  userId: number;
}

/** GET /api/channels/:id/messages query. */
export const historyQuerySchema = z.object({
  beforeSeq: z.coerce.number<number>().int().min(1).optional(),
  afterSeq: z.coerce.number<number>().int().min(0).optional(),
  limit: z.coerce.number<number>().int().min(1).max(100).default(50),
  /** 2: a page of lean messages with their authors once (`HistoryPage`); absent or 1: an array of full messages. */
  protocol: z.coerce.number<number>().int().min(1).max(2).optional(),
});
/** POST /api/channels: a thematic channel. */
export const createChannelSchema = z.object({ name: z.string().trim().min(2).max(80), description: optionalText(500) });
/** PATCH /api/channels/:id. */
export const updateChannelSchema = z
  .object({
    name: z.string().trim().min(2).max(80).optional(),
    description: optionalText(500).optional(),
    archived: z.boolean().optional(),
  })
  .strict();

/** Query of GET /api/channels/:id/messages as a client sends it. */
export type HistoryQuery = z.input<typeof historyQuerySchema>;
/** Body of POST /api/channels. */
export type CreateChannelBody = z.input<typeof createChannelSchema>;
/** Body of PATCH /api/channels/:id. */
export type UpdateChannelBody = z.input<typeof updateChannelSchema>;

const messageBody = z
  .string()
  .max(10_000)
  .refine((s) => s.trim().length > 0, 'Le message est vide.');
const channelRef = z.object({ channelId: fields.id });
const messageRef = z.object({ messageId: fields.id });

/** Client → server events of the chat: the payload schema of each. */
export const chatClientSchemas = {
  'users:get': z.object({ userIds: z.array(z.number().int().positive()).max(500) }),
  'message:send': z
    .object({
      channelId: fields.id,
      body: z.string().max(10_000).default(''),
      clientMsgId: fields.clientMsgId,
      replyToId: fields.id.nullish(),
      /** Files uploaded first with POST /api/channels/:id/files. */
      fileIds: z.array(fields.id).max(MAX_MESSAGE_FILES).default([]),
      /** A reply written in the thread's panel and not also sent to the channel. */
      threadOnly: z.boolean().default(false),
    })
    .refine((m) => m.body.trim().length > 0 || m.fileIds.length > 0, { message: 'Le message est vide.', path: ['body'] })
    .refine((m) => !m.threadOnly || !!m.replyToId, { message: 'Une réponse de fil répond à un message.', path: ['replyToId'] }),
  'message:edit': z.object({ messageId: fields.id, body: messageBody }),
  'message:delete': messageRef,
  'message:pin': messageRef,
  'message:unpin': messageRef,
  'channel:join': channelRef,
  'channel:leave': channelRef,
  'channel:sync': z.object({
    channelId: fields.id,
    afterSeq: z.number().int().min(0),
    limit: z.number().int().min(1).max(500).default(100),
  }),
  'channel:read': z.object({ channelId: fields.id, seq: z.number().int().min(0) }),
  'channel:favorite': z.object({ channelId: fields.id, favorite: z.boolean() }),
  /** Mark as unread from a message: my read marker goes back to just before it. */
  'channel:unread': z.object({ messageId: fields.id }),
  typing: channelRef,
  'dm:open': z.object({ userId: fields.id }),
};

/** What a successful ack carries beside `ok: true`, per chat event. */
export interface ChatAcks {
  'message:send': { message: Message };
  'message:edit': { message: Message };
  'message:delete': {};
  'message:pin': { message: Message };
  'message:unpin': { message: Message };
  'channel:join': { channel: Channel };
  'channel:leave': { channel: Channel };
  /** Protocol 2: lean messages and their `authors` once each; older sockets: full messages, no `authors`. */
  'channel:sync': { messages: Message[] | LeanMessage[]; hasMore: boolean; authors?: Person[] };
  /** What the caller may see of these users (unknown and invisible ones left out). */
  'users:get': { users: Person[] };
  'channel:read': { lastReadSeq: number };
  'channel:favorite': {};
  'channel:unread': { channelId: number; lastReadSeq: number };
  typing: {};
  'dm:open': { channel: Channel };
}

/** Server → client events of the chat and their payloads. */
export interface ChatServerEvents {
  /** `LeanMessage` for sockets of protocol 2, `Message` for older ones (kept for one version). */
  'message:new': Message | LeanMessage;
  'message:updated': Message;
  'channel:added': Channel;
  'channel:removed': Channel;
  'channel:updated': ChannelUpdate;
  typing: TypingEvent;
  unread: UnreadEvent;
  mention: { message: Message };
}

/** Error codes of channels and messages. */
export const CHAT_ERROR_CODES = [
  'announce_only',
  'cannot_leave',
  'channel_archived',
  'invalid_reply',
  'mention_not_allowed',
  'message_deleted',
  'duplicate_client_msg_id',
  'name_taken',
] as const;
/** One of the chat error codes. */
export type ChatErrorCode = (typeof CHAT_ERROR_CODES)[number];
