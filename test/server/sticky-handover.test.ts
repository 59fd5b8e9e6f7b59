import { fork, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { stopReadingHandedSockets } from '../../server/cluster/hand-over';

const taker = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/socket-taker.mjs');

/** The next message from `child` that has `key`. */
const next = (child: ChildProcess, key: string, timeoutMs = 5000) =>
  new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${key}" from the child within ${timeoutMs} ms`)), timeoutMs);
    const on = (m: Record<string, unknown>) => {
      if (!(key in m)) return;
      clearTimeout(timer);
      child.off('message', on);
      resolve(m);
    };
    child.on('message', on);
  });

/**
 * The primary of `WORKERS=2` (server/cluster/primary.ts) reads a connection's first bytes, then hands the
 * socket to a worker (@socket.io/sticky). Bytes the client sends after that belong to the worker, even
 * when the primary is still waiting for the worker to take the socket (here: the worker is stopped).
 */
describe('handing a connection from the primary to a worker', function () {
  this.timeout(20_000);
  let child: ChildProcess;
  let server: net.Server;
  let client: net.Socket;

  beforeEach(async () => {
    child = fork(taker, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    await next(child, 'ready');
    // As server/cluster/primary.ts does for every worker it forks.
    stopReadingHandedSockets(child);
    server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterEach(async () => {
    client?.destroy();
    if (child.exitCode === null) {
      child.kill('SIGCONT');
      child.kill('SIGKILL');
    }
    await new Promise((resolve) => server.close(resolve));
  });

  /**
   * A client connected to `server`, and the primary's side of it once it has read the first chunk;
   * `inHandler` runs inside the 'data' listener, where sticky hands the socket over.
   */
  async function upgradeRequest(inHandler?: (socket: net.Socket) => void): Promise<{ client: net.Socket; socket: net.Socket }> {
    const accepted = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
    const c = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
    const socket = await accepted;
    const first = await new Promise<string>((resolve) => {
      socket.once('data', (chunk) => {
        inHandler?.(socket);
        resolve(chunk.toString());
      });
      c.write('GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n\r\n');
    });
    expect(first).to.match(/^GET /);
    return { client: c, socket };
  }

  it('loses none of the bytes the client sends while the worker has not taken the socket yet', async () => {
    const accepted = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
    client = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
    const socket = await accepted;
    // Like sticky: the primary reads the first chunk (the HTTP upgrade request) to pick the worker…
    const first = await new Promise<string>((resolve) => {
      socket.once('data', (chunk) => resolve(chunk.toString()));
      client.write('GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n\r\n');
    });
    expect(first).to.match(/^GET /);
    // …and hands the socket over while the worker is busy (stopped: it cannot take it nor answer yet).
    child.kill('SIGSTOP');
    child.send('take', socket);
    // The client goes on (Socket.IO's CONNECT frame, after the worker's 101), the primary is idle meanwhile.
    client.write('40{"token":"…"}');
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill('SIGCONT');
    await next(child, 'taken');
    const read = await next(child, 'read');
    expect(read.read).to.equal('40{"token":"…"}');
  });

  it('loses none of them either when the socket waits in the queue behind an earlier hand-over', async () => {
    const a = await upgradeRequest();
    child.kill('SIGSTOP');
    // The first hand-over waits for the worker's ACK…
    child.send('take', a.socket);
    client = a.client;
    // …so Node queues the second, whose socket keeps its handle in the primary until that ACK. Handed over
    // from inside the 'data' listener, as sticky does: the flowing stream then asks for more at once.
    const b = await upgradeRequest((socket) => child.send('take', socket));
    try {
      b.client.write('40{"token":"second"}');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const reads: string[] = [];
      child.on('message', (m: { read?: string }) => m.read && reads.push(m.read));
      child.kill('SIGCONT');
      const deadline = Date.now() + 5000;
      while (!reads.includes('40{"token":"second"}') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(reads).to.include('40{"token":"second"}');
    } finally {
      b.client.destroy();
    }
  });
});
