/**
 * The smallest valid network a sorting-network run has produced: every
 * generation's champion is in the run's champions.bin; each is checked on all
 * 2^n inputs (checkNetwork on the whole network, prefix included) and the
 * smallest valid one (then the shallowest, then the earliest) is written as a
 * network file, which `redqueen eval --domain sorting-networks --network FILE`
 * checks again by itself.
 *
 *   npx tsx benchmarks/best-valid.ts RUN_DIR [--out FILE]
 *
 * Prints JSON: {"generation", "comparators", "depth", "valid", "file"}.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveConfig, type ConfigFile } from '../core/run/config.ts';
import { recordBytes, readChampions } from '../core/run/champions-log.ts';
import { sortingNetworks } from '../populations/sorting-networks/index.ts';
import { checkNetwork, parseNetwork, type NetworkReport } from '../populations/sorting-networks/network.ts';
import type { DomainInstance } from '../core/domain/domain.ts';
import type { JsonValue } from '../core/basics/json.ts';

export interface BestValid {
  readonly generation: number;
  readonly network: JsonValue;
  readonly report: NetworkReport;
}

/** The best valid network among `champions`, checked exhaustively; null if none is valid. */
export function bestValidOf(domain: DomainInstance, champions: readonly Float32Array[]): BestValid | null {
  let best: BestValid | null = null;
  const seen = new Set<string>();
  champions.forEach((g, generation) => {
    const key = g.join(',');
    if (seen.has(key)) return;
    seen.add(key);
    const network = domain.solver.encode(g);
    const report = checkNetwork(parseNetwork(network, `champion ${generation}`));
    if (!report.valid) return;
    if (!best || report.comparators < best.report.comparators || (report.comparators === best.report.comparators && report.depth < best.report.depth)) {
      best = { generation, network, report };
    }
  });
  return best;
}

export async function bestValidOfRun(dir: string): Promise<BestValid | null> {
  const run = JSON.parse(await readFile(join(dir, 'run.json'), 'utf8')) as { config: ConfigFile };
  const { instance } = resolveConfig(sortingNetworks, [{ source: join(dir, 'run.json'), config: { options: run.config.options } }]);
  const file = join(dir, 'champions.bin');
  const size = recordBytes(instance.solver.length, instance.challenger.length);
  const count = Math.floor((await readFile(file)).length / size);
  const history = await readChampions(file, count, instance.solver.length, instance.challenger.length);
  return bestValidOf(instance, history.solvers);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: npx tsx benchmarks/best-valid.ts RUN_DIR [--out FILE]');
    process.exit(2);
  }
  const at = process.argv.indexOf('--out');
  const out = at > 0 ? process.argv[at + 1]! : join(dir, 'best-valid-scan.json');
  const best = await bestValidOfRun(dir);
  if (best) await writeFile(out, `${JSON.stringify(best.network)}\n`);
  console.log(JSON.stringify(best ? { generation: best.generation, ...best.report, file: out } : { valid: false, file: null }));
}
