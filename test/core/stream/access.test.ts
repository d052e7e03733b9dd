import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { hostname } from 'node:os';
import { accessPolicy, checkHost, checkUpgrade, defaultAllowedHosts, hostName, isLoopback } from '../../../core/stream/access.ts';

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

  it('another address: a fresh, unguessable control token each time; viewing open', () => {
    const a = accessPolicy({ host: '0.0.0.0' });
    const b = accessPolicy({ host: '0.0.0.0' });
    expect(a.viewToken).toBeNull();
    expect(a.controlToken).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(a.controlToken).not.toBe(b.controlToken);
  });

  it('another address: only the allowed host names, so a rebinding page (Host: evil.com) is refused', () => {
    const p = accessPolicy({ host: '0.0.0.0', allowedHosts: ['Box.Lan'] });
    expect(p.allowedHosts).toEqual(expect.arrayContaining(['localhost', '127.0.0.1', hostname().toLowerCase(), 'box.lan']));
    for (const host of [`${hostname()}:8420`, 'box.lan:8420', 'localhost:8420', '127.0.0.1:8420']) {
      expect(checkHost(req('/', { host }), p), host).toEqual({ ok: true, control: false });
    }
    for (const host of ['evil.com', 'evil.com:8420', 'box.lan.evil.com', '']) {
      expect(checkHost(req('/', { host }), p), host).toMatchObject({ ok: false, status: 403 });
      expect(checkUpgrade(req('/ws', { host }), p), host).toMatchObject({ ok: false, status: 403 });
    }
    // A named address is allowed as itself; a wildcard bind also answers its interfaces' addresses.
    const named = accessPolicy({ host: '10.1.2.3' });
    expect(checkHost(req('/', { host: '10.1.2.3:80' }), named).ok).toBe(true);
    expect(checkHost(req('/', { host: 'evil.com:80' }), named).ok).toBe(false);
    expect(defaultAllowedHosts('0.0.0.0')).toContain('127.0.0.1');
    // The refusal never echoes raw bytes of the header.
    const bad = checkHost(req('/', { host: 'e\u0001vil' }), p);
    expect(bad.ok ? '' : bad.reason).toContain('e?vil');
  });

  it('refuses a wrong token instead of treating it as none', () => {
    const open = { ...accessPolicy({ host: '0.0.0.0', allowedHosts: ['box'] }), controlToken: 'secret-123' };
    expect(checkUpgrade(req('/ws?token=wrong-token', { host: 'box:1' }), open)).toMatchObject({ ok: false, status: 401 });
    expect(checkUpgrade(req('/ws', { host: 'box:1', authorization: 'Bearer nope-nope' }), open)).toMatchObject({ ok: false, status: 401 });
    expect(checkUpgrade(req('/ws', { host: 'box:1' }), open)).toEqual({ ok: true, control: false });
    const guarded = accessPolicy({ host: '127.0.0.1', token: 'abcdefgh' });
    expect(checkUpgrade(req('/ws?token=abcdefgX', { host: '127.0.0.1:1' }), guarded)).toMatchObject({ ok: false, status: 401 });
    expect(checkUpgrade(req('/ws?token=abcdefgh', { host: '127.0.0.1:1' }), guarded)).toEqual({ ok: true, control: true });
  });

  it('--token guards both viewing and control, on any address', () => {
    for (const host of ['127.0.0.1', '0.0.0.0']) {
      const p = accessPolicy({ host, token: 'abcdefgh' });
      expect(p.viewToken).toBe('abcdefgh');
      expect(p.controlToken).toBe('abcdefgh');
    }
  });

  it('grants control only with the control token', () => {
    const p = { ...accessPolicy({ host: '0.0.0.0', allowedHosts: ['box'] }), controlToken: 'secret-123' };
    expect(checkUpgrade(req('/ws', { host: 'box:1' }), p)).toEqual({ ok: true, control: false });
    expect(checkUpgrade(req('/ws?token=secret-123', { host: 'box:1' }), p)).toEqual({ ok: true, control: true });
    expect(checkUpgrade(req('/ws?token=secret-12', { host: 'box:1' }), p)).toMatchObject({ ok: false, status: 401 });
    expect(checkUpgrade(req('/ws', { host: 'box:1', authorization: 'Bearer secret-123' }), p)).toEqual({ ok: true, control: true });
  });

  it('checks the origin against the host the browser used', () => {
    const p = accessPolicy({ host: '0.0.0.0', allowedOrigins: ['http://dev.local:5173'], allowedHosts: ['box'] });
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
