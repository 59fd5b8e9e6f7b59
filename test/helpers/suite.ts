/** Suite helpers: the server a `describe` runs against, started before its tests and closed after them. */
import { startServer, type TestServer } from './server';
import { closeAll } from './sockets';

/**
 * Starts a server for the calling suite (`before`), and closes it with every
 * socket `connect` opened (`after`). Answers a stand-in for it, to use in the
 * suite's hooks and tests (the server does not exist yet while the suite is declared).
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
  return new Proxy({} as TestServer, {
    get(_, key) {
      if (!server) throw new Error('useServer: the server starts in the suite’s before hook');
      return Reflect.get(server, key);
    },
  });
}
