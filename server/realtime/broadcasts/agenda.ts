import type { Deps } from '../../deps';
import type { Publisher } from '../publish';
import { rooms } from '../rooms';
import { asPublished, findEvent, invitedUserIds } from '../../db/agenda-events';
import { extrasOfOne } from '../../services/agenda/event-extras';
import { countsFor } from '../../db/agenda-registrations';
import { presentEventPublic } from '../../presenters/agenda-events';
import type { EventEffects } from '../../services/agenda/notices';
import type { NotificationBroadcasts } from './notifications';

/**
 * What clients are told after an agenda event change has committed: the
 * notifications (`notification`), the mails, and `event:updated` (the event
 * with its live counts, nothing personal) to the group's channel room and to
 * the invitees' own rooms.
 */
export class AgendaBroadcasts {
  constructor(
    private deps: Deps,
    private publisher: Publisher,
    private notices: NotificationBroadcasts,
  ) {}

  /** Pushes what a change left to tell. */
  async apply(effects: EventEffects): Promise<void> {
    this.notices.pushed(effects.notifications);
    for (const mail of effects.mails) await this.deps.mailer.send(mail);
    if (effects.changed) await this.updated(effects.eventId);
  }

  /** `event:updated` with the current counts. */
  async updated(eventId: number): Promise<void> {
    const found = await findEvent(this.deps.db, eventId);
    // Drafts and events waiting for moderation are nobody's news yet; readers get the version on line.
    if (!found || !found.published_at) return;
    const event = asPublished(found);
    const counts = (await countsFor(this.deps.db, [eventId])).get(eventId)!;
    const targets = (await invitedUserIds(this.deps.db, eventId)).map(rooms.user);
    if (event.g_channel_id) targets.push(rooms.channel(event.g_channel_id));
    this.publisher.toRooms(targets, 'event:updated', presentEventPublic(event, counts, await extrasOfOne(this.deps.db, event)));
  }
}
