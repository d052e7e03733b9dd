import { describe, expect, it } from 'vitest';
import { parseClientMessage, parseServerMessage, MAX_STEP } from '../../../core/stream/protocol.ts';
import { rngFromSeed } from '../../../core/basics/rng.ts';

describe('protocol', () => {
  it('accepts the four commands', () => {
    expect(parseClientMessage('{"type":"pause"}')).toEqual({ ok: true, message: { type: 'pause' } });
    expect(parseClientMessage('{"type":"resume"}')).toEqual({ ok: true, message: { type: 'resume' } });
    expect(parseClientMessage('{"type":"step"}')).toEqual({ ok: true, message: { type: 'step' } });
    expect(parseClientMessage(`{"type":"step","count":${MAX_STEP}}`)).toEqual({ ok: true, message: { type: 'step', count: MAX_STEP } });
    expect(parseClientMessage('{"type":"speed","generationsPerSecond":2.5}')).toEqual({
      ok: true,
      message: { type: 'speed', generationsPerSecond: 2.5 },
    });
  });

  it('rejects anything else with a reason naming the field', () => {
    const cases: Array<[string, RegExp]> = [
      ['{', /not JSON/],
      ['{"type":"step","count":1001}', /count/],
      ['{"type":"speed","generationsPerSecond":null}', /generationsPerSecond/],
      ['{"type":"pause","x":1}', /x|key/i],
      ['{"kind":"pause"}', /type/],
      ['"pause"', /type|object|union/i],
    ];
    for (const [text, reason] of cases) {
      const r = parseClientMessage(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(reason);
    }
  });

  it('never throws on random or mutated input', () => {
    const rng = rngFromSeed('fuzz');
    const seeds = ['{"type":"speed","generationsPerSecond":3}', '{"type":"step","count":2}', '{"type":"pause"}'];
    const alphabet = '{}[]":,0123456789.-eE typauserumsdcoGnthPSl\\\u0000\u00ff';
    for (let i = 0; i < 3000; i++) {
      let text = seeds[rng.int(seeds.length)]!;
      for (let k = rng.int(4); k >= 0; k--) {
        const at = rng.int(text.length + 1);
        text = text.slice(0, at) + alphabet[rng.int(alphabet.length)] + text.slice(at + rng.int(2));
      }
      const r = parseClientMessage(text);
      expect(typeof r.ok).toBe('boolean');
      expect(parseServerMessage(text)).toBeNull();
    }
  });

  it('accepts a seek to a generation, and rejects bad ones naming the field', () => {
    expect(parseClientMessage('{"type":"seek","generation":0}')).toEqual({ ok: true, message: { type: 'seek', generation: 0 } });
    expect(parseClientMessage('{"type":"seek","generation":1200}')).toEqual({ ok: true, message: { type: 'seek', generation: 1200 } });
    const cases: Array<[string, RegExp]> = [
      ['{"type":"seek"}', /field "generation"/],
      ['{"type":"seek","generation":-1}', /field "generation".*>=\s*0/],
      ['{"type":"seek","generation":2.5}', /field "generation".*int/i],
      ['{"type":"seek","generation":"12"}', /field "generation".*number/i],
      ['{"type":"seek","generation":3,"detail":true}', /field "detail": unrecognized key/i],
    ];
    for (const [text, reason] of cases) {
      const r = parseClientMessage(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.reason, text).toMatch(reason);
    }
  });

  it('the snapshot answer is a server message; a snapshot without its point is not', () => {
    const point = {
      generation: 4,
      solvers: { best: 1, mean: 0.5, diversity: 0.3 },
      challengers: { best: 0.4, mean: 0.2, diversity: 0.6 },
      engagement: { mean: 0.5, zeros: 0, ones: 0.1, disengaged: false },
      ciao: null,
      probe: null,
    };
    const ok = parseServerMessage(JSON.stringify({ type: 'snapshot', generation: 4, point, detail: null, detailGeneration: null }));
    expect(ok).toMatchObject({ type: 'snapshot', generation: 4, detailGeneration: null, point: { generation: 4, events: [] } });
    expect(parseServerMessage(JSON.stringify({ type: 'snapshot', generation: 4, detail: null, detailGeneration: null }))).toBeNull();
    expect(parseServerMessage(JSON.stringify({ type: 'snapshot', generation: -4, point, detail: null, detailGeneration: 2 }))).toBeNull();
  });
});
