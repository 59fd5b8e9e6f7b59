import type { Deps } from '../deps';
import type { HubSocket, RealtimeDomain } from './hub-types';
import type { Broadcasts } from './broadcasts';
import type { ChannelsDomain } from './channels-domain';
import type { PresenceDomain } from './presence/types';
import { rooms } from './rooms';
import { registerHotlineHandlers } from './handlers/hotline';
import { addMember, channelIdsOfUser, findChannel, removeMember, type ChannelRow } from '../db/channels';
import { findUserById, type UserRow } from '../db/users';
import { findTicketByChannel, foreignHotlineChannelIds, unresolvedChannelIds, type TicketRow } from '../db/hotline-tickets';
import { addMissingStaff, takeReplyMailTurn, type OpenResult } from '../services/hotline/tickets';
import { isHotlineStaff } from '../access/roles';
import { recordReply } from '../services/hotline/workflow';
import { hotlineReplyMail } from '../services/hotline/mail';
import { displayName } from '../presenters/users';
import type { PresentedTicket } from '../presenters/hotline';

/** At most one "the hotline answered you" mail per ticket in this window, however many replies. */
export const REPLY_MAIL_EVERY_MS = 15 * 60_000;

/**
 * The hotline desk on the hub. Staff sockets join the staff room and belong to
 * the channel of every unresolved ticket; `hotline:ticket` goes to the staff
 * room and to the requester's own room, `hotline:note` to the staff room only.
 * Availability ("hotline disponible") is whether any staff socket is
 * connected, on any node, announced to everyone as `hotline:availability`.
 */
export function createHotlineDomain(
  deps: Deps,
  broadcasts: Broadcasts,
  channels: ChannelsDomain,
  presence: Pick<PresenceDomain, 'statusOf'>,
) {
  const { db, config, log } = deps;
  const events = broadcasts.channels;
  const desk = broadcasts.hotline;
  const staffSockets = new WeakSet<HubSocket>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  /** Puts every staff member who is missing into a ticket's channel (new agents, reopened tickets). */
  async function ensureStaffIn(channel: ChannelRow): Promise<void> {
    for (const id of await addMissingStaff(db, channel.id)) await events.added(id, channel);
  }

  /** When the hotline answers a requester who is not connected, mail them a link back to the ticket (once per burst). */
  async function mailIfAway(ticket: TicketRow, agent: UserRow): Promise<void> {
    const status = (await presence.statusOf([ticket.requester_id])).get(ticket.requester_id)?.status ?? 'offline';
    if (status !== 'offline') return;
    // Two nodes handling two quick replies send one mail.
    const won = await takeReplyMailTurn(db, ticket.id, REPLY_MAIL_EVERY_MS);
    const requester = won ? await findUserById(db, ticket.requester_id) : undefined;
    if (!requester || requester.status !== 'active') return;
    const link = `${config.publicUrl}/hotline/${ticket.id}`;
    await deps.mailer.send({
      to: requester.email,
      ...hotlineReplyMail(requester.first_name, ticket.id, ticket.subject, displayName(agent), link),
    });
  }

  channels.addAfterMessageHook(async (result, actor) => {
    if (result.channel.kind !== 'hotline') return;
    const ticket = await findTicketByChannel(db, result.channel.id);
    if (!ticket) return;
    await desk.changed(await recordReply(db, ticket, actor, result.message));
    if (isHotlineStaff(actor) && actor.id !== ticket.requester_id) await mailIfAway(ticket, actor);
  });

  /** A staff member's sockets: the staff room, and every unresolved ticket's channel. */
  async function connectStaff(socket: HubSocket, user: UserRow): Promise<void> {
    staffSockets.add(socket);
    const mine = new Set(await channelIdsOfUser(db, user.id));
    for (const id of await unresolvedChannelIds(db)) {
      if (mine.has(id) || !(await addMember(db, id, user.id))) continue;
      const channel = await findChannel(db, id);
      if (channel) await events.added(user.id, channel);
    }
    desk.availability(true);
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
    /** Staff are in the staff room before their `connect` fires (ticket channels they join after come with `channel:added`). */
    async onJoin(socket, user) {
      if (isHotlineStaff(user) && user.status === 'active') socket.join(rooms.hotlineStaff());
    },
    async onConnect(socket, user) {
      if (isHotlineStaff(user) && user.status === 'active') await connectStaff(socket, user);
      // Only someone in a hotline channel may be in one that is no longer theirs (the login burst skips the read).
      else if (socket.data.channelKinds?.has('hotline') ?? true) await connectMember(user);
    },
    async onDisconnect(socket) {
      if (!staffSockets.has(socket) || stopped) return;
      // Wait as long as presence does, so a page reload does not flap "indisponible".
      const t = setTimeout(() => {
        timers.delete(t);
        void (async () => {
          if (!stopped && !(await desk.staffOnline())) desk.availability(false);
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
    broadcasts,
    /** Whether the hotline is staffed right now (any staff socket on any node). */
    available: () => desk.staffOnline(),
    ensureStaffIn,
    /** After `hotline:open` committed: members' sockets join the channel, the first message and the ticket go out. */
    async opened(r: OpenResult, actor: UserRow): Promise<PresentedTicket> {
      for (const id of r.memberIds) await events.added(id, r.channel);
      events.messageSent({ message: r.message, channel: r.channel, duplicate: false, mentionedUserIds: [] }, actor.id);
      return (await desk.tickets([r.ticketId]))[0]!;
    },
  };
  return api;
}

export type HotlineDomain = ReturnType<typeof createHotlineDomain>;
