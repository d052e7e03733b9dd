/**
 * Writing a checkpoint (checkpoint.ts has the reading, the file and the
 * format's story): pure, with the digest passed in, so the CLI signs with
 * node:crypto and a browser page with core/basics/sha256.ts, byte for byte
 * the same file.
 */
import { armsToJson } from './checkpoint-arms.ts';
import { recordsToJson } from './checkpoint-records.ts';
import { NO_RECORDS, type RunRecords } from '../measures/records.ts';
import type { RunConfig } from './config.ts';
import { populationToJson } from '../basics/population-json.ts';
import type { CoevolutionState } from '../engine/state.ts';
import { REMEDIES } from '../remedies/index.ts';
import { sha256Hex } from '../basics/sha256.ts';

export const CHECKPOINT_FORMAT = 'redqueen-checkpoint';
/**
 * 2: the arms-race analysis state and the remedies' state (the Pareto archive
 * as `archive`, the difficulty as `difficulty`) joined the payload.
 */
export const CHECKPOINT_VERSION = 2;

export interface Checkpoint {
  readonly config: RunConfig;
  readonly state: CoevolutionState;
  /** The run's best-so-far records; none yet when absent. */
  readonly records?: RunRecords;
}

/** `sha256`: hex digest of a string's UTF-8 bytes (the pure one by default). */
export function serializeCheckpoint({ config, state, records }: Checkpoint, sha256: (text: string) => string = sha256Hex): string {
  const payload = {
    config,
    generation: state.generation,
    solvers: populationToJson(state.solvers),
    challengers: populationToJson(state.challengers),
    champions: state.champions.solvers.length,
    arms: armsToJson(state.arms),
    ...Object.fromEntries(
      REMEDIES.flatMap((r) => (r.checkpoint ? [[r.checkpoint.field, r.checkpoint.toJson(state.remedies[r.key])]] : [])),
    ),
    records: recordsToJson(records ?? NO_RECORDS),
  };
  const text = JSON.stringify(payload);
  return `{"format":"${CHECKPOINT_FORMAT}","version":${CHECKPOINT_VERSION},"sha256":"${sha256(text)}","payload":${text}}\n`;
}
