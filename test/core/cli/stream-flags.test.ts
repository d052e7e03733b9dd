import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../core/cli/main.ts';
import { announce, streamSettings, type StreamFlags } from '../../../core/cli/stream-flags.ts';
import { resumeLine, resumeStreamFlags, streamRecord } from '../../../core/cli/stream-record.ts';
import { accessPolicy } from '../../../core/stream/access.ts';
import { tempDir } from '../stream/helpers.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

describe('stream flags', () => {
  it('default to loopback and no pace limit', () => {
    expect(streamSettings({ port: '8420' })).toEqual({ port: 8420, host: '127.0.0.1', token: undefined, speed: 0, allowedHosts: [] });
    expect(streamSettings({ port: '1', allowedHost: ['Box.Lan', '[::1]'] })?.allowedHosts).toEqual(['box.lan', '[::1]']);
    expect(streamSettings({})).toBeNull();
    expect(streamSettings({}, 9000)).toMatchObject({ port: 9000 });
  });

  it('reject bad values with the flag named', () => {
    const bad: Array<[StreamFlags, RegExp]> = [
      [{ host: '0.0.0.0' }, /--host needs --port/],
      [{ token: 'abcdefgh' }, /--token needs --port/],
      [{ speed: '3' }, /--speed needs --port/],
      [{ port: '70000' }, /--port must be between 0 and 65535/],
      [{ port: 'http' }, /--port must be a whole number/],
      [{ port: '1', token: 'short' }, /--token must be 8 to 256/],
      [{ port: '1', token: 'has space 123' }, /--token/],
      [{ port: '1', speed: '-1' }, /--speed must be/],
      [{ port: '1', speed: 'fast' }, /--speed must be/],
      [{ port: '1', host: 'a b' }, /--host/],
      [{ allowedHost: ['box'] }, /--allowed-host needs --port/],
      [{ port: '1', allowedHost: ['box:80'] }, /--allowed-host must be a host name/],
      [{ port: '1', allowedHost: ['http://box'] }, /--allowed-host must be a host name/],
    ];
    for (const [flags, message] of bad) expect(() => streamSettings(flags)).toThrow(message);
  });

  it('print where to look, with the control token only where one is needed', () => {
    expect(announce('http://127.0.0.1:1/', accessPolicy({ host: '127.0.0.1' }))).toEqual(['viewer: http://127.0.0.1:1/']);
    const wide = accessPolicy({ host: '0.0.0.0' });
    const lines = announce('http://localhost:1/', wide);
    expect(lines[0]).toBe('viewer (watch only): http://localhost:1/');
    expect(lines[1]).toContain(`?token=${wide.controlToken}`);
    expect(announce('http://localhost:1/', wide, false)).toEqual(['viewer: http://localhost:1/']);
    expect(announce('http://h:1/', accessPolicy({ host: '0.0.0.0', token: 'tok-12345' }))).toEqual(['viewer: http://h:1/?token=tok-12345']);
  });

  it('a busy port is a bad-input exit before the run directory exists', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    cleanups.push(() => blocker.close());
    const port = (blocker.address() as { port: number }).port;
    const tmp = tempDir();
    cleanups.push(tmp.remove);
    const out = join(tmp.path, 'run');
    expect(await main(['run', '--port', String(port), '--out', out, '--quiet', '--backend', 'cpu'])).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(await main(['run', '--host', '0.0.0.0', '--out', out])).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it('keep the stream flags for run.json without the token, and give them back in the resume line', () => {
    expect(streamRecord({})).toBeNull();
    const record = streamRecord({ port: '8420', host: '0.0.0.0', speed: '4', token: 'secret-token-1', allowedHost: ['box'] });
    expect(record).toEqual({ port: 8420, host: '0.0.0.0', speed: 4, allowedHosts: ['box'], token: true });
    expect(JSON.stringify(record)).not.toContain('secret-token-1');
    expect(resumeLine('runs/s8', streamRecord({ port: '8420', speed: '4' }))).toBe('npx redqueen resume runs/s8 --port 8420 --speed 4');
    expect(resumeLine("runs/my run's", null)).toBe(`npx redqueen resume 'runs/my run'\\''s'`);
    expect(resumeLine('r', record)).toMatch(/^npx redqueen resume r --port 8420 --host 0\.0\.0\.0 --speed 4 --allowed-host box {2}\(add --token T/);
  });

  it('resume takes the recorded stream flags unless overridden, and a fresh token where the run had one', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.remove);
    writeFileSync(join(tmp.path, 'run.json'), JSON.stringify({ stream: { port: 8420, host: '0.0.0.0', speed: 4, token: true } }));
    const flags = await resumeStreamFlags(tmp.path, { speed: '2' });
    expect(flags).toMatchObject({ port: '8420', host: '0.0.0.0', speed: '2' });
    expect(flags.token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(await resumeStreamFlags(tmp.path, { stream: false })).toEqual({});
    expect(await resumeStreamFlags(join(tmp.path, 'none'), {})).toEqual({});
  });

  it('serve refuses a directory without a run', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.remove);
    expect(await main(['serve', join(tmp.path, 'nothing'), '--port', '0'])).toBe(2);
  });
});
