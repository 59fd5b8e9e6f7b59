import type { Deps } from '../deps';
import type { HubSocket, RealtimeDomain } from './hub';
import type { Publisher } from './publish';
import type { ChannelsDomain } from './channels-domain';
import type { PresenceDomain } from './presence/domain';
import { rooms } from './rooms';
import { registerHotlineHandlers } from './handlers/hotline';
import { addMember, channelIdsOfUser, findChannel, removeMember, type ChannelRow } from '../db/channels';
import { activeUserIdsWithRoles, findUserById, type UserRow } from '../db/users';
import {
  findTicketByChannel, findTickets, foreignHotlineChannelIds, unresolvedChannelIds, updateTicketIf, type TicketRow,
} from '../db/hotline-tickets';
import { presentTickets, type OpenResult } from '../services/hotline/tickets';
import { isHotlineStaff, ROLE_SETS } from '../access/roles';
import { recordReply, type Change } from '../services/hotline/workflow';
import { hotlineReplyMail } from '../services/hotline/mail';
import { displayName } from '../presenters/users';
import type { PresentedTicket, presentNote } from '../presenters/hotline';

/** At most one "the hotline answered you" mail per ticket in this window, however many replies. */
export const REPLY_MAIL_EVERY_MS = 15 * 60_000;

/**
 * The hotline desk on the hub. Staff sockets join the staff room and belong to
 * the channel of every unresolved ticket; `hotline:ticket` goes to the staff
 * room and to the requester's own room, `hotline:note` to the staff room only.
 * Availability ("hotline disponible") is whether any staff socket is
 * connected, on any node, announced to everyone as `hotline:availability`.
 */
export function createHotlineDomain(deps: Deps, publisher: Publisher, channels: ChannelsDomain, presence: Pick<PresenceDomain, 'statusOf'>) {
  const { db, config, log } = deps;
  const events = channels.context.events;
  const staffSockets = new WeakSet<HubSocket>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  /** Sends the current state of these tickets to the staff and to each one's requester. */
  async function publishTickets(ids: number[]): Promise<PresentedTicket[]> {
    const presented = await presentTickets(db, await findTickets(db, [...new Set(ids)]));
    for (const t of presented) publisher.toRooms([rooms.hotlineStaff(), rooms.user(t.requester.id)], 'hotline:ticket', t);
    return presented;
  }

  /** After a committed change: the ticket itself and every waiting ticket whose place moved. */
  async function announce(change: Change): Promise<void> {
    if (change.changed) await publishTickets([change.ticketId, ...change.shifted]);
  }

  /** Puts every staff member who is missing into a ticket's channel (new agents, reopened tickets). */
  async function ensureStaffIn(channel: ChannelRow): Promise<void> {
    for (const id of await activeUserIdsWithRoles(db, ROLE_SETS.hotlineStaff)) if (await addMember(db, channel.id, id)) await events.added(id, channel);
  }

  async function available(): Promise<boolean> {
    return (await publisher.socketCount(rooms.hotlineStaff())) > 0;
  }

  /** When the hotline answers a requester who is not connected, mail them a link back to the ticket (once per burst). */
  async function mailIfAway(ticket: TicketRow, agent: UserRow): Promise<void> {
    const status = (await presence.statusOf([ticket.requester_id])).get(ticket.requester_id)?.status ?? 'offline';
    if (status !== 'offline') return;
    const since = new Date(Date.now() - REPLY_MAIL_EVERY_MS);
    // Compare-and-set on mailed_at: two nodes handling two quick replies send one mail.
    const won = await updateTicketIf(db, ticket.id, (q) => q.where((w) => w.whereNull('mailed_at').orWhere('mailed_at', '<', since)), { mailed_at: new Date() });
    const requester = won ? await findUserById(db, ticket.requester_id) : undefined;
    if (!requester || requester.status !== 'active') return;
    const link = `${config.publicUrl}/hotline/${ticket.id}`;
    await deps.mailer.send({ to: requester.email, ...hotlineReplyMail(requester.first_name, ticket.id, ticket.subject, displayName(agent), link) });
  }

  channels.addAfterMessageHook(async (result, actor) => {
    if (result.channel.kind !== 'hotline') return;
    const ticket = await findTicketByChannel(db, result.channel.id);
    if (!ticket) return;
    await announce(await recordReply(db, ticket, actor, result.message));
    if (isHotlineStaff(actor) && actor.id !== ticket.requester_id) await mailIfAway(ticket, actor);
  });

  /** A staff member's sockets: the staff room, and every unresolved ticket's channel. */
  async function connectStaff(socket: HubSocket, user: UserRow): Promise<void> {
    socket.join(rooms.hotlineStaff());
    staffSockets.add(socket);
    const mine = new Set(await channelIdsOfUser(db, user.id));
    for (const id of await unresolvedChannelIds(db)) {
      if (mine.has(id) || !(await addMember(db, id, user.id))) continue;
      const channel = await findChannel(db, id);
      if (channel) await events.added(user.id, channel);
    }
    publisher.toAll('hotline:availability', { available: true });
  }

  /** Someone no longer on staff leaves the ticket channels that are not their own requests. */
  async function connectMember(user: UserRow): Promise<void> {
    for (const id of await foreignHotlineChannelIds(db, user.id)) {
      const channel = await findChannel(db, id);
      if (channel && (await removeMember(db, id, user.id))) await events.removed(user.id, channel);
    }
  }

  const domain: RealtimeDomain = {
    events(table) {
      registerHotlineHandlers(table, deps, api);
    },
    async onConnect(socket, user) {
      if (isHotlineStaff(user) && user.status === 'active') await connectStaff(socket, user);
      else await connectMember(user);
    },
    async onDisconnect(socket) {
      if (!staffSockets.has(socket) || stopped) return;
      // Wait as long as presence does, so a page reload does not flap "indisponible".
      const t = setTimeout(() => {
        timers.delete(t);
        void (async () => {
          if (!stopped && !(await available())) publisher.toAll('hotline:availability', { available: false });
        })().catch((err) => log.error({ err }, 'hotline: availability check failed'));
      }, config.presenceGraceMs + 50);
      t.unref();
      timers.add(t);
    },
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };

  const api = {
    ...domain,
    publishTickets,
    announce,
    available,
    ensureStaffIn,
    /** After `hotline:open` committed: members' sockets join the channel, the first message and the ticket go out. */
    async opened(r: OpenResult, actor: UserRow): Promise<PresentedTicket> {
      for (const id of r.memberIds) await events.added(id, r.channel);
      await events.messageSent({ message: r.message, channel: r.channel, duplicate: false, mentionedUserIds: [] }, actor.id);
      return (await publishTickets([r.ticketId]))[0]!;
    },
    /** An internal note goes to the staff room only: never to the requester, never into the channel. */
    noted(note: ReturnType<typeof presentNote>): void {
      publisher.toRooms([rooms.hotlineStaff()], 'hotline:note', note);
    },
    /** Tells the new assignee a ticket was handed to them. */
    assigned(ticket: PresentedTicket, to: UserRow, by: UserRow): void {
      publisher.toUser(to.id, 'hotline:assigned', { ticket, by: { id: by.id, username: by.username, displayName: displayName(by) } });
    },
  };
  return api;
}

export type HotlineDomain = ReturnType<typeof createHotlineDomain>;
