import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { Server } from 'socket.io';
import { io as connectClient, type Socket as ClientSocket } from 'socket.io-client';
import { HubAdapter } from '../../server/realtime/cluster-adapter';

/**
 * The hub's adapters look a broadcast's `except` rooms up in place instead of copying them
 * (server/realtime/cluster-adapter.ts#exceptView): who gets a broadcast must not change.
 */
describe('broadcasts with except rooms (HubAdapter)', () => {
  let httpServer: http.Server;
  let io: Server;
  const clients: ClientSocket[] = [];

  /** Five sockets, named by the rooms they join. */
  const layout: Record<string, string[]> = {
    s1: ['channel', 'p2'],
    s2: ['channel', 'p2', 'muted'],
    s3: ['channel', 'p1'],
    s4: ['channel'],
    s5: ['p2'],
  };

  before(async () => {
    httpServer = http.createServer();
    io = new Server(httpServer, { adapter: HubAdapter as never });
    io.on('connection', (socket) => socket.join(layout[socket.handshake.auth.name as string]!));
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
    for (const name of Object.keys(layout)) {
      const c = connectClient(url, { auth: { name }, transports: ['websocket'], forceNew: true });
      await new Promise<void>((resolve, reject) => c.once('connect', resolve).once('connect_error', reject));
      clients.push(c);
    }
  });
  after(async () => {
    for (const c of clients) c.disconnect();
    await new Promise<void>((resolve) => io.close(() => resolve()));
  });

  /** Who gets the event `send` emits, by name. */
  async function receivers(send: (event: string) => void): Promise<string[]> {
    const event = `e${Math.random().toString(36).slice(2)}`;
    const got: string[] = [];
    const names = Object.keys(layout);
    clients.forEach((c, i) => c.on(event, () => got.push(names[i]!)));
    send(event);
    await new Promise((resolve) => setTimeout(resolve, 150));
    clients.forEach((c) => c.off(event));
    return got.sort();
  }

  it('skips the sockets of one except room, and only them', async () => {
    expect(await receivers((e) => io.to('channel').except('p2').emit(e))).to.deep.equal(['s3', 's4']);
    expect(await receivers((e) => io.to('channel').except('p1').emit(e))).to.deep.equal(['s1', 's2', 's4']);
  });

  it('skips the sockets of any of several except rooms, empty and unknown rooms included', async () => {
    expect(await receivers((e) => io.to('channel').except(['p1', 'muted', 'nobody']).emit(e))).to.deep.equal(['s1', 's4']);
    expect(await receivers((e) => io.to(['channel', 'p2']).except(['nobody']).emit(e))).to.deep.equal(['s1', 's2', 's3', 's4', 's5']);
  });

  it('applies to broadcasts to everyone and to room moves', async () => {
    expect(await receivers((e) => io.except(['p2', 'p1']).emit(e))).to.deep.equal(['s4']);
    io.in('channel').except('p2').socketsJoin('moved');
    expect(await receivers((e) => io.to('moved').emit(e))).to.deep.equal(['s3', 's4']);
  });
});
