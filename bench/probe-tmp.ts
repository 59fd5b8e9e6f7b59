import { spawn, spawnSync } from 'node:child_process';
import WebSocket from 'ws';
const child = spawn(process.execPath, ['--import', 'tsx', 'bench/relay.ts'], { env: { ...process.env, RELAY_WORKERS: '2' }, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
child.on('message', async (m: any) => {
  if (m?.type !== "ready") return; m = m.payload; spawnSync('taskset', ['-a','-p','-c','0', String(child.pid)]); spawnSync('taskset', ['-a','-p','-c','1', String(process.pid)]);
  const url = m.url.replace('http', 'ws') + '/socket.io/?EIO=4&transport=websocket';
  const N = 5000, C = Number(process.env.C ?? 100);
  let started = 0, done = 0, inflight = 0;
  const phase: Record<string, number> = { upgrade: 0, open: 0, connected: 0, acked: 0 };
  const stuck: string[] = [];
  const t0 = Date.now();
  const lat: number[] = [];
  await new Promise<void>((resolve) => {
    const one = () => {
      inflight++; started++;
      const t = Date.now();
      const ws = new WebSocket(url, { perMessageDeflate: false });
      let st = 'none';
      const timer = setTimeout(() => { stuck.push(st); finish(); }, 20000);
      const finish = () => { clearTimeout(timer); inflight--; done++; if (done === N) resolve(); else pump(); };
      ws.on('upgrade', () => { st = 'upgrade'; });
      ws.on('message', (d: Buffer) => {
        const s = d.toString();
        if (s === '2') return ws.send('3');
        if (s.startsWith('0{')) { st = 'open'; ws.send('40{"token":"relay-1","channels":[1]}'); }
        else if (s.startsWith('40')) { st = 'connected'; ws.send('421["presence:get",{}]'); }
        else if (s.startsWith('431')) { st = 'acked'; lat.push(Date.now() - t); finish(); }
      });
    };
    const pump = () => { while (started < N && inflight < C) one(); };
    pump();
  });
  lat.sort((a, b) => a - b);
  console.log(JSON.stringify({ ms: Date.now() - t0, stuck, p50: lat[lat.length >> 1], p99: lat[Math.floor(lat.length * 0.99)], max: lat[lat.length - 1] }));
  child.kill('SIGTERM'); process.exit(0);
});
