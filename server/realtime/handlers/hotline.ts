import type { Deps } from '../../deps';
import { onEvent, type EventTable } from '../handle';
import type { HotlineDomain } from '../hotline-domain';
import { findChannel } from '../../db/channels';
import { channelView } from '../../services/chat/channels';
import { loadPresented, openTicket } from '../../services/hotline/tickets';
import { addNote, claimTicket, rateTicket, reopenTicket, resolveTicket, transferTicket } from '../../services/hotline/workflow';
import { presentNote } from '../../presenters/hotline';

type Hotline = Pick<HotlineDomain, 'opened' | 'announce' | 'assigned' | 'ensureStaffIn' | 'noted'>;

/** hotline:open / claim / transfer / resolve / reopen / note / rate: parse, call the service, announce after commit, ack. */
export function registerHotlineHandlers(table: EventTable, deps: Deps, hotline: Hotline): void {
  const { db } = deps;

  onEvent(table, deps, 'hotline:open', async (input, { actor }) => {
    const r = await openTicket(db, deps.config.hotlineFirstResponseHours, actor, input);
    const ticket = r.duplicate ? await loadPresented(db, r.ticketId) : await hotline.opened(r, actor);
    const channel = (await findChannel(db, r.channel.id))!;
    return { ticket, channel: await channelView(db, actor, channel) };
  });

  onEvent(table, deps, 'hotline:claim', async ({ ticketId }, { actor }) => {
    await hotline.announce(await claimTicket(db, actor, ticketId));
    return { ticket: await loadPresented(db, ticketId) };
  });

  onEvent(table, deps, 'hotline:transfer', async ({ ticketId, toUserId }, { actor }) => {
    const change = await transferTicket(db, actor, ticketId, toUserId);
    await hotline.announce(change);
    const ticket = await loadPresented(db, ticketId);
    if (change.changed) {
      await hotline.ensureStaffIn((await findChannel(db, ticket.channelId))!);
      hotline.assigned(ticket, change.to, actor);
    }
    return { ticket };
  });

  onEvent(table, deps, 'hotline:resolve', async ({ ticketId, note }, { actor }) => {
    await hotline.announce(await resolveTicket(db, actor, ticketId, note || null));
    return { ticket: await loadPresented(db, ticketId) };
  });

  onEvent(table, deps, 'hotline:reopen', async ({ ticketId }, { actor }) => {
    const change = await reopenTicket(db, actor, ticketId);
    const ticket = await loadPresented(db, ticketId);
    if (change.changed) await hotline.ensureStaffIn((await findChannel(db, ticket.channelId))!);
    await hotline.announce(change);
    return { ticket };
  });

  onEvent(table, deps, 'hotline:note', async ({ ticketId, body }, { actor }) => {
    const note = presentNote(await addNote(db, actor, ticketId, body));
    hotline.noted(note);
    return { note };
  });

  onEvent(table, deps, 'hotline:rate', async ({ ticketId, score, comment }, { actor }) => {
    await hotline.announce(await rateTicket(db, actor, ticketId, score, comment || null));
    return { ticket: await loadPresented(db, ticketId) };
  });
}
