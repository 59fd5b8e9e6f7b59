/**
 * The anti-robot check (a proof of work, altcha): GET /api/anti-robot/challenge
 * hands out a signed challenge; a protected form sends the widget's answer as
 * `altcha` next to its own fields.
 */
import { z } from 'zod';

/** The field a protected form adds to its body: the widget's base64 payload. */
export const antiRobotBody = z.object({ altcha: z.string().max(8000).optional() });
/** What a protected form adds to its body. */
export type AntiRobotBody = z.input<typeof antiRobotBody>;

/** Answer of GET /api/anti-robot/challenge (altcha v2 challenge, read by the widget). */
export interface AntiRobotChallenge {
  parameters: {
    algorithm: string;
    nonce: string;
    salt: string;
    cost: number;
    keyLength: number;
    keyPrefix: string;
    keySignature?: string;
    expiresAt?: number;
  };
  signature?: string;
}

/**
 * Codes a protected form may answer (400, `details.fields.altcha` holds the French text):
 * the check is missing, wrong (bad signature or solution, unreadable), too old, or already used.
 */
export const ANTI_ROBOT_ERROR_CODES = ['anti_robot_required', 'anti_robot_invalid', 'anti_robot_expired', 'anti_robot_replayed'] as const;
export type AntiRobotErrorCode = (typeof ANTI_ROBOT_ERROR_CODES)[number];
