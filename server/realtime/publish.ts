import type { HubServer } from './hub-types';
import { rooms } from './rooms';
import type { ServerEventName, ServerEventPayloads } from '../protocol/socket';

/**
 * Emits on a server or a broadcast operator with the payload the protocol fixes
 * for the event (Socket.IO's own typed emit cannot take a generic event name).
 */
function emit<E extends ServerEventName>(target: { emit(...args: any[]): unknown }, event: E, payload: ServerEventPayloads[E]): void {
  target.emit(event, payload);
}

/**
 * Sends events to explicit audiences, after commit. Room moves go through
 * `io.in(room).socketsJoin/Leave`, which the Redis adapter carries to every
 * node, so a membership change reaches every socket of the user at once.
 */
export class Publisher {
  private io: HubServer | null = null;

  bind(io: HubServer): void {
    this.io = io;
  }

  private get server(): HubServer {
    if (!this.io) throw new Error('publisher used before the hub was attached');
    return this.io;
  }

  /** To every socket in the channel's room. */
  toChannel<E extends ServerEventName>(channelId: number, event: E, payload: ServerEventPayloads[E]): void {
    emit(this.server.to(rooms.channel(channelId)), event, payload);
  }

  /** To the channel's sockets but those in `except` (e.g. the other protocol version's room). */
  toChannelExcept<E extends ServerEventName>(channelId: number, except: string, event: E, payload: ServerEventPayloads[E]): void {
    emit(this.server.to(rooms.channel(channelId)).except(except), event, payload);
  }

  /** To the channel's sockets except those of one user (typing). Volatile: dropped rather than queued. */
  toChannelExceptUserVolatile<E extends ServerEventName>(
    channelId: number,
    userId: number,
    event: E,
    payload: ServerEventPayloads[E],
  ): void {
    emit(this.server.to(rooms.channel(channelId)).except(rooms.user(userId)).volatile, event, payload);
  }

  /** To every socket of one user, on every node. */
  toUser<E extends ServerEventName>(userId: number, event: E, payload: ServerEventPayloads[E]): void {
    emit(this.server.to(rooms.user(userId)), event, payload);
  }

  /** To every socket of these users (one emit). */
  toUsers<E extends ServerEventName>(userIds: number[], event: E, payload: ServerEventPayloads[E]): void {
    if (userIds.length) emit(this.server.to(userIds.map(rooms.user)), event, payload);
  }

  /** To every socket in any of these rooms (once per socket). */
  toRooms<E extends ServerEventName>(roomNames: string[], event: E, payload: ServerEventPayloads[E]): void {
    if (roomNames.length) emit(this.server.to(roomNames), event, payload);
  }

  /** To every socket in any of `roomNames` but in none of `except` (once per socket). */
  toRoomsExcept<E extends ServerEventName>(roomNames: string[], except: string[], event: E, payload: ServerEventPayloads[E]): void {
    if (roomNames.length) emit(this.server.to(roomNames).except(except), event, payload);
  }

  /** Every socket of the user joins the channel's room, on every node. */
  joinChannel(userId: number, channelId: number): void {
    this.server.in(rooms.user(userId)).socketsJoin(rooms.channel(channelId));
  }

  leaveChannel(userId: number, channelId: number): void {
    this.server.in(rooms.user(userId)).socketsLeave(rooms.channel(channelId));
  }

  joinRoom(userId: number, room: string): void {
    this.server.in(rooms.user(userId)).socketsJoin(room);
  }

  leaveRoom(userId: number, room: string): void {
    this.server.in(rooms.user(userId)).socketsLeave(room);
  }

  /** Every socket in the room leaves it, on every node (the room's subject is gone). */
  emptyRoom(room: string): void {
    this.server.in(room).socketsLeave(room);
  }

  /** To every connected socket, on every node (state everyone shows, e.g. hotline availability). */
  toAll<E extends ServerEventName>(event: E, payload: ServerEventPayloads[E]): void {
    emit(this.server, event, payload);
  }

  /** How many sockets are in a room across all nodes (the Redis adapter asks the others). */
  async socketCount(room: string): Promise<number> {
    return (await this.server.in(room).fetchSockets()).length;
  }
}
