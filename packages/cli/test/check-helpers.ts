// Helpers of the end-to-end tests of `yusuan check` (check-*, format-* and hostile-* tests):
// the built CLI run as a user runs it, with its wall-clock time and peak memory, and the
// reference disclosure as a forms workbook.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateForms, referenceDisclosure } from '@yusuan/core';
import { main, type Io } from '../src/main.js';
import { writeWorkbook } from '../src/xlsx/write.js';

export const cliDir = fileURLToPath(new URL('..', import.meta.url));
export const bin = join(cliDir, 'dist', 'bin.js');
export const hostileDir = join(cliDir, 'test', 'fixtures', 'hostile');
export const goldenDir = join(cliDir, 'test', 'fixtures', 'golden');

/** Fails with instructions when the CLI has not been built (`npm test` builds it first). */
export function requireBuild(): void {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`npx turbo run build --filter=@yusuan/cli\` first`);
}

export interface CliRun {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
  /** Wall-clock time of the whole process. */
  readonly ms: number;
  /** Peak resident set size of the process (process.resourceUsage().maxRSS at exit), in kilobytes. */
  readonly maxRssKb: number;
}

// Loaded before bin.js: writes the process's peak RSS to $YUSUAN_TEST_RSS when it exits.
const RSS_HOOK = `data:text/javascript,${encodeURIComponent(
  "import{writeFileSync}from'node:fs';process.on('exit',()=>{const f=process.env.YUSUAN_TEST_RSS;if(f)writeFileSync(f,String(process.resourceUsage().maxRSS))})",
)}`;

/** Runs `node dist/bin.js …args` and collects its output, exit code, time and peak memory. */
export async function runCli(args: readonly string[], opts: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<CliRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'yusuan-rss-'));
  const rssFile = join(scratch, 'rss');
  const started = performance.now();
  try {
    const child = spawn(process.execPath, [`--import=${RSS_HOOK}`, bin, ...args], {
      cwd: opts.cwd ?? cliDir,
      env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', YUSUAN_TEST_RSS: rssFile, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: opts.timeoutMs ?? 60_000,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (c) => resolve(c));
    });
    const ms = performance.now() - started;
    const maxRssKb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : Number.NaN;
    return { code, out: Buffer.concat(out).toString('utf8'), err: Buffer.concat(err).toString('utf8'), ms, maxRssKb };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The CLI in this process (sources, not the build): argv after `yusuan`, an Io that records. */
export async function runInProcess(args: readonly string[], tty: { out?: boolean; err?: boolean } = {}): Promise<{ code: number; out: string; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (s) => out.push(s), err: (s) => err.push(s), outIsTTY: tty.out === true, errIsTTY: tty.err === true };
  const code = await main(['node', 'yusuan', ...args], io);
  return { code, out: out.join('\n'), err };
}

/** The bundled reference disclosure as a forms workbook (core's generateForms, the CLI's writer). */
export async function writeReferenceForms(path: string): Promise<void> {
  await writeWorkbook(generateForms(referenceDisclosure()), path);
}

/** The bundled reference disclosure as a model JSON file. */
export function referenceJson(): string {
  return `${JSON.stringify(referenceDisclosure(), null, 2)}\n`;
}

/** The non-empty lines of a text. */
export function lines(s: string): string[] {
  return s.split('\n').filter((l) => l.trim() !== '');
}
