import type http from 'node:http';
import { Server } from 'socket.io';
import { createHubClusterAdapter, createRemoteFirstAdapter, HubAdapter } from './cluster-adapter';
import type { Deps } from '../deps';
import { authenticateToken } from '../services/accounts/sessions';
import { cookieToken } from '../security/session-cookie';
import { allowedOrigin } from '../security/origins';
import { rooms } from './rooms';
import { dispatchEvent, rememberActor } from './handle';
import type { UserRow } from '../db/users';
import type { EventTable, HubServer, HubSharing, HubSocket, RealtimeDomain } from './hub-types';
import type { Realtime } from './types';

/** The user each handshake authenticated, until its connection handler takes it. */
const handshakeUsers = new WeakMap<HubSocket, UserRow>();

/**
 * Attaches Socket.IO to the HTTP server: refuses foreign origins (cross-site
 * WebSocket hijacking), authenticates by token or cookie, puts every socket in
 * its user's and session's rooms, then lets each domain add its rooms and
 * handlers. With Redis, the adapter carries broadcasts and room moves to every node.
 */
export function attachHub(httpServer: http.Server, deps: Deps, sharing: HubSharing, domains: RealtimeDomain[]) {
  const { redis } = sharing;
  const io: HubServer = new Server(httpServer, {
    maxHttpBufferSize: 256 * 1024,
    serveClient: false,
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, !origin || allowedOrigin(origin, deps.config.publicUrl, req.headers.host));
    },
  });
  io.adapter(
    redis
      ? createRemoteFirstAdapter(redis.pub, redis.sub, { key: `${deps.config.redisPrefix}socket.io` })
      : sharing.clusterWorker
        ? createHubClusterAdapter()
        : HubAdapter,
  );

  io.use(async (socket, next) => {
    try {
      const token = (socket.handshake.auth as { token?: unknown })?.token;
      const auth = await authenticateToken(deps, typeof token === 'string' ? token : cookieToken(socket.handshake.headers.cookie));
      if (!auth) return next(new Error('unauthorized'));
      socket.data.userId = auth.user.id;
      socket.data.sessionId = auth.session.id;
      handshakeUsers.set(socket, auth.user);
    } catch (err) {
      deps.log.error({ err }, 'socket auth failed');
      return next(new Error('unauthorized'));
    }
    // Rooms are joined here, before the client's `connect` fires: a message committed after `connect`
    // always arrives live. (Socket.IO leaves the rooms again if the connection fails or closes meanwhile.)
    try {
      const protocol = (socket.handshake.auth as { protocol?: unknown })?.protocol;
      socket.data.protocol = protocol === 2 || protocol === '2' ? 2 : 1;
      socket.join([rooms.user(socket.data.userId), rooms.session(socket.data.sessionId), rooms.protocol(socket.data.protocol)]);
      for (const d of domains) await d.onJoin?.(socket, handshakeUsers.get(socket)!);
      next();
    } catch (err) {
      deps.log.error({ err }, 'socket room join failed');
      handshakeUsers.delete(socket);
      next(new Error('internal_error'));
    }
  });

  const table: EventTable = new Map();
  for (const d of domains) d.events?.(table);
  io.on('connection', (socket) => {
    const user = handshakeUsers.get(socket)!;
    handshakeUsers.delete(socket);
    rememberActor(socket, user);
    // One listener per socket, the handlers shared by all: an event no domain handles is acknowledged `unknown_event`.
    socket.onAny((event: string, ...args: unknown[]) => dispatchEvent(table, socket, event, args));
    socket.data.ready = (async () => {
      for (const d of domains) await d.onConnect?.(socket, user);
    })();
    socket.data.ready.catch((err) => {
      deps.log.error({ err }, 'socket connect hook failed');
      socket.disconnect(true);
    });
    socket.on('disconnect', () => {
      void (async () => {
        await socket.data.ready.catch(() => {});
        for (const d of domains) await d.onDisconnect?.(socket);
      })().catch((err) => deps.log.error({ err }, 'socket disconnect hook failed'));
    });
  });
  for (const d of domains) d.bind?.(io);

  const realtime: Realtime = {
    disconnectUser: (userId) => io.in(rooms.user(userId)).disconnectSockets(true),
    disconnectSession: (sessionId) => io.in(rooms.session(sessionId)).disconnectSockets(true),
  };
  return { io, realtime };
}
