import fs from 'node:fs';
import { Session } from 'node:inspector/promises';

let session: Session | null = null;

/**
 * IPC handler of a server child: `start` the V8 sampling profiler on the main
 * thread, `stop` and write the .cpuprofile (the format `node --cpu-prof` writes,
 * but covering only the measured phase, not the start-up).
 */
export async function cpuProfile(msg: { action: 'start' | 'stop'; file?: string }): Promise<{ file?: string }> {
  if (msg.action === 'start') {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 500 });
    await session.post('Profiler.start');
    return {};
  }
  if (!session) throw new Error('profiler not started');
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  session = null;
  fs.writeFileSync(msg.file!, JSON.stringify(profile));
  return { file: msg.file };
}
