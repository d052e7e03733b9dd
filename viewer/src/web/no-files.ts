/**
 * What the page's build puts in place of core/run/files.ts (viewer/vite.web.config.ts
 * swaps it in): the domains reach that module only through core/index.ts, for
 * their eval commands' `--network FILE` and `--rule FILE`, which a page never
 * runs. So the bundle carries no node:fs, and a call says where files are read.
 */
import { UserError } from '../../../core/basics/errors.ts';

export async function readJsonFile(path: string, flag: string): Promise<unknown> {
  throw new UserError(`${flag} ${path}: a page reads no files; run this with the command line (npx redqueen eval)`);
}
