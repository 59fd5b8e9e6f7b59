/** Wire contract of "Mes données": account deletion and the personal-data export (zod only; the client imports types). */
import { z } from 'zod';
import { fields } from './common';

/** Body of POST /api/me/deletion: the password again (re-authentication); none for an account that only signs in through ProConnect. */
export const deletionBody = z.object({ password: fields.password.optional() });
export type DeletionBody = z.infer<typeof deletionBody>;

/** Answer of POST /api/me/deletion (202): when the account will be erased unless its owner signs in before. */
export interface DeletionScheduled {
  erasesAt: string;
}

/** Error codes of the domain. */
export type PersonalDataErrorCode = 'wrong_password' | 'reauthentication_required';

/** Answer of POST /api/me/exports: download now (200), or an archive on its way whose link comes by notification and e-mail (202). */
export type ExportRequested = { status: 'direct'; downloadUrl: string } | { status: 'building'; expiresAt: string };
