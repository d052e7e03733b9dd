/**
 * What the engine needs to know of a run, composed from the settings each
 * part owns (who meets whom, the Hall of Fame, breeding, the measures'
 * detectors, the remedies). core/run/config.ts adds what only a run needs
 * (domain, generations, backend, checkpoints) and resolves all of it from
 * config files and flags.
 */
import type { DetectorSettings } from '../measures/detectors.ts';
import type { HallOfFameSettings } from '../measures/champions.ts';
import type { RemedySettings } from '../remedies/index.ts';
import type { BreedSettings } from './breed.ts';
import type { EvaluationSettings } from './interactions.ts';

export interface EngineSettings extends BreedSettings, RemedySettings {
  /** Every random stream derives from it (with the generation and a purpose). */
  readonly seed: string;
  readonly solvers: number;
  readonly challengers: number;
  readonly evaluation: EvaluationSettings;
  readonly hallOfFame: HallOfFameSettings;
  /** Every how many generations the domain's probe runs. */
  readonly probeEvery: number;
  /** Most earlier champion generations a CIAO row and the live master tournament compare against. */
  readonly ciaoSamples: number;
  readonly detectors: DetectorSettings;
}
