/** Handlers a child process answers over IPC; `stop` is always there. */
export type Handlers = Record<string, (msg: any) => Promise<unknown> | unknown>;

/**
 * The child side of bench/lib/proc.ts: answers commands, exits when the parent
 * goes away, and exits by itself when its watchdog (BENCH_MAX_MS) runs out.
 */
export function serveParent(handlers: Handlers, onStop: () => Promise<void> | void = () => {}): void {
  if (!process.send) {
    console.error('this file is started by bench/run.ts (it needs an IPC channel)');
    process.exit(2);
  }
  const maxMs = Number(process.env.BENCH_MAX_MS ?? 600_000);
  setTimeout(() => {
    console.error(`[bench child ${process.pid}] watchdog: ${maxMs} ms elapsed, exiting`);
    process.exit(3);
  }, maxMs).unref();

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const t = setTimeout(() => process.exit(code), 5000);
    t.unref();
    try {
      await onStop();
    } catch {
      // exiting anyway
    }
    process.exit(code);
  };
  process.on('disconnect', () => void stop(0));

  process.on('message', async (m: any) => {
    if (m?.cmd === 'stop') return void stop(0);
    const handler = handlers[m?.cmd];
    try {
      if (!handler) throw new Error(`unknown command ${m?.cmd}`);
      const result = await handler(m);
      process.send!({ id: m.id, ok: true, result });
    } catch (err) {
      process.send!({ id: m.id, ok: false, cmd: m?.cmd, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  });
}

/** Tells the parent the child is ready (with e.g. its URL). */
export function announceReady(payload: unknown): void {
  process.send?.({ type: 'ready', payload });
}

/** Tells the parent the child could not start, then exits. */
export function fatal(err: unknown): void {
  console.error(err);
  const exit = () => process.exit(1);
  if (process.send) process.send({ type: 'fatal', error: err instanceof Error ? (err.stack ?? err.message) : String(err) }, exit);
  else exit();
}
