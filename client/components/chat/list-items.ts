/** Builds the rows of the message list: day separators, messages with their quoted parent, then the outbox. */
import type { Channel, Message, PresenceStatus } from '../../api/chat.js';
import type { ChatUser } from '../../state/chat-stores.js';
import type { OutboxEntry } from '../../state/outbox.js';
import { dayKey, dayLabel } from './format.js';
import type { ListItem } from './mai-message-list.js';
import type { MessagePermissions } from './mai-message.js';
import { mentionsUser } from '../../state/mentions.js';

export { mentionsUser };

/** What a user may do on a message: the channel carries the viewer's rights (the server decides in the end and says `forbidden`). */
export function permissionsFor(user: ChatUser | null, channel: Channel, m: Message): MessagePermissions {
  const mine = !!user && m.author.id === user.id;
  return { canEdit: mine, canDelete: mine || channel.canModerate, canPin: channel.canPin };
}

/** Input of `buildItems`. */
export interface BuildInput {
  channel: Channel;
  messages: Message[];
  pending: OutboxEntry[];
  hasOlder: boolean;
  loaded: boolean;
  user: ChatUser | null;
  statusOf: (userId: number) => PresenceStatus | undefined;
  now?: Date;
  /** The first unread seq when the channel was opened (or marked unread): the "Nouveaux messages" line goes before it. */
  newFromSeq?: number | null;
}

/** The rows, oldest first. Pending messages come last, as they will once acked. */
export function buildItems(o: BuildInput): ListItem[] {
  const items: ListItem[] = [];
  const byId = new Map(o.messages.map((m) => [m.id, m]));
  const held = new Set(o.messages.map((m) => m.clientMsgId));
  const start = o.channel.kind === 'direct' ? `Début de votre conversation avec ${o.channel.name}` : `Début du salon « ${o.channel.name} »`;
  if (o.loaded && !o.hasOlder) items.push({ kind: 'start', key: 'start', label: start });
  let day = '';
  let newLine = false;
  const separator = (iso: string) => {
    const key = dayKey(iso);
    if (key === day) return;
    day = key;
    items.push({ kind: 'day', key: `day-${key}`, label: dayLabel(iso, o.now) });
  };
  for (const m of o.messages) {
    // Replies kept in their thread show in its panel, not in the channel.
    if (m.threadOnly) continue;
    separator(m.createdAt);
    if (o.newFromSeq && !newLine && m.seq >= o.newFromSeq) {
      newLine = true;
      items.push({ kind: 'new', key: 'new', label: 'Nouveaux messages' });
    }
    items.push({
      kind: 'message',
      key: `m-${m.id}`,
      message: m,
      parent: m.replyToId ? byId.get(m.replyToId) : null,
      permissions: permissionsFor(o.user, o.channel, m),
      mentionsMe: !m.deletedAt && m.author.id !== o.user?.id && mentionsUser(m.body, o.user?.username),
      authorStatus: o.statusOf(m.author.id),
    });
  }
  for (const e of o.pending) {
    // Acked and already in the list (the entry is about to leave the outbox): no double.
    if (held.has(e.clientMsgId) || e.threadOnly) continue;
    separator(e.createdAt);
    items.push({ kind: 'pending', key: `p-${e.clientMsgId}`, entry: e, parent: e.replyToId ? byId.get(e.replyToId) : undefined });
  }
  return items;
}
