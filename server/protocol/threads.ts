/** Threads: a root message with its replies, the threads I follow, and the events to follow one and mark it read. */
import { z } from 'zod';
import { fields } from './common';
import type { Message } from './chat';

/** GET /api/messages/:id/thread: a root and its replies (oldest first), and whether I follow it. */
export interface ThreadView {
  root: Message;
  replies: Message[];
  following: boolean;
}

/** One line of "Fils suivis" (GET /api/threads). */
export interface FollowedThread {
  root: Message;
  channelId: number;
  replyCount: number;
  /** Replies from others after the last one I read. */
  unreadReplies: number;
  lastReplyAt: string | null;
}

/** Client → server events of threads. */
export const threadClientSchemas = {
  'thread:follow': z.object({ messageId: fields.id, follow: z.boolean() }),
  'thread:read': z.object({ messageId: fields.id }),
};

/** What the thread events' acks carry. */
export interface ThreadAcks {
  'thread:follow': { following: boolean };
  'thread:read': {};
}

/** GET /api/channels/:id/members: a member of a channel with their presence. */
export interface ChannelMember {
  id: number;
  username: string;
  displayName: string;
  jobTitle: string | null;
  chatOnly: boolean;
  status: 'online' | 'away' | 'dnd' | 'offline';
}

/** GET /api/channels/:id/members: who is in the channel (online first, at most 200 listed), how many, how many online. */
export interface ChannelMembersPage {
  items: ChannelMember[];
  total: number;
  online: number;
}

/** GET /api/channels/:id/members query. */
export const channelMembersQuerySchema = z.object({ q: z.string().trim().max(100).optional() });
/** POST /api/channels/:id/members body: who to add (a username, chat-only accounts included). */
export const addChannelMemberSchema = z.object({ username: fields.username });
