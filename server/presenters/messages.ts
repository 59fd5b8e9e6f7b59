import type { MessageWithAuthor } from '../db/messages';
import type { Message } from '../protocol/chat';
import { iso } from './time';

/** The contract's message object (REST and sockets alike). A deleted message keeps its seq with an empty body. */
export function presentMessage(m: MessageWithAuthor): Message {
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
  };
}

/** The protocol's Message, under the name the services use. */
export type PresentedMessage = Message;
