/** The HTTP side of the stream server: the viewer's files, and nothing else. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { accessPolicy } from '../../../core/stream/access.ts';
import { StreamHub } from '../../../core/stream/hub.ts';
import { startStreamServer, type StreamServer } from '../../../core/stream/server.ts';
import { tempDir, upgradeStatus } from './helpers.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function serverWith(files: Record<string, string>, limits = {}): Promise<{ server: StreamServer; root: string }> {
  const tmp = tempDir();
  cleanups.push(tmp.remove);
  const root = join(tmp.path, 'dist');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  writeFileSync(join(tmp.path, 'secret.txt'), 'do not serve');
  const server = await startStreamServer({
    host: '127.0.0.1',
    port: 0,
    access: accessPolicy({ host: '127.0.0.1' }),
    hub: new StreamHub(null),
    viewerDir: root,
    limits,
  });
  cleanups.push(() => server.close());
  return { server, root };
}

function get(port: number, path: string, method = 'GET'): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static viewer files', () => {
  it('serves the built viewer with protective headers', async () => {
    const { server } = await serverWith({ 'index.html': '<h1>viewer</h1>', 'assets/app-1.js': 'let x = 1;' });
    const page = await get(server.port, '/');
    expect(page.status).toBe(200);
    expect(page.body).toBe('<h1>viewer</h1>');
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const js = await get(server.port, '/assets/app-1.js');
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['cache-control']).toMatch(/immutable/);
  });

  it('never serves files outside the viewer folder, nor anything but GET/HEAD', async () => {
    const { server } = await serverWith({ 'index.html': 'ok' });
    for (const path of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/a%00b']) {
      const r = await get(server.port, path);
      expect(r.body, path).not.toContain('do not serve');
      expect([400, 404], path).toContain(r.status);
    }
    expect((await get(server.port, '/', 'POST')).status).toBe(405);
    expect((await get(server.port, '/', 'HEAD')).status).toBe(200);
  });

  it('says how to build the viewer when it is missing', async () => {
    const { server } = await serverWith({});
    const r = await get(server.port, '/');
    expect(r.status).toBe(503);
    expect(r.body).toContain('npm run build:viewer');
  });

  it('refuses viewers beyond the limit, and upgrades anywhere but /ws', async () => {
    const { server } = await serverWith({ 'index.html': 'ok' }, { maxClients: 2 });
    const url = `ws://127.0.0.1:${server.port}/ws`;
    const WebSocket = (await import('ws')).default;
    const open = [new WebSocket(url), new WebSocket(url)];
    await Promise.all(open.map((w) => new Promise((r) => w.once('open', r))));
    expect(await upgradeStatus(url)).toBe(503);
    expect(await upgradeStatus(`ws://127.0.0.1:${server.port}/other`)).toBe(404);
    for (const w of open) w.close();
  });
});
