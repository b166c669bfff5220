// A small static file server for the built add-in (dist/). `npm run dev:addin`
// runs it over https on https://localhost:3000 with the Office add-in developer
// certificates (office-addin-dev-certs), for sideloading into Excel. Tests use
// createStaticServer() over plain http on 127.0.0.1.
//
//   node scripts/dev-server.mjs [--port 3000] [--root dist]
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { extname, join, normalize, resolve, sep } from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

/** The file a URL path names under `root`, or undefined when it would leave `root`. */
export function filePath(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return undefined;
  const base = resolve(root);
  const file = resolve(base, `.${normalize(`/${path}`)}`);
  if (file !== base && !file.startsWith(base + sep)) return undefined;
  return path.endsWith('/') ? join(file, 'index.html') : file;
}

function send(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/** A request handler serving the files under `root` (GET and HEAD only). */
export function staticHandler(root) {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed\n');
    const file = filePath(root, req.url ?? '/');
    if (file === undefined) return send(res, 403, 'forbidden\n');
    let info;
    try {
      info = await stat(file);
    } catch {
      return send(res, 404, 'not found\n');
    }
    if (!info.isFile()) return send(res, 404, 'not found\n');
    res.writeHead(200, {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': info.size,
      // The add-in is reloaded often while developing: never serve a stale bundle.
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  };
}

/**
 * A server for the files under `root`: https when `tls` (key, cert, ca) is given,
 * plain http otherwise. Not listening yet.
 */
export function createStaticServer({ root = DIST, tls } = {}) {
  const handler = staticHandler(root);
  return tls ? https.createServer(tls, handler) : http.createServer(handler);
}

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

async function main() {
  const port = Number(option('port', '3000'));
  const root = resolve(option('root', DIST));
  try {
    await stat(join(root, 'taskpane.html'));
  } catch {
    process.stderr.write(`${root} has no taskpane.html: build the add-in first (npx turbo run build --filter=@yusuan/excel-addin).\n`);
    process.exit(2);
  }
  // Creates the developer certificates on first use and asks to trust their CA.
  const { getHttpsServerOptions } = await import('office-addin-dev-certs');
  const tls = await getHttpsServerOptions();
  const server = createStaticServer({ root, tls });
  server.listen(port, 'localhost', () => {
    process.stdout.write(`yusuan add-in: serving ${root} on https://localhost:${port}/taskpane.html\n`);
    process.stdout.write(`manifest: ${join(root, 'manifest.xml')} (sideload it: docs/addin.md). Ctrl+C stops.\n`);
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(`dev server failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
