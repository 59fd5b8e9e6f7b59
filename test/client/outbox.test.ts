import { expect } from 'chai';
import type { Message } from '../../client/api/chat.js';
import { Outbox, type OutboxEntry } from '../../client/state/outbox.js';
import { MemoryStorage, msg } from './chat-fixtures.js';

/** An error as the hub client throws it (code + French message). */
function hubError(code: string, message = 'refusé') {
  return Object.assign(new Error(message), { code });
}

/** A send function whose answers the test decides, one per call. */
function controlledSend() {
  const calls: OutboxEntry[] = [];
  const waiting: { resolve: (m: Message) => void; reject: (e: unknown) => void }[] = [];
  const send = (e: OutboxEntry) => {
    calls.push(e);
    return new Promise<Message>((resolve, reject) => waiting.push({ resolve, reject }));
  };
  return { send, calls, next: () => waiting.shift()! };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('client Outbox', () => {
  it('shows a message at once as sending, keeps it in storage under the user key, drops it on ack', async () => {
    const storage = new MemoryStorage();
    const box = new Outbox(storage);
    const s = controlledSend();
    const acked: Message[] = [];
    box.setSender(s.send);
    box.onAcked = (m) => acked.push(m);
    box.setUser(7);
    const e = box.enqueue({ channelId: 3, body: 'Bonjour', replyToId: 12 });
    expect(box.forChannel(3)).to.have.length(1);
    expect(box.entries[0]).to.include({ state: 'sending', body: 'Bonjour', replyToId: 12, channelId: 3 });
    expect(JSON.parse(storage.getItem('maillage.outbox.7')!)[0].clientMsgId).to.equal(e.clientMsgId);
    expect(s.calls[0]!.clientMsgId).to.equal(e.clientMsgId);
    s.next().resolve(msg(1, { clientMsgId: e.clientMsgId, channelId: 3 }));
    await tick();
    expect(acked).to.have.length(1);
    expect(box.entries).to.have.length(0);
    expect(storage.getItem('maillage.outbox.7')).to.equal(null);
  });

  it('survives a reload: a new Outbox over the same storage resends with the SAME clientMsgId', async () => {
    const storage = new MemoryStorage();
    const first = new Outbox(storage);
    first.setSender(controlledSend().send);
    first.setUser(7);
    const e = first.enqueue({ channelId: 3, body: 'Pendant la coupure' });
    const again = new Outbox(storage);
    const s = controlledSend();
    again.setSender(s.send);
    again.setUser(7);
    expect(again.entries.map((x) => x.clientMsgId)).to.deep.equal([e.clientMsgId]);
    void again.flush();
    await tick();
    expect(s.calls.map((x) => x.clientMsgId)).to.deep.equal([e.clientMsgId]);
  });

  it('is per user: another user sees none of it', () => {
    const storage = new MemoryStorage();
    const box = new Outbox(storage);
    box.setSender(controlledSend().send);
    box.setUser(7);
    box.enqueue({ channelId: 3, body: 'à moi' });
    box.setUser(8);
    expect(box.entries).to.have.length(0);
    box.setUser(7);
    expect(box.entries).to.have.length(1);
  });

  it('a refusal (rate_limited, announce_only) fails with its message; "Réessayer" resends the same id', async () => {
    const box = new Outbox(new MemoryStorage());
    const s = controlledSend();
    box.setSender(s.send);
    box.setUser(1);
    const e = box.enqueue({ channelId: 3, body: 'trop' });
    s.next().reject(hubError('rate_limited', 'Trop de messages.'));
    await tick();
    expect(box.entries[0]).to.deep.include({ state: 'failed', error: { code: 'rate_limited', message: 'Trop de messages.' } });
    await box.flush();
    expect(s.calls).to.have.length(1);
    box.retry(e.clientMsgId);
    expect(box.entries[0]!.state).to.equal('sending');
    expect(s.calls.map((x) => x.clientMsgId)).to.deep.equal([e.clientMsgId, e.clientMsgId]);
    s.next().resolve(msg(4, { clientMsgId: e.clientMsgId }));
    await tick();
    expect(box.entries).to.have.length(0);
  });

  it('a disconnection keeps it "envoi…" until the next flush', async () => {
    const box = new Outbox(new MemoryStorage());
    const s = controlledSend();
    box.setSender(s.send);
    box.setUser(1);
    box.enqueue({ channelId: 3, body: 'hors ligne' });
    s.next().reject(hubError('disconnected'));
    await tick();
    expect(box.entries[0]!.state).to.equal('sending');
    const flushed = box.flush();
    s.next().resolve(msg(9));
    await flushed;
    expect(box.entries).to.have.length(0);
  });

  it('settle drops an entry delivered by another path; discard gives up; two tabs do not erase each other', () => {
    const storage = new MemoryStorage();
    const a = new Outbox(storage);
    const b = new Outbox(storage);
    for (const box of [a, b]) {
      box.setSender(controlledSend().send);
      box.setUser(1);
    }
    const ea = a.enqueue({ channelId: 1, body: 'onglet A' });
    const eb = b.enqueue({ channelId: 1, body: 'onglet B' });
    expect(JSON.parse(storage.getItem('maillage.outbox.1')!).map((x: OutboxEntry) => x.body)).to.deep.equal(['onglet A', 'onglet B']);
    a.settle(ea.clientMsgId);
    b.discard(eb.clientMsgId);
    expect(storage.getItem('maillage.outbox.1')).to.equal(null);
    a.settle(null);
  });

  it('ignores garbage in storage', () => {
    const storage = new MemoryStorage();
    storage.setItem('maillage.outbox.1', '{pas du json');
    const box = new Outbox(storage);
    box.setUser(1);
    expect(box.entries).to.deep.equal([]);
    storage.setItem('maillage.outbox.1', JSON.stringify([{ nope: 1 }, { clientMsgId: 'x', channelId: 1, body: 'ok' }]));
    box.setUser(1);
    expect(box.entries.map((e) => e.clientMsgId)).to.deep.equal(['x']);
  });
});
