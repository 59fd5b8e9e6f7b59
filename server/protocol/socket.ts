/**
 * The Socket.IO contract as one map each way, built from the domains' maps:
 * the hub, the publisher, the handlers, the client's hub client and the tests
 * are all typed by these.
 */
import type { z } from 'zod';
import type { Ack } from './common';
import { chatClientSchemas, type ChatAcks, type ChatServerEvents } from './chat';
import { presenceClientSchemas, type PresenceAcks, type PresenceServerEvents } from './presence';
import { reactionClientSchemas, type ReactionAcks, type ReactionServerEvents } from './message-extras';
import { threadClientSchemas, type ThreadAcks } from './threads';
import { hotlineClientSchemas, type HotlineAcks, type HotlineServerEvents } from './hotline';
import type { PostServerEvents } from './posts';
import type { DocumentServerEvents } from './documents';
import type { AgendaServerEvents } from './agenda';
import type { NotificationServerEvents } from './notifications';
import { sheetClientSchemas, type SheetAcks, type SheetServerEvents } from './project-sheets';
import type { PollServerEvents } from './polls';

/** Every client → server event and the schema its payload is parsed with. */
export const clientEventSchemas = {
  ...chatClientSchemas,
  ...reactionClientSchemas,
  ...threadClientSchemas,
  ...presenceClientSchemas,
  ...hotlineClientSchemas,
  ...sheetClientSchemas,
};

/** The name of a client → server event. */
export type ClientEventName = keyof typeof clientEventSchemas;

/** What each client event's successful ack carries beside `ok: true`. */
export interface ClientAcks extends ChatAcks, ReactionAcks, ThreadAcks, PresenceAcks, HotlineAcks, SheetAcks {}

/** The payload a client sends for an event (before parsing: defaults may be left out). */
export type ClientPayload<E extends ClientEventName> = z.input<(typeof clientEventSchemas)[E]>;
/** The payload once parsed (what a handler receives). */
export type ClientInput<E extends ClientEventName> = z.output<(typeof clientEventSchemas)[E]>;
/** The acknowledgement of a client event: `{ ok: true, … }` or `{ ok: false, error }`. */
export type AckOf<E extends ClientEventName> = Ack<ClientAcks[E]>;

/** Socket.IO's client → server map (`Server<ClientToServerEvents, …>`, `Socket<ServerToClientEvents, ClientToServerEvents>`). */
export type ClientToServerEvents = { [E in ClientEventName]: (payload: ClientPayload<E>, ack: (response: AckOf<E>) => void) => void };

/** Server → client events of the hub itself, whatever the domain. */
export interface HubServerEvents {
  /** Redis answered again after an outage: broadcasts from other nodes may have been lost, catch up from the database. */
  'hub:resync': { reason: 'redis' };
}

/** Every server → client event and its payload. */
export interface ServerEventPayloads
  extends
    HubServerEvents,
    ChatServerEvents,
    ReactionServerEvents,
    PresenceServerEvents,
    HotlineServerEvents,
    PostServerEvents,
    DocumentServerEvents,
    AgendaServerEvents,
    NotificationServerEvents,
    SheetServerEvents,
    PollServerEvents {}

/** The name of a server → client event. */
export type ServerEventName = keyof ServerEventPayloads;

/** Socket.IO's server → client map. */
export type ServerToClientEvents = { [E in ServerEventName]: (payload: ServerEventPayloads[E]) => void };

/** No event travels between nodes outside the adapter. */
export type InterServerEvents = Record<string, never>;

// Every client event has an ack type and every ack type an event: a missing one fails to compile here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const everyEventHasAnAck: Same<ClientEventName, keyof ClientAcks> = true;
void everyEventHasAnAck;
