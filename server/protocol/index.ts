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
