/** The only place room names are built: a socket never chooses a room itself. */
export const rooms = {
  user: (userId: number) => `user:${userId}`,
  session: (sessionId: number) => `session:${sessionId}`,
  channel: (channelId: number) => `channel:${channelId}`,
  hotlineStaff: () => 'hotline:staff',
};
