/** A redis-server of the test's own, on a free port, that the test may stop, resume, kill and restart. */
import net from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.write('PING\r\n');
      s.once('data', (d) => {
        s.destroy();
        resolve(d.toString().startsWith('+PONG'));
      });
    });
    s.once('error', () => resolve(false));
  });
}

export interface PrivateRedis {
  url: string;
  pid(): number;
  /** SIGSTOP: the process hangs, its connections stay open (the nastier outage). */
  pause(): void;
  /** SIGCONT. */
  resume(): void;
  /** SIGKILL, then waits for the process to be gone. */
  kill(): Promise<void>;
  /** Starts a new redis-server on the same port (empty: no persistence). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPrivateRedis(binary: string): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const launch = async () => {
    child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], {
      stdio: 'ignore',
    });
    for (let i = 0; i < 100 && !(await answers(port)); i++) await new Promise((r) => setTimeout(r, 50));
    if (!(await answers(port))) throw new Error(`redis-server did not start on port ${port}`);
  };
  const kill = async () => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const gone = new Promise((r) => c.once('exit', r));
    process.kill(c.pid!, 'SIGCONT');
    process.kill(c.pid!, 'SIGKILL');
    await gone;
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    pid: () => child!.pid!,
    pause: () => process.kill(child!.pid!, 'SIGSTOP'),
    resume: () => process.kill(child!.pid!, 'SIGCONT'),
    kill,
    restart: launch,
    stop: kill,
  };
}
