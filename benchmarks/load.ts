/**
 * `npm run bench:load -- [--viewers 200] [--flooders 20] [--window 5]
 *   [--cycles 3] [--backend webasm] [--inputs 16] [--population 256] [--json] [--out FILE]`
 *
 * Generation rate of a streaming run with `viewers` viewers and `flooders`
 * flooding clients on loopback, against the same run with no clients, in
 * alternating windows of the same process (see load/measure.ts). The goal: a
 * ratio of at least 0.9.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { BackendName } from '../core/domain/backend-names.ts';
import { load, machine } from './machine.ts';
import { measureLoad } from './load/measure.ts';

const { values } = parseArgs({
  options: {
    viewers: { type: 'string', default: '200' },
    flooders: { type: 'string', default: '20' },
    window: { type: 'string', default: '5' },
    cycles: { type: 'string', default: '3' },
    backend: { type: 'string', default: 'webasm' },
    inputs: { type: 'string', default: '16' },
    population: { type: 'string', default: '256' },
    json: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});

const before = load();
const r = await measureLoad({
  run: { inputs: values.inputs, solvers: values.population, challengers: String(Math.max(2, Number(values.population) / 4)), seed: 'load' },
  backend: values.backend as BackendName,
  viewers: Number(values.viewers),
  flooders: Number(values.flooders),
  windowSeconds: Number(values.window),
  cycles: Number(values.cycles),
});
const f = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(', ');
process.stderr.write(
  `unloaded gen/s: ${f(r.unloaded)}\nloaded gen/s (${values.viewers} viewers, ${values.flooders} flooders): ${f(r.loaded)}\n` +
    `ratio ${r.ratio.toFixed(3)} (per cycle ${r.cycleRatios.map((x) => x.toFixed(3)).join(', ')}); goal >= 0.9: ${r.ratio >= 0.9 ? 'met' : 'NOT met'}\n` +
    `CPU ms per generation of the run's process: unloaded ${f(r.unloadedCpuMs)}, loaded ${f(r.loadedCpuMs)}; CPU ratio ${r.cpuRatio.toFixed(3)}\n` +
    r.windows
      .map(
        (w, i) =>
          `window ${i + 1}: ${w.viewers.complete}/${w.viewers.viewers} viewers saw every generation (fewest streamed ${w.viewers.minGenerationMessages}, ` +
          `${w.viewers.laggedNotices} lagged notices, ${w.viewers.dropped} dropped); flood: ${w.flood.sent} messages, ${w.flood.errorReplies} error replies, ` +
          `closes ${JSON.stringify(w.flood.closes)} over ${w.flood.connections} connections`,
      )
      .join('\n') +
    `\nrun state before ${JSON.stringify(r.gateBefore)}, after ${JSON.stringify(r.gateAfter)}\n`,
);
const result = {
  date: new Date().toISOString(),
  command: `npm run bench:load -- ${process.argv.slice(2).join(' ')}`.trim(),
  load: { before, after: load() },
  machine: machine(),
  settings: values,
  ...r,
};
if (values.out) await writeFile(values.out, `${JSON.stringify(result, null, 2)}\n`);
if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
