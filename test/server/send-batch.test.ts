import { expect } from 'chai';
import pino from 'pino';
import { emitAck, expectNoEvent, waitForEvent } from '../helpers/sockets';
import { useCast, useServer } from '../helpers/suite';
import { hubCast } from '../helpers/hub';
import { makeUser } from '../helpers/factories';
import { MessageWriter } from '../../server/services/chat/message-writer';
import { sendMessage } from '../../server/services/chat/messages';
import type { SendInput } from '../../server/services/chat/send-types';
import type { UserRow } from '../../server/db/users';
import { isPostgres } from '../../server/database';

describe('message writer: one batch of mixed sends', () => {
  const s = useServer({ env: { MESSAGE_RATE_PER_10S: '1000' } });
  const { alice, bob, outsider, thematic, general } = useCast(() => hubCast(s));

  it('settles each send on its own, with contiguous seqs and a fixed number of statements', async () => {
    const writer = new MessageWriter(s.db, pino({ level: 'silent' }));
    const send = (who: { user: UserRow }, input: Omit<SendInput, 'clientMsgId'> & { clientMsgId: string }) =>
      sendMessage(s.db, writer, who.user, input);
    const annonces = (await s.db('channels').where({ slug: 'annonces' }).first()).id as number;
    const before = await send(alice, { channelId: thematic.id, body: 'avant', clientMsgId: 'batch-0' });
    const inGeneral = await send(alice, { channelId: general.id, body: 'dans Général', clientMsgId: 'batch-g' });

    // A transaction outside the writer holds Général's row (PostgreSQL) or the only connection (SQLite): the writer's
    // next batch (one send to Général) waits for it, and everything below queues and is written as one batch after.
    let release!: () => void;
    let holding!: () => void;
    const held = new Promise<void>((r) => (holding = r));
    const outside = s.db.transaction(async (trx) => {
      const row = trx('channels').where({ id: general.id });
      if (isPostgres(s.db)) row.forUpdate();
      await row.first();
      holding();
      await new Promise<void>((r) => (release = r));
    });
    await held;
    const gate = send(bob, { channelId: general.id, body: 'en attente', clientMsgId: 'batch-gate' });
    const sends = [
      send(alice, { channelId: thematic.id, body: 'un', clientMsgId: 'batch-1' }),
      send(outsider, { channelId: thematic.id, body: 'intrus', clientMsgId: 'batch-2' }),
      send(alice, { channelId: thematic.id, body: 'un (renvoyé)', clientMsgId: 'batch-1' }),
      send(bob, { channelId: thematic.id, body: 'deux', clientMsgId: 'batch-3' }),
      send(alice, { channelId: annonces, body: 'annonce', clientMsgId: 'batch-4' }),
      send(alice, { channelId: thematic.id, body: 'réponse ailleurs', clientMsgId: 'batch-5', replyToId: inGeneral.message.id }),
      send(bob, { channelId: general.id, body: 'réponse', clientMsgId: 'batch-6', replyToId: inGeneral.message.id }),
      send(alice, { channelId: thematic.id, body: '@channel réveil', clientMsgId: 'batch-7' }),
      send(bob, { channelId: thematic.id, body: '@alice tu as vu ?', clientMsgId: 'batch-8' }),
      send(alice, { channelId: thematic.id, body: 'avant (renvoyé)', clientMsgId: 'batch-0' }),
      ...Array.from({ length: 30 }, (_, i) => send(bob, { channelId: general.id, body: `n° ${i}`, clientMsgId: `batch-bulk-${i}` })),
    ];
    // Statements per transaction; the batch's is the one that looked up the stored clientMsgIds of the sends.
    const perTransaction = new Map<string, number>();
    let batchTx: string | undefined;
    const count = (q: { __knexTxId?: string; bindings?: unknown[] }) => {
      const tx = q.__knexTxId ?? '-';
      perTransaction.set(tx, (perTransaction.get(tx) ?? 0) + 1);
      // The clientMsgIds are bound one by one (PostgreSQL) or as one JSON array (SQLite).
      if (JSON.stringify(q.bindings ?? []).includes('batch-bulk-7')) batchTx ??= tx;
    };
    s.db.on('query', count);
    release();
    await outside;
    await gate;
    const settled = await Promise.allSettled(sends);
    s.db.off('query', count);

    const code = (i: number) => (settled[i] as PromiseRejectedResult).reason?.code;
    const value = (i: number) => (settled[i] as PromiseFulfilledResult<Awaited<ReturnType<typeof sendMessage>>>).value;
    expect(code(1)).to.equal('not_found');
    expect(code(4)).to.equal('announce_only');
    expect(code(5)).to.equal('invalid_reply');
    expect(code(7)).to.equal('mention_not_allowed');
    expect(value(0)).to.include({ duplicate: false });
    expect(value(2)).to.include({ duplicate: true });
    expect(value(2).message.id).to.equal(value(0).message.id);
    expect(value(9)).to.include({ duplicate: true });
    expect(value(9).message.id).to.equal(before.message.id);
    expect(value(6).message.reply_to_id).to.equal(inGeneral.message.id);
    expect(value(8).mentionedUserIds).to.deep.equal([alice.user.id]);
    expect([value(0).message.seq, value(3).message.seq, value(8).message.seq]).to.deep.equal([2, 3, 4]);
    expect(value(0).message.author_username).to.equal('alice');

    const stored = await s.db('messages').where({ channel_id: thematic.id }).orderBy('seq').select('seq', 'body');
    expect(stored.map((m) => m.seq)).to.deep.equal([1, 2, 3, 4]);
    const inGeneralNow = (await s.db('messages').where({ channel_id: general.id }).count({ n: '*' }).first()) as { n: number | string };
    expect(Number(inGeneralNow.n)).to.equal(33);
    const marker = await s.db('channel_members').where({ channel_id: thematic.id, user_id: bob.user.id }).first();
    expect(marker.last_read_seq).to.equal(4);
    expect(
      await s
        .db('message_mentions')
        .where({ message_id: value(8).message.id })
        .select('user_id'),
    ).to.deep.equal([{ user_id: alice.user.id }]);
    // 40 sends, one transaction: begin, membership, replies, idempotency, seqs, insert, markers, one mention lookup, mentions,
    // the thread followers of the replies (upsert, the roots' authors, their upsert), commit.
    expect(batchTx).to.be.a('string');
    expect(perTransaction.get(batchTx!)).to.be.at.most(14);
    const written = await s
      .db('messages')
      .whereIn('client_msg_id', ['batch-1', 'batch-3', 'batch-bulk-0', 'batch-bulk-29'])
      .select('created_at');
    expect(new Set(written.map((m) => String(m.created_at))).size, 'one batch, one timestamp').to.equal(1);
  });
});

describe('unread pushes after a message', () => {
  const s = useServer({ env: { MESSAGE_RATE_PER_10S: '1000' } });
  const { alice, bob, animator, thematic } = useCast(() => hubCast(s));

  it('in a small channel every member gets the unread count; the author gets 0', async () => {
    const bobUnread = waitForEvent(bob.socket, 'unread', (u) => u.channelId === thematic.id && u.unread === 1);
    const aliceUnread = waitForEvent(alice.socket, 'unread', (u) => u.channelId === thematic.id);
    expect((await emitAck(alice.socket, 'message:send', { channelId: thematic.id, body: 'petit salon', clientMsgId: 'u-1' })).ok).to.equal(
      true,
    );
    expect(await bobUnread).to.deep.equal({ channelId: thematic.id, unread: 1, mentions: 0 });
    expect(await aliceUnread).to.deep.equal({ channelId: thematic.id, unread: 0, mentions: 0 });
  });

  it('in a channel of more than 200 members only the author and the people named get it', async () => {
    const general = (await s.db('channels').where({ slug: 'general' }).first()).id as number;
    for (let i = 0; i < 201; i++) {
      const user = await makeUser(s.db);
      await s
        .db('channel_members')
        .insert({ channel_id: general, user_id: user.id, last_read_seq: 0, favorite: false, joined_at: new Date() })
        .onConflict()
        .ignore();
    }
    const bobUnread = waitForEvent(bob.socket, 'unread', (u) => u.channelId === general && u.mentions === 1);
    const aliceUnread = expectNoEvent(alice.socket, 'unread', (u) => u.channelId === general);
    const animatorUnread = waitForEvent(animator.socket, 'unread', (u) => u.channelId === general);
    const ack = await emitAck(animator.socket, 'message:send', { channelId: general, body: 'Bonjour @bob', clientMsgId: 'u-2' });
    expect(ack.ok).to.equal(true);
    expect(await bobUnread).to.deep.equal({ channelId: general, unread: ack.message.seq, mentions: 1 });
    expect(await animatorUnread).to.deep.include({ unread: 0 });
    await aliceUnread;
  });
});
