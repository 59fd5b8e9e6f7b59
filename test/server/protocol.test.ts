import { expect } from 'chai';
import { makeUserWithToken } from '../helpers/factories';
import { connect, emitRaw } from '../helpers/sockets';
import { useServer } from '../helpers/suite';
import { clientEventSchemas } from '../../server/protocol/socket';

// The types make every handler answer an event of the map; this checks the other way round at run time:
// every event of the map has a handler on the hub, and the hub parses it with the map's schema.
describe('the typed contract and the hub agree', () => {
  const s = useServer();

  it('every client event of the protocol is handled: a payload its schema refuses answers invalid_payload, not unknown_event', async () => {
    const u = await makeUserWithToken(s.db);
    const socket = await connect(s.url, u.token);
    const names = Object.keys(clientEventSchemas);
    expect(names).to.include.members(['message:send', 'channel:sync', 'presence:get', 'hotline:open']);
    for (const name of names) {
      const ack = await emitRaw(socket, name, 'pas un objet');
      expect(ack.ok, name).to.equal(false);
      expect(ack.error.code, name).to.equal('invalid_payload');
    }
    const unknown = await emitRaw(socket, 'message:sned', { channelId: 1 });
    expect(unknown.error.code).to.equal('unknown_event');
    expect(socket.connected).to.equal(true);
  });
});
