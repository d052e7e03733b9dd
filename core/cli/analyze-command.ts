/** `redqueen analyze DIR [--json] [--roster N] [--raw-regress]`: the arms-race report of a run, with plots beside it. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { analyzeRun, DEFAULT_ANALYZE_ROSTER, reportText } from '../analyze/analyze.ts';
import { writePlots } from '../analyze/plots.ts';
import { intFlag } from '../basics/flags.ts';
import { makeDirectory } from '../run/fs-errors.ts';

export async function analyzeCommand(dir: string, flags: { json?: boolean; roster?: string; rawRegress?: boolean }): Promise<number> {
  const roster = intFlag('roster', flags.roster, 2, 2048) ?? DEFAULT_ANALYZE_ROSTER;
  const data = await analyzeRun(dir, roster);
  const out = join(dir, 'analysis');
  // Made here for a clear reason when it cannot be (a read-only mount reports ENOENT to a recursive mkdir).
  await makeDirectory(out, 'the analysis folder');
  const files = await writePlots(data, out, { rawRegress: flags.rawRegress === true });
  const reportPath = join(out, 'report.json');
  const json = { ...data.analysis, files: [...files, reportPath] };
  await writeFile(reportPath, `${JSON.stringify(json, null, 2)}\n`);
  process.stdout.write(flags.json ? `${JSON.stringify(json)}\n` : reportText(data.analysis, [...files, reportPath]));
  return 0;
}
