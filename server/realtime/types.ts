/** What the HTTP side may ask of the real-time hub (implemented in realtime/hub.ts). */
export interface Realtime {
  /** Drops every socket of a user on every node (disabled account, password reset). */
  disconnectUser(userId: number): void;
  /** Drops the sockets opened with one session (logout). */
  disconnectSession(sessionId: number): void;
}
