/** The whole contract in one import (the client uses `import type` only). */
export * from './common';
export * from './users';
export * from './accounts';
export * from './departments';
export * from './chat';
export * from './presence';
export * from './hotline';
export * from './groups';
export * from './posts';
export * from './documents';
export * from './agenda';
export * from './notifications';
export * from './directory';
export * from './socket';

import type { CommonErrorCode } from './common';
import type { AccountErrorCode } from './accounts';
import type { ChatErrorCode } from './chat';
import type { HotlineErrorCode } from './hotline';
import type { GroupErrorCode } from './groups';
import type { PostErrorCode } from './posts';
import type { DocumentErrorCode } from './documents';
import type { AgendaErrorCode } from './agenda';
import type { ReportErrorCode } from './reports';

/** Every error code the server may answer (REST and acks). */
export type ErrorCode =
  | CommonErrorCode
  | AccountErrorCode
  | ChatErrorCode
  | HotlineErrorCode
  | GroupErrorCode
  | PostErrorCode
  | DocumentErrorCode
  | AgendaErrorCode
  | ReportErrorCode;
