/** Agenda events as a moderated kind (`event`): their queue and the three decisions (the author is notified of each). */
import type { Knex } from 'knex';
import type { Deps } from '../../deps';
import { AppError, notFound } from '../../errors';
import { decideEvent, findEvent, publishedSnapshot, submittedEvents, type EventRow, type EventView } from '../../db/agenda-events';
import { findUserById } from '../../db/users';
import { moderatedGroupIds, moderates } from '../../access/publishing';
import { notify } from '../notifications/notifications';
import { displayName } from '../../presenters/users';
import type { ModerationItem } from '../../protocol/publishing';
import { EVENT_TYPES } from '../../protocol/agenda-workshops';
import { sessionsOf } from '../../db/event-sessions';
import { sessionLabel } from './organiser-lists';
import { placeText } from './visitor-mails';
import type { Decision, DecisionEffects, ModeratedKind } from '../publishing/registry';

const STATUS_OF: Record<Decision, EventRow['status']> = { publish: 'published', return: 'returned', reject: 'rejected' };
const notWaiting = () => new AppError('not_submitted', 409, 'Ce contenu n’attend plus de décision.');

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

async function decide(
  deps: Deps,
  moderator: Parameters<ModeratedKind['decide']>[1],
  id: number,
  decision: Decision,
  comment: string,
): Promise<DecisionEffects> {
  const e = await findEvent(deps.db, id);
  if (!e || !(await moderates(deps.db, moderator, e.group_id))) throw notFound('Contenu');
  if (e.status !== 'submitted') throw notWaiting();
  const now = new Date();
  const changes: Partial<EventRow> = {
    status: STATUS_OF[decision],
    moderation_comment: comment || null,
    moderated_by: moderator.id,
    moderated_at: now,
  };
  if (decision === 'publish') Object.assign(changes, { published_at: e.published_at ?? now, published_json: publishedSnapshot(e) });
  return deps.db.transaction(async (trx) => {
    if (!(await decideEvent(trx, id, changes))) throw notWaiting();
    if (!e.created_by) return { notifications: [] };
    const n = await notify(trx, e.created_by, 'content_moderated', {
      contentKind: 'event',
      contentId: e.id,
      title: e.title,
      decision,
      comment: comment || null,
      moderator: { id: moderator.id, displayName: displayName(moderator) },
    });
    return { notifications: [n] };
  });
}

export const eventKind: ModeratedKind = {
  kind: 'event',
  async queue(db, moderator) {
    const groups = await moderatedGroupIds(db, moderator);
    if (groups !== null && !groups.length) return [];
    const out: ModerationItem[] = [];
    for (const e of await submittedEvents(db, groups)) out.push(await itemOf(db, e));
    return out;
  },
  decide,
};
