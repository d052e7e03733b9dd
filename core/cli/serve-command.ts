/**
 * `redqueen serve DIR`: the viewer for a run from its files, finished or
 * still running in another process. Serves until Ctrl-C.
 */
import { StreamHub } from '../stream/hub.ts';
import { accessPolicy } from '../stream/access.ts';
import { startReplay } from '../stream/replay.ts';
import { startStreamServer } from '../stream/server.ts';
import { announce, streamSettings, type StreamFlags } from './stream-flags.ts';

export const DEFAULT_SERVE_PORT = 8420;

export async function serveCommand(dir: string, flags: StreamFlags): Promise<number> {
  const settings = streamSettings(flags, DEFAULT_SERVE_PORT)!;
  const hub = new StreamHub(null);
  // Read the run first: a wrong directory is reported before anything listens.
  const replay = await startReplay(dir, hub);
  const access = accessPolicy({ host: settings.host, token: settings.token, allowedHosts: settings.allowedHosts });
  let server;
  try {
    server = await startStreamServer({ host: settings.host, port: settings.port, access, hub });
  } catch (e) {
    replay.stop();
    throw e;
  }
  for (const line of announce(server.url, access, false)) process.stderr.write(`redqueen: ${line}\n`);
  process.stderr.write(`redqueen: replaying ${dir} (${hub.generation} generations so far; new ones are followed); Ctrl-C to stop\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  replay.stop();
  await server.close();
  return 0;
}
