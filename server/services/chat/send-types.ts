import type { ChannelRow } from '../../db/channels';
import type { MessageWithAuthor } from '../../db/messages';
import type { MessageFileRow } from '../../db/message-files';
import type { UserRow } from '../../db/users';

/** A `message:send` once parsed. */
export interface SendInput {
  channelId: number;
  body: string;
  clientMsgId: string;
  replyToId?: number | null;
  /** Files uploaded beforehand to this channel by the author, not yet sent. */
  fileIds?: number[];
  /** A reply kept in its thread (requires replyToId). */
  threadOnly?: boolean;
}

/** What a send did: the stored message and its channel (with the new last seq). */
export interface SendResult {
  message: MessageWithAuthor;
  channel: ChannelRow;
  /** True when this (author, clientMsgId) was already stored: nothing new to broadcast. */
  duplicate: boolean;
  /** Users named in the message (members of the channel, not the author). */
  mentionedUserIds: number[];
  /** The files the message carries (tied in the send's transaction). */
  files?: MessageFileRow[];
  /** Documents a group channel's files added to its bank. */
  bankedDocumentIds?: number[];
}

/** One `message:send` waiting for the writer: who sends what, and the `@names` its body holds. */
export interface SendJob {
  actor: UserRow;
  input: SendInput;
  names: string[];
  /** The body names @channel / @all / @here / @everyone. */
  everyone: boolean;
}

/** How one job of a batch ended. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };
