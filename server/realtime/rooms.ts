/** The only place room names are built: a socket never chooses a room itself. */
export const rooms = {
  user: (userId: number) => `user:${userId}`,
  session: (sessionId: number) => `session:${sessionId}`,
  channel: (channelId: number) => `channel:${channelId}`,
  hotlineStaff: () => 'hotline:staff',
  /** Every socket of a protocol version: a broadcast whose shape differs by version excludes the other one. */
  protocol: (version: 1 | 2) => `protocol:${version}`,
  /** Sockets subscribed to a user's presence (`presence:subscribe`) who may not see when they left. */
  presence: (userId: number) => `presence:${userId}`,
  /** Sockets subscribed to a user's presence who are their contacts: they get `lastSeenAt`. */
  presenceOfContact: (userId: number) => `presence:${userId}:contact`,
  /** Sockets following a project sheet live (`sheet:watch`): its creator's and its professionals'. */
  sheet: (sheetId: number) => `sheet:${sheetId}`,
};
