/**
 * `redqueen serve DIR`: the viewer for a run from its files, finished or
 * still running in another process, with a timeline to move through it. DIR
 * may also be a folder of runs (no run.json, subdirectories with one): then
 * `/` is the runs overview, and each run opens in the full viewer. Serves
 * until Ctrl-C.
 */
import { StreamHub } from '../stream/hub.ts';
import { accessPolicy } from '../stream/access.ts';
import { startReplay, type Replay } from '../stream/replay.ts';
import { runsFolder, serveTarget } from '../stream/runs-dir.ts';
import { startStreamServer } from '../stream/server.ts';
import { announce, streamSettings, type StreamFlags } from './stream-flags.ts';

export const DEFAULT_SERVE_PORT = 8420;

export async function serveCommand(dir: string, flags: StreamFlags): Promise<number> {
  const settings = streamSettings(flags, DEFAULT_SERVE_PORT)!;
  // Read the run (or the folder) first: a wrong directory is reported before anything listens.
  const target = await serveTarget(dir);
  let hub: StreamHub | undefined;
  let replay: Replay | undefined;
  if (target.kind === 'run') {
    hub = new StreamHub(null);
    replay = await startReplay(dir, hub);
  }
  const runs = target.kind === 'runs' ? runsFolder(dir) : undefined;
  const access = accessPolicy({ host: settings.host, token: settings.token, allowedHosts: settings.allowedHosts });
  let server;
  try {
    server = await startStreamServer({ host: settings.host, port: settings.port, access, ...(hub ? { hub } : {}), ...(runs ? { runs } : {}) });
  } catch (e) {
    replay?.stop();
    runs?.close();
    throw e;
  }
  for (const line of announce(server.url, access, false)) process.stderr.write(`redqueen: ${line}\n`);
  if (target.kind === 'run') {
    process.stderr.write(`redqueen: replaying ${dir} (${hub!.generation} generations so far; new ones are followed); Ctrl-C to stop\n`);
  } else {
    process.stderr.write(`redqueen: overview of ${target.names.length} runs in ${dir} (${target.names.join(', ')}); Ctrl-C to stop\n`);
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  replay?.stop();
  await server.close();
  return 0;
}
