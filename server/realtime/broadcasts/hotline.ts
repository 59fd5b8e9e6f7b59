import type { Knex } from 'knex';
import type { Publisher } from '../publish';
import { rooms } from '../rooms';
import { findTickets } from '../../db/hotline-tickets';
import type { UserRow } from '../../db/users';
import { presentTickets } from '../../services/hotline/tickets';
import type { Change } from '../../services/hotline/workflow';
import { displayName } from '../../presenters/users';
import type { PresentedTicket } from '../../presenters/hotline';
import type { TicketNote } from '../../protocol/hotline';

/**
 * What clients are told of the hotline desk after a commit: `hotline:ticket`
 * to the staff room and to the requester's own room, `hotline:note` to the
 * staff room only, `hotline:assigned` to the new assignee, and
 * `hotline:availability` (whether any staff socket is connected) to everyone.
 */
export class HotlineBroadcasts {
  constructor(
    private db: Knex,
    private publisher: Publisher,
  ) {}

  /** Sends the current state of these tickets to the staff and to each one's requester. */
  async tickets(ids: number[]): Promise<PresentedTicket[]> {
    const presented = await presentTickets(this.db, await findTickets(this.db, [...new Set(ids)]));
    for (const t of presented) this.publisher.toRooms([rooms.hotlineStaff(), rooms.user(t.requester.id)], 'hotline:ticket', t);
    return presented;
  }

  /** After a committed change: the ticket itself and every waiting ticket whose place moved. */
  async changed(change: Change): Promise<void> {
    if (change.changed) await this.tickets([change.ticketId, ...change.shifted]);
  }

  /** An internal note goes to the staff room only: never to the requester, never into the channel. */
  noted(note: TicketNote): void {
    this.publisher.toRooms([rooms.hotlineStaff()], 'hotline:note', note);
  }

  /** Tells the new assignee a ticket was handed to them. */
  assigned(ticket: PresentedTicket, to: UserRow, by: UserRow): void {
    this.publisher.toUser(to.id, 'hotline:assigned', { ticket, by: { id: by.id, username: by.username, displayName: displayName(by) } });
  }

  /** Whether any staff socket is connected, on any node. */
  async staffOnline(): Promise<boolean> {
    return (await this.publisher.socketCount(rooms.hotlineStaff())) > 0;
  }

  /** `hotline:availability` to every socket. */
  availability(available: boolean): void {
    this.publisher.toAll('hotline:availability', { available });
  }
}
