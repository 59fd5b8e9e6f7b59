import type { HubServer } from './hub-types';
import { rooms } from './rooms';

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

  toChannel(channelId: number, event: string, payload: unknown): void {
    this.server.to(rooms.channel(channelId)).emit(event, payload);
  }

  /** To the channel's sockets except those of one user (typing). Volatile: dropped rather than queued. */
  toChannelExceptUserVolatile(channelId: number, userId: number, event: string, payload: unknown): void {
    this.server.to(rooms.channel(channelId)).except(rooms.user(userId)).volatile.emit(event, payload);
  }

  toUser(userId: number, event: string, payload: unknown): void {
    this.server.to(rooms.user(userId)).emit(event, payload);
  }

  toUsers(userIds: number[], event: string, payload: unknown): void {
    if (userIds.length) this.server.to(userIds.map(rooms.user)).emit(event, payload);
  }

  toRooms(roomNames: string[], event: string, payload: unknown): void {
    if (roomNames.length) this.server.to(roomNames).emit(event, payload);
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

  /** To every connected socket, on every node (state everyone shows, e.g. hotline availability). */
  toAll(event: string, payload: unknown): void {
    this.server.emit(event, payload);
  }

  /** How many sockets are in a room across all nodes (the Redis adapter asks the others). */
  async socketCount(room: string): Promise<number> {
    return (await this.server.in(room).fetchSockets()).length;
  }
}
