// A receiving socket for the fan-out's big channels: Engine.IO 4 / Socket.IO 5
// spoken over a bare `ws` WebSocket, reading of each `message:new` frame only
// the three numbers the bench needs, without decoding or parsing the frame.
// Why: with 5 000 receivers, socket.io-client's decoding (the whole JSON of
// every delivery) on the same two cores as the server made the generators the
// bottleneck for either server (the relay missed its first step); the server
// sends exactly the same frames to this socket as to socket.io-client.
import WebSocket from 'ws';

/** What a receiver counts of one `message:new`. */
export interface Delivery {
  channelId: number;
  seq: number;
  /** The body's first two words: the send time and the step (NaN when the body is not the bench's). */
  sentAt: number;
  step: number;
}

const MESSAGE_NEW = Buffer.from('42["message:new",');
const CHANNEL_ID = Buffer.from('"channelId":');
const SEQ = Buffer.from('"seq":');
const BODY = Buffer.from('"body":"');
const PING = 0x32; // '2': Engine.IO ping; the answer is '3'
const SPACE = 0x20;

/** The decimal number written at `at` (digits and one dot), and where it ends. */
function numberAt(buf: Buffer, at: number): [number, number] {
  let end = at;
  while (end < buf.length && ((buf[end]! >= 0x30 && buf[end]! <= 0x39) || buf[end] === 0x2e)) end++;
  return [end > at ? Number(buf.toString('latin1', at, end)) : NaN, end];
}

function numberAfter(buf: Buffer, key: Buffer): number {
  const i = buf.indexOf(key, MESSAGE_NEW.length);
  return i < 0 ? NaN : numberAt(buf, i + key.length)[0];
}

/** The three numbers of a `message:new` frame, or null for any other frame. */
export function readDelivery(frame: Buffer): Delivery | null {
  if (frame.length <= MESSAGE_NEW.length || frame.compare(MESSAGE_NEW, 0, MESSAGE_NEW.length, 0, MESSAGE_NEW.length) !== 0) return null;
  const b = frame.indexOf(BODY, MESSAGE_NEW.length);
  let sentAt = NaN;
  let step = NaN;
  if (b >= 0) {
    const [t, end] = numberAt(frame, b + BODY.length);
    sentAt = t;
    if (frame[end] === SPACE) step = numberAt(frame, end + 1)[0];
  }
  return { channelId: numberAfter(frame, CHANNEL_ID), seq: numberAfter(frame, SEQ), sentAt, step };
}

/** One receiving socket: connected with `auth`, ready once an acked no-op came back (its rooms are joined then). */
export class LightReceiver {
  private ws: WebSocket;

  private constructor(ws: WebSocket) {
    this.ws = ws;
  }

  /** Opens, sends the namespace CONNECT with `auth`, then `event` with an ack; resolves when the ack comes. */
  static open(
    url: string,
    auth: object,
    ready: { event: string; payload: unknown },
    timeoutMs: number,
    onDelivery: (d: Delivery) => void,
  ): Promise<{ receiver: LightReceiver; connectMs: number }> {
    const t0 = performance.now();
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, { perMessageDeflate: false });
    return new Promise((resolve, reject) => {
      let connectMs = 0;
      let state: 'upgrading' | 'open' | 'connected' | 'ready' = 'upgrading';
      const timer = setTimeout(() => fail(new Error(`timeout (${state})`)), timeoutMs);
      const fail = (e: Error) => {
        clearTimeout(timer);
        ws.terminate();
        reject(e);
      };
      ws.on('upgrade', () => (state = 'open'));
      ws.on('error', (e) => state !== 'ready' && fail(e));
      ws.on('close', () => state !== 'ready' && fail(new Error('closed')));
      ws.on('message', (data: Buffer) => {
        if (data.length === 1 && data[0] === PING) return void ws.send('3');
        if (state === 'ready') {
          const d = readDelivery(data);
          if (d) onDelivery(d);
          return;
        }
        const text = data.toString('utf8');
        if (text.startsWith('0{')) return void ws.send(`40${JSON.stringify(auth)}`);
        if (state === 'upgrading') state = 'open';
        if (text.startsWith('44')) return fail(new Error((JSON.parse(text.slice(2)) as { message?: string }).message ?? 'refused'));
        if (text.startsWith('40{') && state === 'open') {
          state = 'connected';
          connectMs = performance.now() - t0;
          return void ws.send(`421${JSON.stringify([ready.event, ready.payload])}`);
        }
        if (text.startsWith('431[') && state === 'connected') {
          const [res] = JSON.parse(text.slice(3)) as [{ ok?: boolean; error?: { code: string } }];
          if (!res?.ok) return fail(new Error(res?.error?.code ?? 'not ok'));
          state = 'ready';
          clearTimeout(timer);
          resolve({ receiver: new LightReceiver(ws), connectMs });
        }
      });
    });
  }

  disconnect(): void {
    this.ws.close();
  }
}
