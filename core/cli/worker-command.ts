/**
 * `redqueen worker --nats URL`: compute tiles of other processes' runs until
 * stopped (Ctrl-C or SIGTERM finish the tile in hand, ack it, and exit).
 */
import type { JsonObject } from '../basics/json.ts';
import { UserError } from '../basics/errors.ts';
import { choiceFlag } from '../basics/flags.ts';
import { BACKEND_CHOICES } from '../domain/backend-names.ts';
import type { DomainInstance } from '../domain/domain.ts';
import { runWorker } from '../distributed/worker.ts';
import { findDomain } from '../../populations/index.ts';

export interface WorkerFlags {
  readonly nats?: string;
  readonly backend?: string;
  readonly quiet?: boolean;
}

function resolveDomain(name: string, options: JsonObject): DomainInstance {
  const domain = findDomain(name);
  if (!domain) throw new Error(`unknown domain "${name}" (this worker is an older or newer redqueen than the run)`);
  const parsed = domain.options.safeParse(options);
  if (!parsed.success) throw new Error(`${name} options do not validate here: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return domain.create(parsed.data);
}

export async function workerCommand(flags: WorkerFlags): Promise<number> {
  if (!flags.nats) throw new UserError('--nats <url> is required, e.g. --nats nats://127.0.0.1:4222');
  const backend = choiceFlag('backend', flags.backend, BACKEND_CHOICES) ?? 'auto';
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('redqueen worker: stopping after the tile in hand\n');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const report = await runWorker({
      url: flags.nats,
      backend,
      resolve: resolveDomain,
      signal: controller.signal,
      log: (line) => {
        if (!flags.quiet) process.stderr.write(`${line}\n`);
      },
    });
    if (!flags.quiet) process.stderr.write(`redqueen worker: ${report.tiles} tiles done (${report.failed} failed)\n`);
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
