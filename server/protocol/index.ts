/** The whole contract in one import (the client uses `import type` only). */
export * from './common';
export * from './users';
export * from './accounts';
export * from './departments';
export * from './chat';
export * from './message-extras';
export * from './threads';
export * from './presence';
export * from './hotline';
export * from './groups';
export * from './posts';
export * from './documents';
export * from './agenda';
export * from './notifications';
export * from './directory';
export * from './socket';
export * from './oidc';
export * from './personal-data';
export * from './organisation-catalog';
export * from './organisations';
export * from './publishing';
export * from './account-types';
export * from './search';
export * from './favorites';
export * from './anti-robot';
export * from './booking';
export * from './help';
export * from './project-sheets';
export * from './orientation';
export * from './agenda-workshops';
export * from './resources';
export * from './signup-rules';
export * from './polls';
export * from './suggestions';
export * from './newsletters';
export * from './communities';

import type { CommonErrorCode } from './common';
import type { AccountErrorCode } from './accounts';
import type { ChatErrorCode } from './chat';
import type { MessageExtraErrorCode } from './message-extras';
import type { HotlineErrorCode } from './hotline';
import type { GroupErrorCode } from './groups';
import type { PostErrorCode } from './posts';
import type { DocumentErrorCode } from './documents';
import type { AgendaErrorCode } from './agenda';
import type { ReportErrorCode } from './reports';
import type { OidcErrorCode } from './oidc';
import type { PersonalDataErrorCode } from './personal-data';
import type { OrganisationErrorCode } from './organisations';
import type { PublishingErrorCode } from './publishing';
import type { AccountTypeErrorCode } from './account-types';
import type { AntiRobotErrorCode } from './anti-robot';
import type { BookingErrorCode } from './booking';
import type { ProjectSheetErrorCode } from './project-sheets';
import type { WorkshopErrorCode } from './agenda-workshops';
import type { ResourceErrorCode } from './resources';
import type { SignupRulesErrorCode } from './signup-rules';
import type { PollErrorCode } from './polls';
import type { SuggestionErrorCode } from './suggestions';
import type { NewsletterErrorCode } from './newsletters';
import type { CommunityErrorCode } from './communities';

/** Every error code the server may answer (REST and acks). */
export type ErrorCode =
  | CommonErrorCode
  | AccountErrorCode
  | ChatErrorCode
  | MessageExtraErrorCode
  | HotlineErrorCode
  | GroupErrorCode
  | PostErrorCode
  | DocumentErrorCode
  | AgendaErrorCode
  | ReportErrorCode
  | OidcErrorCode
  | PersonalDataErrorCode
  | OrganisationErrorCode
  | PublishingErrorCode
  | AccountTypeErrorCode
  | AntiRobotErrorCode
  | BookingErrorCode
  | ProjectSheetErrorCode
  | WorkshopErrorCode
  | ResourceErrorCode
  | SignupRulesErrorCode
  | PollErrorCode
  | SuggestionErrorCode
  | NewsletterErrorCode
  | CommunityErrorCode;
