/**
 * What `run` and `resume` say about the backend when they start: one short
 * line with the backend chosen and its measured rate, and, with --verbose
 * only, one line per backend that was tried and not chosen (why not, or how
 * fast it was). run.json keeps all of it (`sessions[].attempts`). The list
 * used to come first, all on one line, and read as an error though the run
 * was fine.
 */
import type { BackendAttempt, BatchShape } from '../backends/evaluator.ts';

/** Games one batch of `shape` plays. */
export function gamesPerBatch(shape: BatchShape): number {
  return shape.rows * shape.width;
}

/** 1234567 -> "1.2e6". */
export function rate(gamesPerSecond: number): string {
  return gamesPerSecond.toExponential(1).replace('e+', 'e');
}

export function backendLines(args: {
  readonly title: string;
  readonly backend: string;
  readonly attempts: readonly BackendAttempt[];
  readonly shape: BatchShape;
  readonly dir: string;
  readonly verbose: boolean;
}): string[] {
  const { backend, attempts, shape } = args;
  const chosen = attempts.find((a) => a.backend === backend && a.ok);
  const others = attempts.filter((a) => a !== chosen);
  const games = gamesPerBatch(shape);
  const facts: string[] = [];
  if (chosen?.seconds !== undefined) facts.push(`kernel ${rate(games / chosen.seconds)} games/s`);
  else if (attempts.length > 0) facts.push('as asked');
  if (others.length > 0) facts.push(`${others.length} other${others.length === 1 ? '' : 's'} tried${args.verbose ? '' : ', --verbose lists them'}`);
  const head = `redqueen: ${args.title}; backend ${backend}${facts.length ? ` (${facts.join('; ')})` : ''}; writing ${args.dir}`;
  if (!args.verbose) return [head];
  return [
    head,
    ...others.map((a) =>
      a.ok && a.seconds !== undefined
        ? `  not ${a.backend}: ${rate(games / a.seconds)} games/s (${(a.seconds * 1000).toFixed(1)} ms a batch), slower`
        : `  not ${a.backend}: ${a.reason ?? 'not chosen'}`,
    ),
  ];
}
