// The dev server's static file serving, over plain http on 127.0.0.1 (the https
// certificates of `npm run dev:addin` need installing, which a test must not do).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer, filePath } from '../scripts/dev-server.mjs';

const root = mkdtempSync(join(tmpdir(), 'yusuan-dev-server-'));
const server = createStaticServer({ root });
let base = '';

beforeAll(async () => {
  mkdirSync(join(root, 'icons'));
  writeFileSync(join(root, 'taskpane.html'), '<!doctype html><title>预算公开</title>');
  writeFileSync(join(root, 'taskpane.js'), 'var YusuanPane = {};');
  writeFileSync(join(root, 'icons', 'icon-16.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(root, { recursive: true, force: true });
});

describe('dev server', () => {
  it('serves files with their content types', async () => {
    const html = await fetch(`${base}/taskpane.html`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await html.text()).toContain('预算公开');
    const js = await fetch(`${base}/taskpane.js?v=1`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('no-store');
    const png = await fetch(`${base}/icons/icon-16.png`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await png.arrayBuffer())).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  });

  it('answers 404 for a missing file or a folder, 405 for anything but GET and HEAD', async () => {
    expect((await fetch(`${base}/nothing.html`)).status).toBe(404);
    expect((await fetch(`${base}/icons`)).status).toBe(404);
    expect((await fetch(`${base}/taskpane.html`, { method: 'POST', body: 'x' })).status).toBe(405);
    const head = await fetch(`${base}/taskpane.html`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('never serves a file outside its folder', async () => {
    expect(filePath(root, '/../etc/passwd')).toBe(join(root, 'etc', 'passwd'));
    expect(filePath(root, '/%2e%2e/%2e%2e/etc/passwd')).toBe(join(root, 'etc', 'passwd'));
    expect(filePath(root, '/%00')).toBeUndefined();
    expect(filePath(root, '/%E0%A4%A')).toBeUndefined();
    expect((await fetch(`${base}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });
});

describe('dev server command', () => {
  it('refuses to start without a built add-in, saying what to do', () => {
    const r = spawnSync(process.execPath, [fileURLToPath(new URL('../scripts/dev-server.mjs', import.meta.url)), '--root', join(root, 'missing')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('build the add-in first');
  });
});
