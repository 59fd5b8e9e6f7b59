import type { Knex } from 'knex';
import { notFound } from '../errors';
import type { ChannelRow } from '../db/channels';
import { findMessage, type MessageWithAuthor } from '../db/messages';
import type { UserRow } from '../db/users';
import { accessChannel } from './channels';

/** The message and its channel if the user is a member of that channel; `not_found` otherwise. */
export async function accessMessage(
  db: Knex,
  actor: UserRow,
  messageId: number,
): Promise<{ message: MessageWithAuthor; channel: ChannelRow }> {
  const message = await findMessage(db, messageId);
  if (!message) throw notFound('Message');
  const { channel } = await accessChannel(db, actor, message.channel_id).catch(() => {
    throw notFound('Message');
  });
  return { message, channel };
}

/** Only the author edits a message. */
export const canEditMessage = (actor: UserRow, message: MessageWithAuthor): boolean => message.author_id === actor.id;
