import { expect } from 'chai';
import crypto from 'node:crypto';
import { emitAck, emitRaw, expectNoEvent, waitForEvent } from '../helpers/sockets';
import { useServerOn } from '../helpers/suite';
import { peopleOn } from '../helpers/people';

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`reactions on messages (${kind})`, () => {
    const s = useServerOn(kind);
    const { person } = peopleOn(s);

    /** Two members of one fresh thematic channel, an outsider, and a message. */
    async function scene() {
      const anim = await person({ role: 'animator' });
      const ann = await person({ firstName: 'Ann', lastName: 'Lefort' });
      const ben = await person({ firstName: 'Ben', lastName: 'Roux' });
      const outsider = await person();
      const created = await fetch(`${s.url}/api/channels`, {
        method: 'POST',
        headers: { authorization: `Bearer ${anim.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `Réactions ${crypto.randomBytes(3).toString('hex')}` }),
      }).then((r) => r.json() as Promise<{ id: number }>);
      for (const p of [ann, ben]) await emitAck(p.socket, 'channel:join', { channelId: created.id });
      const { message } = await emitAck(ann.socket, 'message:send', {
        channelId: created.id,
        body: 'Réunion jeudi ?',
        clientMsgId: crypto.randomUUID(),
      });
      return { ann, ben, outsider, channelId: created.id, message };
    }

    it('toggles live to the channel, counts who reacted, and is 404 to an outsider', async () => {
      const { ann, ben, outsider, message } = await scene();
      const seen = waitForEvent(ann.socket, 'message:reactions', (e) => e.messageId === message.id);
      const silent = expectNoEvent(outsider.socket, 'message:reactions');
      const ack = await emitAck(ben.socket, 'reaction:toggle', { messageId: message.id, emoji: '👍' });
      expect(ack.on).to.equal(true);
      expect((await seen).reactions).to.deep.equal([{ emoji: '👍', count: 1, users: [{ id: ben.user.id, displayName: 'Ben Roux' }] }]);
      await emitAck(ann.socket, 'reaction:toggle', { messageId: message.id, emoji: '👍' });
      const both = await emitAck(ann.socket, 'reaction:toggle', { messageId: message.id, emoji: '🎉' });
      expect(both.reactions.map((r) => [r.emoji, r.count])).to.deep.equal([
        ['👍', 2],
        ['🎉', 1],
      ]);
      const off = await emitAck(ann.socket, 'reaction:toggle', { messageId: message.id, emoji: '🎉' });
      expect([off.on, off.reactions.length]).to.deep.equal([false, 1]);
      const history = await emitAck(ann.socket, 'channel:sync', { channelId: message.channelId, afterSeq: 0 });
      expect(history.messages.find((m) => m.id === message.id)!.reactions[0]!.count).to.equal(2);
      expect((await emitRaw(outsider.socket, 'reaction:toggle', { messageId: message.id, emoji: '👍' })).error.code).to.equal('not_found');
      expect((await emitRaw(ann.socket, 'reaction:toggle', { messageId: message.id, emoji: 'lol' })).error.code).to.equal(
        'invalid_payload',
      );
      expect((await emitRaw(ann.socket, 'reaction:toggle', { messageId: message.id, emoji: '<img>' })).error.code).to.equal(
        'invalid_payload',
      );
      await silent;
    });

    it('is idempotent under concurrent toggles: 30 "on" from two people store two rows, never an error', async () => {
      const { ann, ben, message } = await scene();
      const acks = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          emitAck((i % 2 ? ann : ben).socket, 'reaction:toggle', { messageId: message.id, emoji: '❤️', on: true }),
        ),
      );
      expect(acks.every((a) => a.on)).to.equal(true);
      const rows = await s.db('message_reactions').where({ message_id: message.id });
      expect(rows).to.have.length(2);
      // Plain toggles racing: whatever the order, at most one row per person and every ack answers.
      const flips = await Promise.all(
        Array.from({ length: 10 }, () => emitRaw(ann.socket, 'reaction:toggle', { messageId: message.id, emoji: '🔥' })),
      );
      expect(flips.every((a) => a.ok)).to.equal(true);
      const fire = await s.db('message_reactions').where({ message_id: message.id, emoji: '🔥' });
      expect(fire.length).to.be.at.most(1);
      const final = await emitAck(ann.socket, 'reaction:toggle', { messageId: message.id, emoji: '❤️', on: false });
      expect(final.reactions.find((r) => r.emoji === '❤️')!.count).to.equal(1);
    });
  });
}
