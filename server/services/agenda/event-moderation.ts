/** Agenda events as a moderated kind (`event`; the author is notified of each decision). */
import type { Knex } from 'knex';
import { decideEvent, findEvent, publishedSnapshot, submittedEvents, type EventView } from '../../db/agenda-events';
import { findUserById } from '../../db/users';
import { displayName } from '../../presenters/users';
import type { ModerationItem } from '../../protocol/publishing';
import { EVENT_TYPES } from '../../protocol/agenda-workshops';
import { sessionsOf } from '../../db/event-sessions';
import { sessionLabel } from './organiser-lists';
import { placeText } from './visitor-mails';
import { moderatedKindOf } from '../publishing/moderated-content';

/** The event as the moderator will see it on line: its text, then its dates and place. */
async function itemOf(db: Knex, e: EventView): Promise<ModerationItem> {
  const author = e.created_by ? await findUserById(db, e.created_by) : undefined;
  const sessions = (await sessionsOf(db, [e.id])).get(e.id) ?? [];
  const facts = [
    e.event_type ? EVENT_TYPES[e.event_type] : null,
    `Dates : ${sessions.map(sessionLabel).join(' ; ')}`,
    placeText(e) ? `Lieu : ${placeText(e)}` : null,
    e.video_url ? `En ligne : ${e.video_url}` : null,
    `Groupe : ${e.g_name}`,
  ].filter(Boolean);
  return {
    kind: 'event',
    kindLabel: 'Événement',
    id: e.id,
    title: e.title,
    summary: facts.join(' — '),
    body: e.description ?? '',
    access: e.access,
    author: author
      ? { id: author.id, username: author.username, displayName: displayName(author), avatarUrl: null }
      : { id: 0, username: '', displayName: 'Compte supprimé', avatarUrl: null },
    submittedAt: e.submitted_at ? new Date(e.submitted_at).toISOString() : null,
    republication: !!e.published_at,
    imageUrl: e.image_sha256 ? `/api/events/${e.id}/image?v=${e.image_sha256.slice(0, 12)}` : null,
    imageAlt: e.image_sha256 ? (e.image_alt ?? null) : null,
  };
}

export const eventKind = moderatedKindOf({
  kind: 'event',
  find: findEvent,
  authorOf: (e) => e.created_by ?? null,
  publishedColumns: (e, now) => ({ published_at: e.published_at ?? now, published_json: publishedSnapshot(e) }),
  write: decideEvent,
  async submitted(db, groups) {
    const out: ModerationItem[] = [];
    for (const e of await submittedEvents(db, groups)) out.push(await itemOf(db, e));
    return out;
  },
});
