import { expect } from 'chai';
import { ChannelsStore } from '../../client/state/channels-store.js';
import { IdleTracker } from '../../client/state/presence-store.js';
import { TypingStore } from '../../client/state/typing-store.js';
import { chan, msg, unreachable } from './chat-fixtures.js';

function store(...channels: ReturnType<typeof chan>[]) {
  const s = new ChannelsStore(unreachable, unreachable);
  for (const c of channels) s.upsert(c);
  return s;
}

/** Timers the test advances by hand. */
function manualTimers() {
  let next = 1;
  const pending = new Map<number, () => void>();
  return {
    timers: {
      setTimeout: (fn: () => void) => {
        pending.set(next, fn);
        return next++;
      },
      clearTimeout: (h: unknown) => void pending.delete(h as number),
    },
    fireAll() {
      const fns = [...pending.values()];
      pending.clear();
      fns.forEach((f) => f());
    },
    get count() {
      return pending.size;
    },
  };
}

describe('client ChannelsStore', () => {
  it('groups my channels in sections; favourites apart; search ignores accents', () => {
    const s = store(
      chan(1, { kind: 'national', name: 'Général' }),
      chan(2, { kind: 'departmental', name: '69 — Rhône' }),
      chan(3, { kind: 'thematic', name: 'Éducation', favorite: true }),
      chan(4, { kind: 'thematic', name: 'Insertion', joined: false }),
      chan(5, { kind: 'direct', name: 'Thomas Petit', peer: { id: 2, username: 'thomas', displayName: 'Thomas Petit' } }),
      chan(6, { kind: 'group', name: 'Groupe A' }),
      chan(7, { kind: 'hotline', name: 'Ticket 1' }),
    );
    const byKey = Object.fromEntries(s.sections().map((x) => [x.key, x.channels.map((c) => c.id)]));
    expect(byKey).to.deep.equal({ favorites: [3], national: [1], department: [2], thematic: [], group: [6], direct: [5], hotline: [7] });
    expect(s.sections().map((x) => x.title)).to.deep.equal([
      'Favoris',
      'National',
      'Mon département',
      'Thématiques',
      'Groupes',
      'Messages directs',
      'Hotline',
    ]);
    expect(s.sections('educ').flatMap((x) => x.channels.map((c) => c.id))).to.deep.equal([3]);
    expect(s.thematic().map((c) => c.id)).to.deep.equal([3, 4]);
    expect(s.directWith(2)?.id).to.equal(5);
  });

  it('counts message:new as unread (large channels get no unread push), not my own', () => {
    const s = store(chan(1, { lastSeq: 10, lastReadSeq: 10 }));
    s.applyMessage(msg(11), false);
    s.applyMessage(msg(12), false);
    s.applyMessage(msg(12), false);
    expect(s.get(1)).to.include({ unread: 2, lastSeq: 12 });
    s.applyMessage(msg(13, { author: { id: 1, username: 'moi', displayName: 'Moi' } }), true);
    expect(s.get(1)).to.include({ unread: 0, lastReadSeq: 13 });
  });

  it('unread events move the marker forward, never back, and cannot re-light what I read here', () => {
    const s = store(chan(1, { lastSeq: 10, lastReadSeq: 4, unread: 6 }));
    s.applyUnread({ channelId: 1, unread: 2, mentions: 1 });
    expect(s.get(1)).to.include({ unread: 2, mentions: 1, lastReadSeq: 8 });
    s.applyUnread({ channelId: 1, unread: 9, mentions: 1 });
    expect(s.get(1)).to.include({ unread: 2, lastReadSeq: 8 });
    s.applyUnread({ channelId: 1, unread: 0, mentions: 0 });
    expect(s.get(1)).to.include({ unread: 0, mentions: 0, lastReadSeq: 10 });
  });

  it('channel:removed keeps a thematic channel joinable and drops the others; channel:updated renames', () => {
    const s = store(chan(1, { kind: 'thematic', unread: 3 }), chan(2, { kind: 'departmental' }));
    s.remove(chan(1));
    s.remove(chan(2, { kind: 'departmental' }));
    expect(s.get(1)).to.include({ joined: false, unread: 0 });
    expect(s.get(2)).to.equal(undefined);
    s.applyUpdate({ id: 1, name: 'Nouveau nom', description: 'd', archived: true, archivedAt: '2026-11-23T10:00:00.000Z' });
    expect(s.get(1)).to.include({ name: 'Nouveau nom', archived: true });
  });
});

describe('client typing and idle', () => {
  it('shows a typer for 5 s, renewed by the next notice, cleared by their message', () => {
    const t = manualTimers();
    const typing = new TypingStore(unreachable, t.timers);
    typing.apply({ channelId: 1, userId: 2 });
    typing.apply({ channelId: 1, userId: 2 });
    typing.apply({ channelId: 1, userId: 3 });
    expect(typing.typing(1)).to.deep.equal([2, 3]);
    expect(t.count).to.equal(2);
    typing.stop(1, 3);
    expect(typing.typing(1)).to.deep.equal([2]);
    t.fireAll();
    expect(typing.typing(1)).to.deep.equal([]);
  });

  it('sends typing at most once per 3 s per channel', () => {
    const sent: unknown[] = [];
    let now = 0;
    const hub = { request: (_e: string, p: unknown) => (sent.push(p), Promise.resolve({})) };
    const typing = new TypingStore(hub as never, manualTimers().timers, () => now);
    typing.notify(1);
    now = 1000;
    typing.notify(1);
    typing.notify(2);
    now = 3100;
    typing.notify(1);
    expect(sent).to.deep.equal([{ channelId: 1 }, { channelId: 2 }, { channelId: 1 }]);
  });

  it('idle after the delay, active again on the next poke', () => {
    const t = manualTimers();
    const log: string[] = [];
    const idle = new IdleTracker(
      () => log.push('idle'),
      () => log.push('active'),
      300_000,
      t.timers,
    );
    idle.poke();
    idle.poke();
    expect(t.count).to.equal(1);
    t.fireAll();
    idle.poke();
    expect(log).to.deep.equal(['idle', 'active']);
    idle.stop();
    expect(t.count).to.equal(0);
  });
});
