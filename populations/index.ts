/**
 * The domain registry. Every domain here is run through the shared contract
 * test (test/populations/contract.test.ts) and is selectable with --domain.
 */
import type { Domain } from '../core/index.ts';
import { densityClassification } from './density-classification/index.ts';
import { numberGames } from './number-games/index.ts';
import { sortingNetworks } from './sorting-networks/index.ts';

export const DOMAINS: readonly Domain[] = [sortingNetworks, densityClassification, numberGames];

export function findDomain(name: string): Domain | undefined {
  return DOMAINS.find((d) => d.name === name);
}
