/** What a user says about themself while connected. */
export type ChosenStatus = 'online' | 'away' | 'dnd';
/** What the others see. */
export type PresenceStatus = ChosenStatus | 'offline';

/** Transitions the store finds by itself, for the domain to broadcast. */
export interface StoreEvents {
  /** Users a dead node left behind, now un-announced. */
  offline(userIds: number[]): void;
  /** Users of this node announced again after other nodes took it for dead (a Redis outage, a long pause). */
  online(userIds: number[]): void;
}

/**
 * Where presence lives: in memory for one node, in Redis for several. Counts
 * are per user and per node; a user is "announced" (online, away or dnd) from
 * the first socket until `expireIfGone` finds no socket left anywhere. Every
 * method that reports a transition reports it on exactly one node, so each
 * change is broadcast once.
 */
export interface PresenceStore {
  /** Starts background work (Redis: heartbeat and dead-node sweeper); resolves once the node is registered. */
  start(events: StoreEvents): Promise<void>;
  /** One more socket of the user on this node; true when the user was not announced before (announce them online). */
  connect(userId: number): Promise<boolean>;
  /** One socket fewer on this node; answers how many sockets the user still has on all live nodes. */
  disconnect(userId: number): Promise<number>;
  /** At the end of the grace period: if the user has no socket anywhere, un-announces them and answers true (once). */
  expireIfGone(userId: number): Promise<boolean>;
  /** Records a chosen status for an announced user; true when it changed. */
  setStatus(userId: number, status: ChosenStatus): Promise<boolean>;
  /** The current status of each user (`offline` when not announced). */
  statuses(userIds: number[]): Promise<Map<number, PresenceStatus>>;
  /**
   * After a Redis outage (Redis only): replaces this node's counts with `counts` (user → sockets connected
   * here now); answers the users newly announced, and those this node held who have no socket anywhere now.
   */
  rebuild?(counts: Map<number, number>): Promise<{ online: number[]; offline: number[] }>;
  /** Stops background work; with Redis, also withdraws this node so the others expire its users. */
  stop(): Promise<void>;
}
