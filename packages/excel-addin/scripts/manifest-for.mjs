// Writes a copy of manifest.xml whose URLs point at another server than the dev
// server (https://localhost:3000/), for deployment on an intranet:
//
//   node scripts/manifest-for.mjs https://addins.example.gov.cn/yusuan/ [--out dist/manifest.xml]
//
// The base URL must be https (Office loads add-ins over https only) and is where
// dist/ is served from.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

export const DEV_BASE_URL = 'https://localhost:3000/';
export const MANIFEST = fileURLToPath(new URL('../manifest.xml', import.meta.url));

/** The manifest with every dev-server URL moved under `baseUrl`. */
export function manifestFor(xml, baseUrl) {
  let url;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`not a URL: ${baseUrl}`);
  }
  if (url.protocol !== 'https:') throw new Error(`Office loads add-ins over https only: ${baseUrl}`);
  if (url.search !== '' || url.hash !== '') throw new Error(`the base URL takes no query or fragment: ${baseUrl}`);
  const base = url.href.endsWith('/') ? url.href : `${url.href}/`;
  const escaped = base.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return xml.split(DEV_BASE_URL).join(escaped);
}

function main() {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = resolve(outAt >= 0 && args[outAt + 1] ? args[outAt + 1] : fileURLToPath(new URL('../dist/manifest.xml', import.meta.url)));
  const baseUrl = args.find((a, i) => !a.startsWith('--') && i !== outAt + 1);
  if (!baseUrl) {
    process.stderr.write('usage: node scripts/manifest-for.mjs https://server/path/ [--out FILE]\n');
    process.exit(2);
  }
  try {
    writeFileSync(out, manifestFor(readFileSync(MANIFEST, 'utf8'), baseUrl));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  process.stdout.write(`wrote ${out}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
