import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

describe('redqueen eval --domain sorting-networks', () => {
  it("reports Batcher's 16-input network as valid, 63 comparators, depth 10", async () => {
    const r = await runCli(['eval', '--domain', 'sorting-networks', '--network', 'populations/sorting-networks/examples/batcher-16.json', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ valid: true, comparators: 63, depth: 10, inputsSorted: 65536, inputsTotal: 65536 });
  });

  it('prints readable lines without --json', async () => {
    const r = await runCli(['eval', '--domain', 'sorting-networks', '--network', 'populations/sorting-networks/examples/batcher-8.json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('valid: true');
    expect(r.stdout).toContain('comparators: 19');
  });
});
