import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { accessPolicy, checkUpgrade, hostName, isLoopback } from '../../../core/stream/access.ts';

const req = (url: string, headers: Record<string, string>) => ({ url, headers }) as unknown as IncomingMessage;

describe('access policy', () => {
  it('knows loopback addresses', () => {
    for (const h of ['127.0.0.1', '127.8.9.10', 'localhost', '::1', '[::1]', 'LOCALHOST']) expect(isLoopback(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.4', '10.0.0.1', 'example.com', '128.0.0.1', '127.0.0.1.evil.example']) {
      expect(isLoopback(h)).toBe(false);
    }
  });

  it('loopback without a token: open to view and control, host names restricted', () => {
    const p = accessPolicy({ host: '127.0.0.1' });
    expect(p.viewToken).toBeNull();
    expect(p.controlToken).toBeNull();
    expect(p.allowedHosts).toContain('localhost');
  });

  it('another address: a fresh, unguessable control token each time; viewing open; any host name', () => {
    const a = accessPolicy({ host: '0.0.0.0' });
    const b = accessPolicy({ host: '0.0.0.0' });
    expect(a.viewToken).toBeNull();
    expect(a.controlToken).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(a.controlToken).not.toBe(b.controlToken);
    expect(a.allowedHosts).toBeNull();
  });

  it('--token guards both viewing and control, on any address', () => {
    for (const host of ['127.0.0.1', '0.0.0.0']) {
      const p = accessPolicy({ host, token: 'abcdefgh' });
      expect(p.viewToken).toBe('abcdefgh');
      expect(p.controlToken).toBe('abcdefgh');
    }
  });

  it('grants control only with the control token', () => {
    const p = { ...accessPolicy({ host: '0.0.0.0' }), controlToken: 'secret-123' };
    expect(checkUpgrade(req('/ws', { host: 'box:1' }), p)).toEqual({ ok: true, control: false });
    expect(checkUpgrade(req('/ws?token=secret-123', { host: 'box:1' }), p)).toEqual({ ok: true, control: true });
    expect(checkUpgrade(req('/ws?token=secret-12', { host: 'box:1' }), p)).toEqual({ ok: true, control: false });
    expect(checkUpgrade(req('/ws', { host: 'box:1', authorization: 'Bearer secret-123' }), p)).toEqual({ ok: true, control: true });
  });

  it('checks the origin against the host the browser used', () => {
    const p = accessPolicy({ host: '0.0.0.0', allowedOrigins: ['http://dev.local:5173'] });
    expect(checkUpgrade(req('/ws', { host: 'box:8', origin: 'http://box:8' }), p).ok).toBe(true);
    expect(checkUpgrade(req('/ws', { host: 'box:8', origin: 'https://box:8' }), p).ok).toBe(true);
    expect(checkUpgrade(req('/ws', { host: 'box:8', origin: 'http://box:9' }), p)).toMatchObject({ ok: false, status: 403 });
    expect(checkUpgrade(req('/ws', { host: 'box:8', origin: 'not a url' }), p)).toMatchObject({ ok: false, status: 403 });
    expect(checkUpgrade(req('/ws', { host: 'box:8', origin: 'http://dev.local:5173' }), p).ok).toBe(true);
  });

  it('parses Host headers', () => {
    expect(hostName(req('/', { host: 'LocalHost:8420' }))).toBe('localhost');
    expect(hostName(req('/', { host: '[::1]:80' }))).toBe('[::1]');
    expect(hostName(req('/', { host: 'a:b:c' }))).toBeNull();
    expect(hostName(req('/', {}))).toBeNull();
  });
});
