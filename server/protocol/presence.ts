/** Presence: `presence:set` / `presence:get` / `presence:subscribe` and the `presence` event. */
import { z } from 'zod';

/** Presence of a user. */
export type PresenceStatus = 'online' | 'away' | 'dnd' | 'offline';
/** What a user may choose (offline is when no socket is left). */
export type ChosenStatus = Exclude<PresenceStatus, 'offline'>;

/** The `presence` event and each item of a `presence:get` ack; `lastSeenAt` only for contacts. */
export interface PresenceInfo {
  userId: number;
  status: PresenceStatus;
  lastSeenAt: string | null;
}

/** Client → server events of presence: the payload schema of each. */
export const presenceClientSchemas = {
  'presence:set': z.object({ status: z.enum(['online', 'away', 'dnd']) }),
  'presence:get': z.object({ userIds: z.array(z.number().int().positive()).max(500) }),
  /** The users this socket shows (replaces its previous subscription): `presence` comes for those only. */
  'presence:subscribe': z.object({ userIds: z.array(z.number().int().positive()).max(500) }),
};

/** What a successful ack carries beside `ok: true`. */
export interface PresenceAcks {
  'presence:set': {};
  'presence:get': { presence: PresenceInfo[] };
  /** The current presence of the users subscribed to (those the caller may see), as `presence:get` answers. */
  'presence:subscribe': { presence: PresenceInfo[] };
}

/** Server → client events of presence. */
export interface PresenceServerEvents {
  presence: PresenceInfo;
}
