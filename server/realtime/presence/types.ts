import type { UserRow } from '../../db/users';
import type { HubSocket, RealtimeDomain } from '../hub-types';
import type { ChosenStatus, PresenceStatus } from './store';

/** What the others see of someone: `lastSeenAt` is set for offline users (when they left), null otherwise. */
export interface PresenceInfo {
  status: PresenceStatus;
  lastSeenAt: string | null;
}

/** The presence domain: its hub side and what other domains may ask of it. */
export interface PresenceDomain extends RealtimeDomain {
  /** Status and last-seen time of each existing user of the list, with no visibility rule (for other domains). */
  statusOf(userIds: number[]): Promise<Map<number, PresenceInfo>>;
  /** The user's chosen status (`presence:set`); broadcast when it changes. */
  setStatus(userId: number, status: ChosenStatus): Promise<void>;
  /** `presence:get`: what `actor` may see of these users, in the order asked, unknown and invisible ones left out. */
  visibleTo(actor: UserRow, userIds: number[]): Promise<Array<{ userId: number } & PresenceInfo>>;
  /**
   * `presence:subscribe`: the socket now follows these users (its previous subscription is replaced);
   * answers their presence as `visibleTo` does. Whether each is a contact (gets `lastSeenAt`) is decided now.
   */
  subscribe(socket: HubSocket, actor: UserRow, userIds: number[]): Promise<Array<{ userId: number } & PresenceInfo>>;
}
