/**
 * best-valid.json and best-probed.json: the run's records in the domain's
 * human format, rewritten (atomically) only when a record changes.
 */
import { rm } from 'node:fs/promises';
import type { DomainInstance } from '../domain/domain.ts';
import { NO_RECORDS, type RunRecords } from '../measures/records.ts';
import { changedRecordFiles } from './generation-line.ts';
import { writeJsonAtomic } from './files.ts';
import type { RunPaths } from './run-dir.ts';

/** Write the records that differ from `before` (all of them when `before` holds none). */
export async function writeRecordFiles(paths: RunPaths, domain: DomainInstance, records: RunRecords, before: RunRecords): Promise<void> {
  const changed = changedRecordFiles(domain, records, before);
  if (changed.bestValid) await writeJsonAtomic(paths.bestValid, changed.bestValid);
  if (changed.bestProbed) await writeJsonAtomic(paths.bestProbed, changed.bestProbed);
}

/**
 * At the start of a session: the files as the checkpoint's records say, so
 * records a killed session wrote after its last checkpoint (which the
 * replayed generations will find again) do not linger.
 */
export async function resetRecordFiles(paths: RunPaths, domain: DomainInstance, records: RunRecords): Promise<void> {
  if (!records.valid) await rm(paths.bestValid, { force: true });
  if (!records.probed) await rm(paths.bestProbed, { force: true });
  await writeRecordFiles(paths, domain, records, NO_RECORDS);
}
