/**
 * What each account type may do, in one table. Admins edit the list of types
 * offered at sign-up (labels, which need validation); the rights of a type
 * are written here. A type admins add later has the rights of `membre` until
 * it gets its own line. Only the type in force counts: a type waiting for
 * validation gives nothing yet (the account works as a basic member).
 */
import type { UserRow } from '../db/users';

export interface AccountTypeRights {
  /** Writes articles (submitted to moderation unless `publishesDirectly`). */
  writesContents: boolean;
  /** Publishes network-wide contents without moderation. */
  publishesDirectly: boolean;
  /** Sends contents to outside addresses ("Recommander"). */
  recommends: boolean;
  /** Shown as a professional in the directories. */
  listedAsProfessional: boolean;
  /** Keeps project sheets and a canvas (#22). */
  keepsProjectSheets: boolean;
  /** May be given access to creators' sheets (a validated professional). */
  accompaniesCreators: boolean;
}

/** The basic member's rights, also those of any type without a line below. */
export const BASIC_TYPE = 'membre';

export const ACCOUNT_TYPE_RIGHTS: Record<string, AccountTypeRights> = {
  membre: {
    writesContents: true,
    publishesDirectly: false,
    recommends: true,
    listedAsProfessional: false,
    keepsProjectSheets: false,
    accompaniesCreators: false,
  },
  professionnel: {
    writesContents: true,
    publishesDirectly: false,
    recommends: true,
    listedAsProfessional: true,
    keepsProjectSheets: false,
    accompaniesCreators: true,
  },
  createur: {
    writesContents: false,
    publishesDirectly: false,
    recommends: true,
    listedAsProfessional: false,
    keepsProjectSheets: true,
    accompaniesCreators: false,
  },
  animateur_territorial: {
    writesContents: true,
    publishesDirectly: true,
    recommends: true,
    listedAsProfessional: true,
    keepsProjectSheets: false,
    accompaniesCreators: true,
  },
};

/** The types whose accounts the directories show as professionals. */
export const professionalTypes = (): string[] =>
  Object.entries(ACCOUNT_TYPE_RIGHTS)
    .filter(([, r]) => r.listedAsProfessional)
    .map(([key]) => key);

/** The rights of the account's type in force. */
export function rightsOf(user: Pick<UserRow, 'account_type'>): AccountTypeRights {
  return ACCOUNT_TYPE_RIGHTS[user.account_type ?? BASIC_TYPE] ?? ACCOUNT_TYPE_RIGHTS[BASIC_TYPE]!;
}
