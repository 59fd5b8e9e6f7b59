import type { Deps } from '../../deps';
import { onEvent } from '../handle';
import type { EventTable } from '../hub-types';
import type { Broadcasts } from '../broadcasts';
import type { ChannelRow } from '../../db/channels';
import type { UserRow } from '../../db/users';
import type { PresentedTicket } from '../../presenters/hotline';
import { findChannel } from '../../db/channels';
import { channelView } from '../../services/chat/channels';
import { loadPresented, openTicket, type OpenResult } from '../../services/hotline/tickets';
import { addNote, claimTicket, rateTicket, reopenTicket, resolveTicket, transferTicket } from '../../services/hotline/workflow';
import { presentNote } from '../../presenters/hotline';

/** What the hotline handlers need of the hotline domain (implemented in realtime/hotline-domain.ts). */
export interface HotlineDesk {
  broadcasts: Broadcasts;
  /** After `hotline:open` committed: members' sockets join the channel, the first message and the ticket go out. */
  opened(r: OpenResult, actor: UserRow): Promise<PresentedTicket>;
  /** Puts every staff member who is missing into a ticket's channel (new agents, reopened tickets). */
  ensureStaffIn(channel: ChannelRow): Promise<void>;
}

/** hotline:open / claim / transfer / resolve / reopen / note / rate: parse, call the service, broadcast after commit, ack. */
export function registerHotlineHandlers(table: EventTable, deps: Deps, desk: HotlineDesk): void {
  const { db } = deps;
  const hotline = desk.broadcasts.hotline;

  onEvent(table, deps, 'hotline:open', async (input, { actor }) => {
    const r = await openTicket(db, deps.config.hotlineFirstResponseHours, actor, input);
    const ticket = r.duplicate ? await loadPresented(db, r.ticketId) : await desk.opened(r, actor);
    const channel = (await findChannel(db, r.channel.id))!;
    return { ticket, channel: await channelView(db, actor, channel) };
  });

  onEvent(table, deps, 'hotline:claim', async ({ ticketId }, { actor }) => {
    await hotline.changed(await claimTicket(db, actor, ticketId));
    return { ticket: await loadPresented(db, ticketId) };
  });

  onEvent(table, deps, 'hotline:transfer', async ({ ticketId, toUserId }, { actor }) => {
    const change = await transferTicket(db, actor, ticketId, toUserId);
    await hotline.changed(change);
    const ticket = await loadPresented(db, ticketId);
    if (change.changed) {
      await desk.ensureStaffIn((await findChannel(db, ticket.channelId))!);
      hotline.assigned(ticket, change.to, actor);
    }
    return { ticket };
  });

  onEvent(table, deps, 'hotline:resolve', async ({ ticketId, note }, { actor }) => {
    await hotline.changed(await resolveTicket(db, actor, ticketId, note || null));
    return { ticket: await loadPresented(db, ticketId) };
  });

  onEvent(table, deps, 'hotline:reopen', async ({ ticketId }, { actor }) => {
    const change = await reopenTicket(db, actor, ticketId);
    const ticket = await loadPresented(db, ticketId);
    if (change.changed) await desk.ensureStaffIn((await findChannel(db, ticket.channelId))!);
    await hotline.changed(change);
    return { ticket };
  });

  onEvent(table, deps, 'hotline:note', async ({ ticketId, body }, { actor }) => {
    const note = presentNote(await addNote(db, actor, ticketId, body));
    hotline.noted(note);
    return { note };
  });

  onEvent(table, deps, 'hotline:rate', async ({ ticketId, score, comment }, { actor }) => {
    await hotline.changed(await rateTicket(db, actor, ticketId, score, comment || null));
    return { ticket: await loadPresented(db, ticketId) };
  });
}
