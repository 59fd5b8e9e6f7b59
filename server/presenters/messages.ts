import type { MessageWithAuthor } from '../db/messages';
import type { HistoryPage, LeanMessage, Message } from '../protocol/chat';
import type { Person } from '../protocol/common';
import { iso } from './time';
import { presentMessageFile, type MessageExtras } from './message-extras';

/** The contract's message object (REST and sockets alike). A deleted message keeps its seq with an empty body. */
export function presentMessage(m: MessageWithAuthor, extras: MessageExtras = {}): Message {
  const deleted = m.deleted_at !== null && m.deleted_at !== undefined;
  return {
    id: m.id,
    channelId: m.channel_id,
    seq: Number(m.seq),
    clientMsgId: m.client_msg_id,
    author: { id: m.author_id, username: m.author_username, displayName: `${m.author_first_name} ${m.author_last_name}` },
    body: deleted ? '' : m.body,
    createdAt: iso(m.created_at),
    editedAt: iso(m.edited_at),
    deletedAt: iso(m.deleted_at),
    pinnedAt: iso(m.pinned_at),
    pinnedBy: m.pinned_by,
    replyToId: m.reply_to_id,
    files: deleted ? [] : (extras.files ?? []).map(presentMessageFile),
    reactions: deleted ? [] : (extras.reactions ?? []),
    thread: extras.thread ?? null,
    threadOnly: !!m.thread_only,
  };
}

/** The protocol's Message, under the name the services use. */
export type PresentedMessage = Message;

/**
 * The lean form of a presented message (protocol 2): `author` becomes `authorId` and `authorName`, and
 * null fields are left out. Every other field of the message passes through as it is.
 */
export function leanMessage(message: Message): LeanMessage {
  const { author, ...rest } = message;
  const lean: Record<string, unknown> = { authorId: author.id, authorName: author.displayName };
  for (const [key, value] of Object.entries(rest)) if (value !== null && value !== undefined) lean[key] = value;
  return lean as LeanMessage;
}

/** The authors of a page of messages, once each (protocol 2 pages carry them beside lean messages). */
export function authorsOf(messages: Message[]): Person[] {
  const byId = new Map<number, Person>();
  for (const m of messages) if (!byId.has(m.author.id)) byId.set(m.author.id, m.author);
  return [...byId.values()];
}

/** A history page for protocol 2: lean messages and their authors once each. */
export function historyPage(messages: Message[]): HistoryPage {
  return { messages: messages.map(leanMessage), authors: authorsOf(messages) };
}
