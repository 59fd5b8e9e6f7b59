import { expect } from 'chai';
import { io } from 'socket.io-client';
import { HubClient } from '../../client/realtime/hub-client.js';
import { makeUserWithToken } from '../helpers/factories';
import { useServer } from '../helpers/suite';

describe('hub client: `hub:resync` from the server (the end of a Redis outage) triggers a resync', () => {
  const s = useServer();

  it('dispatches `resync` on connect, and again on `hub:resync`', async () => {
    const u = await makeUserWithToken(s.db);
    const hub = new HubClient(() => io(s.url, { auth: { token: u.token }, transports: ['websocket'] }));
    let resyncs = 0;
    hub.addEventListener('resync', () => resyncs++);
    hub.start();
    const end = Date.now() + 5000;
    while (resyncs < 1 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(resyncs).to.equal(1);
    s.app.io.emit('hub:resync', { reason: 'redis' });
    while (resyncs < 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(resyncs).to.equal(2);
    hub.stop();
  });
});
