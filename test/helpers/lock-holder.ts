/**
 * A contender for a run directory's lock, as its own process: takes the lock
 * of argv[2], says "held" and keeps it until killed; or says why not and
 * exits 2. The lock tests start several at once.
 */
import { lockRunDir } from '../../core/run/lock.ts';

try {
  await lockRunDir(process.argv[2]!, 'lock-holder');
  process.stdout.write('held\n');
  setInterval(() => {}, 1000);
} catch (e) {
  process.stdout.write(`refused: ${(e as Error).message}\n`);
  process.exit(2);
}
