/**
 * Which messages reach a phone or a closed browser by Web Push: a direct message, a mention, a hotline
 * agent's answer — only to people with no tab open (no socket on any node), and following their
 * notification settings (a mention push follows `types.mention`; nothing is pushed with `frequency: never`).
 */
import type { Knex } from 'knex';
import { Marked } from 'marked';
import { memberIds } from '../../db/channels';
import { findTicketByChannel } from '../../db/hotline-tickets';
import { findNotificationSettings } from '../../db/notifications';
import { findUserById, type UserRow } from '../../db/users';
import type { PushPayload } from '../../protocol/push';
import { displayName } from '../../presenters/users';
import type { SendResult } from '../chat/send-types';
import { parseSettings } from '../notifications/notifications';
import { isHotlineStaff } from '../../access/roles';

const lexer = new Marked({ gfm: true });

/** A message body as one line of plain text (no markdown marks), cut at `max` characters. */
export function plainExcerpt(body: string, max = 140): string {
  let text = body;
  try {
    const walk = (tokens: { type: string; text?: string; tokens?: unknown[]; items?: { tokens: unknown[] }[] }[]): string =>
      tokens
        .map((t) =>
          t.type === 'list'
            ? (t.items ?? []).map((i) => walk(i.tokens as never)).join(' · ')
            : t.tokens?.length
              ? walk(t.tokens as never)
              : (t.text ?? ''),
        )
        .join(' ');
    text = walk(lexer.lexer(body) as never);
  } catch {
    // Unparsable: the raw text is still text.
  }
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Who should get a push for this message, and what it says (before the "no tab open" and settings filters). */
export async function pushTargets(db: Knex, result: SendResult, actor: UserRow): Promise<{ userId: number; payload: PushPayload }[]> {
  const { message, channel } = result;
  if (result.duplicate || message.deleted_at) return [];
  const author = displayName(actor);
  const body = plainExcerpt(message.body);
  const out = new Map<number, PushPayload>();
  const url = `/discussions/${channel.id}`;
  if (channel.kind === 'direct') {
    for (const id of await memberIds(db, channel.id)) {
      if (id !== actor.id) out.set(id, { kind: 'direct', title: `Message de ${author}`, body, url, tag: `channel-${channel.id}` });
    }
  } else if (channel.kind === 'hotline') {
    const ticket = await findTicketByChannel(db, channel.id);
    if (ticket && isHotlineStaff(actor) && actor.id !== ticket.requester_id) {
      out.set(ticket.requester_id, {
        kind: 'hotline',
        title: `La hotline vous a répondu (demande n° ${ticket.id})`,
        body,
        url: `/hotline/${ticket.id}`,
        tag: `hotline-${ticket.id}`,
      });
    }
  }
  for (const id of result.mentionedUserIds) {
    if (id !== actor.id && !out.has(id))
      out.set(id, {
        kind: 'mention',
        title: `${author} vous a mentionné(e) dans # ${channel.name}`,
        body,
        url,
        tag: `channel-${channel.id}`,
      });
  }
  return [...out].map(([userId, payload]) => ({ userId, payload }));
}

/** Whether this person's settings let this kind of push through. */
export async function pushAllowed(db: Knex, userId: number, kind: PushPayload['kind']): Promise<boolean> {
  const user = await findUserById(db, userId);
  if (!user || user.status !== 'active') return false;
  const settings = parseSettings(await findNotificationSettings(db, userId));
  if (settings.frequency === 'never') return false;
  return kind !== 'mention' || settings.types.mention;
}
