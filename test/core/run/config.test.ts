import { describe, expect, it } from 'vitest';
import { parseConfigFile, resolveConfig } from '../../../core/run/config.ts';
import { sortingNetworks } from '../../../populations/sorting-networks/index.ts';

describe('config files', () => {
  it('name an unknown field and say how to fix it', () => {
    expect(() => parseConfigFile({ generatons: 5 }, 'c.json')).toThrow('c.json: unknown field "generatons"; remove it or check the spelling');
    expect(() => parseConfigFile({ selection: { elitsm: 1 } }, 'c.json')).toThrow(/unknown field "elitsm" in "selection"/);
  });

  it('name an out-of-range field with its bound', () => {
    expect(() => parseConfigFile({ selection: { tournamentSize: 0 } }, 'c.json')).toThrow(/c\.json: field "selection\.tournamentSize": .*>=1/);
    expect(() => parseConfigFile({ variation: { mutationRate: 1.5 } }, 'c.json')).toThrow(/variation\.mutationRate/);
    expect(() => parseConfigFile({ backend: 'cuda' }, 'c.json')).toThrow(/field "backend"/);
  });

  it('take the lopsided detector\'s settings, defaults for the rest, and refuse a share above 1 by name', () => {
    const { config } = resolveConfig(sortingNetworks, [{ source: 'c.json', config: parseConfigFile({ detectors: { lopsided: { share: 0.9 } } }, 'c.json') }]);
    expect(config.detectors.lopsided).toEqual({ share: 0.9, generations: 10 });
    expect(config.detectors.cycling).toEqual({ regress: 0.5, opponents: 4, generations: 10 });
    expect(() => parseConfigFile({ detectors: { lopsided: { share: 1.5 } } }, 'c.json')).toThrow(/c\.json: field "detectors\.lopsided\.share"/);
  });

  it('reject bad domain options by name', () => {
    expect(() => resolveConfig(sortingNetworks, [{ source: 'c.json', config: { options: { inputs: 99 } } }])).toThrow(/option "inputs"/);
    expect(() => resolveConfig(sortingNetworks, [{ source: 'c.json', config: { options: { wires: 8 } } }])).toThrow(/"wires"/);
  });

  it('apply layers in order: engine, domain, file, command line', () => {
    const { config } = resolveConfig(sortingNetworks, [
      { source: 'file', config: { solvers: 40, challengers: 30, seed: 5, selection: { elitism: 3 } } },
      { source: 'command line', config: { solvers: 50 } },
    ]);
    expect(config.solvers).toBe(50);
    expect(config.challengers).toBe(30);
    expect(config.seed).toBe('5');
    expect(config.selection).toEqual({ tournamentSize: 3, elitism: 3, scheme: 'tournament', radius: 1 });
    expect(config.generations).toBe(sortingNetworks.defaults!.generations);
  });

  it('take "population" for both sizes, as the flag does, and refuse sizes in the same layer that disagree', () => {
    const both = resolveConfig(sortingNetworks, [{ source: 'c.json', config: parseConfigFile({ population: 20 }, 'c.json') }]).config;
    expect([both.solvers, both.challengers]).toEqual([20, 20]);
    const over = resolveConfig(sortingNetworks, [
      { source: 'c.json', config: { population: 20 } },
      { source: 'command line', config: { solvers: 30 } },
    ]).config;
    expect([over.solvers, over.challengers]).toEqual([30, 20]);
    expect(resolveConfig(sortingNetworks, [{ source: 'c.json', config: { population: 20, solvers: 20 } }]).config.solvers).toBe(20);
    expect(() => resolveConfig(sortingNetworks, [{ source: 'c.json', config: { population: 20, challengers: 8 } }])).toThrow(
      'c.json: fields "population" (20) and "challengers" (8) disagree; give one of them',
    );
    expect(() => parseConfigFile({ population: 1 }, 'c.json')).toThrow(/field "population"/);
    expect(() => parseConfigFile({ seed: ' ' }, 'c.json')).toThrow(/field "seed".*must not be empty/);
  });

  it('check limits that span fields', () => {
    expect(() => resolveConfig(sortingNetworks, [{ source: 'f', config: { solvers: 4, selection: { elitism: 4 } } }])).toThrow(/selection\.elitism/);
    expect(() =>
      resolveConfig(sortingNetworks, [{ source: 'f', config: { challengers: 4, evaluation: { mode: 'sampled', opponents: 9 } } }]),
    ).toThrow(/evaluation\.opponents/);
  });

  it('record the resolved domain options', () => {
    const { config } = resolveConfig(sortingNetworks, [{ source: 'f', config: { options: { inputs: 8 } } }]);
    expect(config.options).toMatchObject({ inputs: 8, vectors: 16 });
    expect(typeof config.options.maxComparators).toBe('number');
  });
});
