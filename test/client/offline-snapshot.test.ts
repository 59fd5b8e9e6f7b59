import { expect } from 'chai';
import { ApiError } from '../../client/api/http';
import type { Channel } from '../../client/api/chat';
import { ChannelsStore } from '../../client/state/channels-store';
import { OfflineSnapshot } from '../../client/state/offline-snapshot';

/** A Map-backed localStorage. */
function memoryStorage() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    m,
  };
}

const channel = (id: number, name: string) =>
  ({
    id,
    kind: 'thematic',
    name,
    slug: `s${id}`,
    joined: true,
    favorite: false,
    unread: 0,
    mentions: 0,
    lastSeq: 0,
    lastReadSeq: 0,
  }) as unknown as Channel;

describe('offline snapshot: what opens the app without the network', () => {
  it('keeps the user and their channels, and forgets both on sign-out', () => {
    const storage = memoryStorage();
    const snap = new OfflineSnapshot(storage);
    snap.setUser({ id: 7 });
    snap.setChannels(7, [channel(1, 'Général')]);
    expect(snap.user<{ id: number }>()).to.deep.equal({ id: 7 });
    expect(snap.channels<Channel>(7)!.map((c) => c.name)).to.deep.equal(['Général']);
    snap.setUser(null);
    expect(snap.user()).to.equal(null);
    expect(snap.channels(7)).to.equal(null);
    expect(storage.m.size).to.equal(0);
  });

  it('the channels store falls back to the kept list when the server cannot be reached', async () => {
    const storage = memoryStorage();
    const snap = new OfflineSnapshot(storage);
    let online = true;
    const api = {
      channels: async () => {
        if (!online) throw new ApiError(0, 'network_error', 'Réseau indisponible');
        return [channel(1, 'Général'), channel(2, 'Éducation')];
      },
    };
    const first = new ChannelsStore(api, { request: async () => ({}) as never });
    first.keepSnapshot(snap, 7);
    await first.load();
    online = false;
    const offline = new ChannelsStore(api, { request: async () => ({}) as never });
    offline.keepSnapshot(snap, 7);
    await offline.load();
    expect(offline.status).to.equal('ready');
    expect(offline.items.map((c) => c.name)).to.deep.equal(['Général', 'Éducation']);
    // Someone else's list is never used.
    const other = new ChannelsStore(api, { request: async () => ({}) as never });
    other.keepSnapshot(snap, 8);
    await other.load();
    expect(other.status).to.equal('error');
  });
});
