/**
 * The progress line: generation, best/mean of both sides, evaluation speed and
 * the champion's summary. A live bar (cli-progress) on a terminal; on a pipe or
 * in CI, a plain line every ~5% of the run so logs stay short.
 */
import cliProgress from 'cli-progress';
import type { GenerationReport } from '../engine/step.ts';
import { formatFraction } from '../basics/format.ts';

export interface Progress {
  update(report: GenerationReport, summary: string): void;
  stop(): void;
}

const f3 = (x: number) => formatFraction(x);

function fields(report: GenerationReport, summary: string, pairsPerSec: number) {
  const m = report.metrics;
  return {
    solvers: `${f3(m.solvers.best)}/${f3(m.solvers.mean)}`,
    challengers: `${f3(m.challengers.best)}/${f3(m.challengers.mean)}`,
    speed: pairsPerSec >= 1e6 ? `${(pairsPerSec / 1e6).toFixed(2)}M` : `${(pairsPerSec / 1e3).toFixed(1)}k`,
    summary,
    probe: m.probe ? ` | probe ${formatFraction(m.probe.score)}` : '',
  };
}

/** Lines on a pipe every this many generations when the run has no end (--generations 0). */
const UNBOUNDED_EVERY = 25;

/** `total` is Infinity for a run that plays until stopped. */
export function createProgress(opts: { start: number; total: number; backend: string; quiet: boolean }): Progress {
  const { start, total, backend } = opts;
  const bounded = Number.isFinite(total);
  const of = bounded ? `/${total}` : ' (until stopped)';
  let pairs = 0;
  let seconds = 0;
  const rate = (report: GenerationReport) => {
    pairs += report.games.pairs;
    seconds += report.timings.evaluation / 1000;
    return pairs / Math.max(seconds, 1e-9);
  };
  if (opts.quiet) return { update: () => {}, stop: () => {} };
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${bounded ? 'gen {value}/{total} {bar}' : 'gen {value} (until stopped, Ctrl-C stops)'} solvers {solvers} | challengers {challengers} (best/mean) | {speed} evals/s [{backend}] | {summary}{probe}`,
        barsize: 20,
        hideCursor: true,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(bounded ? total : 0, start, { solvers: '-', challengers: '-', speed: '-', backend, summary: '', probe: '' });
    return {
      update: (report, summary) => bar.update(report.generation + 1, { ...fields(report, summary, rate(report)), backend }),
      stop: () => bar.stop(),
    };
  }
  const every = bounded ? Math.max(1, Math.round(total / 20)) : UNBOUNDED_EVERY;
  return {
    update(report, summary) {
      const r = rate(report);
      const g = report.generation + 1;
      if (g % every !== 0 && g !== total) return;
      const x = fields(report, summary, r);
      process.stderr.write(
        `gen ${g}${of} solvers ${x.solvers} | challengers ${x.challengers} (best/mean) | ${x.speed} evals/s [${backend}] | ${x.summary}${x.probe}\n`,
      );
    },
    stop: () => {},
  };
}
