/** Suite helpers: what a `describe` sets up in its `before` hooks, usable by name where the suite is declared. */
import { startServer, type TestServer } from './server';
import { closeAll } from './sockets';
import { databaseOf } from './any-database';
import type { TestDatabase } from './db';
import { needPostgres } from './services';

/**
 * An object that stands for the one `resolve` answers once the suite's
 * hooks have made it (reads, writes, `in` and spreads go to it): the suite
 * can name it where it is declared, before it exists.
 */
export function standIn<T extends object>(what: string, resolve: () => T | undefined): T {
  const real = () => {
    const value = resolve();
    if (value === undefined) throw new Error(`${what} is made in the suite’s before hook: use it in hooks and tests only`);
    return value;
  };
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(real(), key),
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(real(), key),
  });
}

/**
 * Starts a server for the calling suite (`before`), and closes it with every
 * socket `connect` opened (`after`). Answers a stand-in for it.
 */
export function useServer(opts: Parameters<typeof startServer>[0] = {}): TestServer {
  let server: TestServer | undefined;
  before(async () => {
    server = await startServer(opts);
  });
  after(async () => {
    closeAll();
    await server?.close();
  });
  return standIn('the suite’s server', () => server);
}

/**
 * Makes the suite's cast with `make` in a `before` hook (register it after
 * `useServer`) and answers stand-ins for its members, to destructure where the
 * suite is declared. Members are objects (people, groups): a number cannot stand in.
 */
export function useCast<T extends { [K in keyof T]: object }>(make: () => Promise<T>): T {
  let cast: T | undefined;
  before(async () => {
    cast = await make();
  });
  return new Proxy({} as T, {
    get: (_, key) => standIn(`the cast’s ${String(key)}`, () => (cast ? (Reflect.get(cast, key) as object) : undefined)),
  });
}

/**
 * Like `useServer`, on a fresh database of the given kind (PostgreSQL: skipped with a notice when absent,
 * mandatory under CI); the database is dropped after the suite.
 */
export function useServerOn(kind: 'sqlite' | 'postgres', env: Record<string, string> = {}): TestServer {
  let database: TestDatabase | undefined;
  let server: TestServer | undefined;
  before(async function () {
    if (kind === 'postgres') await needPostgres(this);
    database = await databaseOf(kind);
    server = await startServer({ database, env });
  });
  after(async () => {
    closeAll();
    await server?.close();
    await database?.drop();
  });
  return standIn('the suite’s server', () => server);
}
