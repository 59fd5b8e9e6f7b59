/**
 * What a chat message carries beside its text: its files, its reactions and, for the root of a
 * thread, the thread's summary. Kept apart from the message's core fields (chat.ts) so either side
 * can change without the other. Also the reaction event and the file routes' shapes.
 */
import { z } from 'zod';
import { fields } from './common';

/** A file of a message. `url` serves it (inline for raster images, else as a download); `thumbnailUrl` is a small WebP made on the server. */
export interface MessageFile {
  id: number;
  filename: string;
  mimeType: string;
  size: number;
  width: number | null;
  height: number | null;
  url: string;
  downloadUrl: string;
  thumbnailUrl: string | null;
}

/** Who reacted, as shown on hover or focus. */
export interface MessageReactor {
  id: number;
  displayName: string;
}

/** One emoji on a message: how many, and who (the first 20). */
export interface ReactionSummary {
  emoji: string;
  count: number;
  users: MessageReactor[];
}

/** The thread under a root message: how many replies, when the last came, the last people who replied (newest first, at most 3). */
export interface ThreadSummary {
  replyCount: number;
  lastReplyAt: string;
  lastRepliers: MessageReactor[];
}

/** `message:reactions`: the whole reaction summary of a message after a change. */
export interface ReactionsEvent {
  messageId: number;
  channelId: number;
  reactions: ReactionSummary[];
}

/** How many files one message may carry. */
export const MAX_MESSAGE_FILES = 10;
/** How many different emoji one person may put on one message. */
export const MAX_REACTIONS_PER_PERSON = 20;

/**
 * An emoji as the picker sends it: one grapheme of emoji characters (with skin tones, joiners and
 * variation selectors), never text. Checked with Unicode properties, so no list has to be kept in sync.
 */
export const emojiField = z
  .string()
  .min(1)
  .max(64)
  .refine(
    (s) =>
      /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|[#*0-9]\uFE0F?\u20E3)[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Emoji_Component}\u200D\uFE0F\u20E3]*$/u.test(
        s,
      ),
    'Choisissez un émoji.',
  );

/** Client → server events of reactions. */
export const reactionClientSchemas = {
  'reaction:toggle': z.object({ messageId: fields.id, emoji: emojiField, on: z.boolean().optional() }),
};

/** What the reaction events' acks carry. */
export interface ReactionAcks {
  'reaction:toggle': { reactions: ReactionSummary[]; on: boolean };
}

/** Server → client events of reactions. */
export interface ReactionServerEvents {
  'message:reactions': ReactionsEvent;
}

/** Error codes of files and reactions in messages. */
export const MESSAGE_EXTRA_ERROR_CODES = ['invalid_files', 'too_many_reactions'] as const;
/** One of those codes. */
export type MessageExtraErrorCode = (typeof MESSAGE_EXTRA_ERROR_CODES)[number];
