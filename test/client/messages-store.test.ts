import { expect } from 'chai';
import { ChannelMessages, MessagesStore } from '../../client/state/messages-store.js';
import { buildItems, mentionsUser, permissionsFor } from '../../client/components/chat/list-items.js';
import { safeHref } from '../../client/components/chat/markdown.js';
import { dayLabel, typingLabel } from '../../client/components/chat/format.js';
import { chan, msg, unreachable } from './chat-fixtures.js';

describe('client ChannelMessages', () => {
  it('ignores live messages until the latest page is loaded', () => {
    const c = new ChannelMessages(1);
    expect(c.upsert(msg(5))).to.equal('ignored');
    expect(c.messages).to.have.length(0);
  });

  it('appends the next seq, refuses a message past a hole (gap), replaces by id', () => {
    const c = new ChannelMessages(1);
    c.resetTo([msg(3), msg(2), msg(4)]);
    expect(c.messages.map((m) => m.seq)).to.deep.equal([2, 3, 4]);
    expect(c.upsert(msg(5))).to.equal('added');
    expect(c.upsert(msg(7))).to.equal('gap');
    expect(c.lastSeq).to.equal(5);
    expect(c.upsert(msg(3, { body: 'modifié', editedAt: new Date().toISOString() }))).to.equal('updated');
    expect(c.messages.map((m) => m.seq)).to.deep.equal([2, 3, 4, 5]);
    expect(c.find(1003)!.body).to.equal('modifié');
    expect(c.upsert(msg(6, { channelId: 2 }))).to.equal('ignored');
  });

  it('a duplicate delivery (same id) is an update, never a second row', () => {
    const c = new ChannelMessages(1);
    c.resetTo([msg(1)]);
    c.upsert(msg(2));
    c.upsert(msg(2));
    expect(c.messages.map((m) => m.id)).to.deep.equal([1001, 1002]);
  });

  it('prepends older pages and knows whether older messages remain (seq starts at 1)', () => {
    const c = new ChannelMessages(1);
    c.resetTo([msg(51), msg(52)]);
    expect(c.hasOlder).to.equal(true);
    c.prepend([msg(49), msg(50), msg(51)]);
    expect(c.messages.map((m) => m.seq)).to.deep.equal([49, 50, 51, 52]);
    c.prepend([msg(1)]);
    expect(c.firstSeq).to.equal(1);
    expect(c.hasOlder).to.equal(false);
  });

  it('an empty channel is loaded with lastSeq 0, so seq 1 is no gap', () => {
    const c = new ChannelMessages(1);
    c.resetTo([]);
    expect(c.hasOlder).to.equal(false);
    expect(c.upsert(msg(1))).to.equal('added');
  });

  it('keeps the pinned list in step with message:updated (newest pin first; unpin and delete remove)', () => {
    const c = new ChannelMessages(1);
    c.pinsLoaded = true;
    c.trackPin(msg(1, { pinnedAt: '2026-11-23T10:00:00.000Z' }));
    c.trackPin(msg(2, { pinnedAt: '2026-11-23T11:00:00.000Z' }));
    expect(c.pins.map((m) => m.seq)).to.deep.equal([2, 1]);
    c.trackPin(msg(2));
    expect(c.pins.map((m) => m.seq)).to.deep.equal([1]);
    c.trackPin(msg(1, { pinnedAt: '2026-11-23T10:00:00.000Z', deletedAt: '2026-11-23T12:00:00.000Z' }));
    expect(c.pins).to.have.length(0);
  });

  it('markStale marks loaded channels but the open one', () => {
    const store = new MessagesStore(unreachable, unreachable);
    store.channel(1).resetTo([msg(1)]);
    store.channel(2).resetTo([msg(1, { channelId: 2 })]);
    store.channel(3);
    store.markStale(1);
    expect([1, 2, 3].map((id) => store.channel(id).stale)).to.deep.equal([false, true, false]);
  });
});

describe('client chat rows and text', () => {
  const user = { id: 1, username: 'julie', role: 'member' };

  it('puts a French day separator before each new day, pending messages last, no double after the ack', () => {
    const m1 = msg(1, { createdAt: '2026-11-22T10:00:00.000Z' });
    const m2 = msg(2, { createdAt: '2026-11-23T10:00:00.000Z', replyToId: 1001 });
    const pending = [
      {
        clientMsgId: 'c-2',
        channelId: 1,
        body: 'x',
        replyToId: null,
        createdAt: '2026-11-23T10:05:00.000Z',
        state: 'sending' as const,
        error: null,
      },
      {
        clientMsgId: 'new',
        channelId: 1,
        body: 'y',
        replyToId: 1001,
        createdAt: '2026-11-23T10:06:00.000Z',
        state: 'sending' as const,
        error: null,
      },
    ];
    const items = buildItems({
      channel: chan(1),
      messages: [m1, m2],
      pending,
      hasOlder: false,
      loaded: true,
      user,
      statusOf: () => 'online',
      now: new Date('2026-11-23T12:00:00.000Z'),
    });
    expect(items.map((i) => i.kind)).to.deep.equal(['start', 'day', 'message', 'day', 'message', 'pending']);
    expect(items[1]).to.include({ label: 'Hier' });
    expect(items[3]).to.include({ label: "Aujourd'hui" });
    const reply = items[4] as Extract<(typeof items)[number], { kind: 'message' }>;
    expect(reply.parent?.id).to.equal(1001);
    expect(items[5]).to.deep.include({ key: 'p-new' });
  });

  it('French dates and typing labels', () => {
    expect(dayLabel('2026-11-02T10:00:00.000Z', new Date('2026-11-23T12:00:00.000Z'))).to.equal('Lundi 2 novembre 2026');
    expect(typingLabel(['Julie'])).to.equal('Julie écrit…');
    expect(typingLabel(['Julie', 'Thomas'])).to.equal('Julie et Thomas écrivent…');
  });

  it("permissions: edit own, delete own or with the channel's moderation right, pin with its pin right", () => {
    const mine = msg(1, { author: { id: 1, username: 'julie', displayName: 'Julie' } });
    expect(permissionsFor(user, chan(1), mine)).to.deep.equal({ canEdit: true, canDelete: true, canPin: false });
    expect(permissionsFor(user, chan(1), msg(2))).to.deep.equal({ canEdit: false, canDelete: false, canPin: false });
    expect(permissionsFor({ ...user, id: 9, role: 'animator' }, chan(1, { canPin: true, canModerate: true }), msg(2))).to.deep.equal({
      canEdit: false,
      canDelete: true,
      canPin: true,
    });
  });

  it('mentions: @me and @channel, not an e-mail address', () => {
    expect(mentionsUser('Bonjour @julie !', 'julie')).to.equal(true);
    expect(mentionsUser('@channel réunion', 'julie')).to.equal(true);
    expect(mentionsUser('écrire à contact@julie.fr', 'julie')).to.equal(false);
    expect(mentionsUser('@juliette', 'julie')).to.equal(false);
  });

  it('links: only http(s) and mailto', () => {
    expect(safeHref('https://exemple.fr/a?b=1')).to.equal('https://exemple.fr/a?b=1');
    expect(safeHref('mailto:a@b.fr')).to.equal('mailto:a@b.fr');
    expect(safeHref('javascript:alert(1)')).to.equal(null);
    expect(safeHref('data:text/html,x')).to.equal(null);
    expect(safeHref('/relatif')).to.equal(null);
  });
});
