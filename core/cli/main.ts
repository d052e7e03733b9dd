/**
 * The `redqueen` command line (commander). Exit codes: 0 done, 2 bad input
 * (one line naming the flag, field or file) or a run directory another
 * process is writing, 3 a file-system fault (disk full, read-only...: one
 * line with the path and how to resume), 130 stopped by Ctrl-C and 143 by
 * SIGTERM with everything written, 1 anything unexpected (with its stack).
 */
import { Command, CommanderError, Option } from 'commander';
import { BACKEND_CHOICES } from '../domain/backend-names.ts';
import { EVALUATION_MODES } from '../engine/interactions.ts';
import { ENGINE_DEFAULTS } from '../run/config.ts';
import { isUserError, type UserError } from '../basics/errors.ts';
import { rawFault } from '../run/fs-errors.ts';
import { DOMAINS } from '../../populations/index.ts';
import { versions } from '../run/versions.ts';
import { DEFAULT_MEASURES } from '../sweep/report.ts';
import { analyzeCommand } from './analyze-command.ts';
import { domainFlags } from './domain-flags.ts';
import { evalCommand } from './eval-command.ts';
import { resumeAction, type ResumeFlags } from './resume-command.ts';
import { workerCommand, type WorkerFlags } from './worker-command.ts';
import { sweepCommand, type SweepFlags } from './sweep-command.ts';
import { runCommand, type RunFlags } from './run-command.ts';
import { DEFAULT_SERVE_PORT, serveCommand } from './serve-command.ts';
import { addStreamOptions, withLiveStream, type StreamFlags } from './stream-flags.ts';

/** "the domain's: 300 for sorting-networks, 1000 for ..." from the domains themselves, so help cannot drift. */
function generationsDefault(): string {
  const each = DOMAINS.map((d) => `${d.defaults?.generations ?? ENGINE_DEFAULTS.generations} for ${d.name}`);
  return `default: the domain's, ${each.join(', ')}`;
}

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('redqueen')
    .description('Adversarial coevolution: solvers and challengers, each the other\'s moving target.')
    .version(versions().redqueen ?? 'unknown')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');

  const run = program
    .command('run')
    .description('start a coevolution run')
    .option('--domain <name>', `domain: ${DOMAINS.map((d) => d.name).join(', ')} (default sorting-networks)`)
    .option('--config <file>', 'JSON config file (flags override it)')
    .option('--generations <n>', `generations to play; 0 = until stopped (Ctrl-C checkpoints and stops) (${generationsDefault()})`)
    .option('--seed <s>', 'random seed (same seed + config + backend = identical run)')
    .option('--out <dir>', 'run directory (default runs/<domain>-<time>)')
    .addOption(new Option('--backend <b>', 'backend: a gpu.js one, or wasm (WebAssembly SIMD on every core)').choices([...BACKEND_CHOICES]))
    .option('--population <n>', 'size of both populations')
    .option('--solvers <n>', 'solver population size')
    .option('--challengers <n>', 'challenger population size')
    .addOption(new Option('--evaluation <mode>', 'who meets whom').choices([...EVALUATION_MODES]))
    .option('--opponents <k>', 'opponents per individual with --evaluation sampled')
    .option('--checkpoint-every <n>', 'generations between checkpoints')
    .option('--nats <url>', 'evaluate on `redqueen worker` processes through this NATS JetStream server')
    .option('--tile-rows <n>', 'rows of the interaction batch per work item with --nats (default 64)')
    .option('--quiet', 'no progress line')
    .option('--verbose', 'at start, list every backend tried, not just the one chosen');
  for (const f of domainFlags(DOMAINS)) {
    run.option(`--${f.flag} <${f.kind === 'number' ? 'n' : 'value'}>`, `${f.description} [${f.domains.join(', ')}]`);
  }
  addStreamOptions(run, { speed: true, portHelp: 'serve the live viewer on this port (0 = any free port)' });
  run.action(async (flags: RunFlags & StreamFlags) =>
    setExit(await withLiveStream(flags, (hooks) => runCommand(flags, hooks))),
  );

  const resume = program
    .command('resume')
    .description('continue a run from its checkpoint (bit-identical to never stopping)')
    .argument('<dir>', 'run directory')
    .option('--generations <n>', 'total generations to reach; 0 = until stopped (default: the run\'s own)')
    .option('--nats <url>', 'evaluate on `redqueen worker` processes through this NATS JetStream server')
    .option('--tile-rows <n>', 'rows of the interaction batch per work item with --nats (default 64)')
    .option('--quiet', 'no progress line')
    .option('--verbose', 'at start, list every backend tried, not just the one chosen')
    .option('--no-stream', 'do not serve the viewer the run was started with (its --port, --host, --speed are in run.json)');
  addStreamOptions(resume, { speed: true, portHelp: 'serve the live viewer on this port (0 = any free port; default: the run\'s own)' });
  resume.action(async (dir: string, flags: ResumeFlags) => setExit(await resumeAction(dir, flags)));

  const serve = program
    .command('serve')
    .description('watch a run in the browser from its files (finished, or still running elsewhere)')
    .argument('<dir>', 'run directory');
  addStreamOptions(serve, { speed: false, portHelp: `port to serve the viewer on (default ${DEFAULT_SERVE_PORT})` });
  serve.action(async (dir: string, flags: StreamFlags) => setExit(await serveCommand(dir, flags)));

  program
    .command('analyze')
    .description('arms-race report of a run: dominance, pathologies, CIAO, master tournament; plots in DIR/analysis/')
    .argument('<dir>', 'run directory')
    .option('--json', 'print one JSON object')
    .option('--roster <n>', 'most generations in the master tournament (evenly spaced; default 128)')
    .option('--raw-regress', 'draw each generation\'s regress in the progress plot too, beside the 25-generation mean')
    .action(async (dir: string, flags: { json?: boolean; roster?: string }) => setExit(await analyzeCommand(dir, flags)));

  const evaluate = program
    .command('eval')
    .description('measure one individual outside any run')
    .requiredOption('--domain <name>', 'domain')
    .option('--json', 'print one JSON object');
  const seen = new Set<string>();
  for (const d of DOMAINS) {
    for (const f of d.evalCommand?.flags ?? []) {
      if (seen.has(f.name)) continue;
      seen.add(f.name);
      evaluate.option(`--${f.name} <${f.value.toLowerCase()}>`, `${f.description} [${d.name}]`);
    }
  }
  evaluate.action(async (flags: Record<string, string | boolean | undefined>) => setExit(await evalCommand(flags)));

  program
    .command('worker')
    .description('compute tiles of generations for runs started with --nats (until Ctrl-C)')
    .option('--nats <url>', 'NATS JetStream server, e.g. nats://127.0.0.1:4222')
    .addOption(new Option('--backend <b>', 'gpu.js backend for this worker (default auto)').choices([...BACKEND_CHOICES]))
    .option('--quiet', 'no log lines')
    .action(async (flags: WorkerFlags) => setExit(await workerCommand(flags)));

  program
    .command('sweep')
    .description('one run per (setup, seed), N at a time, then a table per setup (sweep.json, sweep.md)')
    .option('--config <file>', 'JSON run config every setup starts from')
    .option('--seeds <list>', 'seeds: a range 1..10 or a list 1,2,7')
    .option('--set <k=v,...>', 'one setup: config fields changed (dotted keys); repeat for more setups', (v: string, prev: string[] = []) => [...prev, v])
    .option('--jobs <n>', 'runs at a time (default: the cores)')
    .option('--out <dir>', 'sweep directory (default runs/sweep-<time>)')
    .option('--measures <list>', `metrics fields to tabulate (default ${DEFAULT_MEASURES.join(',')})`)
    .option('--nats <url>', 'evaluate every run on `redqueen worker` processes through this NATS server')
    .option('--quiet', 'no progress lines')
    .action(async (flags: SweepFlags) => setExit(await sweepCommand(flags)));

  program
    .command('domains')
    .description('list the domains and their options')
    .action(() => {
      for (const d of DOMAINS) {
        process.stdout.write(`${d.name}: ${d.title}\n`);
        for (const f of domainFlags([d])) process.stdout.write(`  --${f.flag}  ${f.description}\n`);
      }
      setExit(0);
    });
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  let code = 0;
  const program = buildProgram((c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Commander has printed its message already; help and version are not errors.
      return e.exitCode === 0 ? 0 : 2;
    }
    const fault = rawFault(e);
    if (isUserError(e) || fault) {
      const error = fault ?? (e as UserError);
      process.stderr.write(`redqueen: error: ${error.message}\n`);
      return error.exitCode;
    }
    throw e;
  }
}
