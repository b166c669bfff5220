/**
 * Turns the paths a user gives into the files to check, and each file into a
 * check result through core. Reading is the only thing done here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { checkGrids, checkModelJson, checkText, formatModelIssues, type CheckOptions, type CheckResult, type WorkbookCheckOptions } from '@yusuan/core';
import { decodeText } from './catalog-file.js';
import { UserInputError } from './errors.js';
import { t, type Lang } from './i18n.js';
import { readWorkbookGrids } from './xlsx/read-grid.js';

export const CHECKABLE = new Set(['.xlsx', '.json', '.txt']);

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist']);

/** Files to check: files as given; directories searched (sorted) for .xlsx, .json and .txt, skipping Excel lock files and hidden folders. */
export function expandInputs(paths: readonly string[], lang: Lang): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.') || name.startsWith('~$')) continue;
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(name)) walk(p);
      } else if (CHECKABLE.has(extname(name).toLowerCase())) out.push(p);
    }
  };
  for (const p of paths) {
    if (!existsSync(p)) throw new UserInputError({ 'zh-CN': t('zh-CN', 'fileNotFound', { path: p }), en: t('en', 'fileNotFound', { path: p }) });
    if (statSync(p).isDirectory()) walk(p);
    else out.push(p);
  }
  if (out.length === 0) throw new UserInputError({ 'zh-CN': t('zh-CN', 'noInputs', { paths: paths.join(' ') }), en: t('en', 'noInputs', { paths: paths.join(' ') }) });
  void lang;
  return out;
}

export function displayName(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') || rel === '' ? path : rel;
}

/** Share of U+FFFD (undecodable bytes) above which decoded bytes are no text. */
const MAX_REPLACEMENT_SHARE = 0.05;

/**
 * A published text (.txt exported from PDF or Word): UTF-8 (with or without
 * BOM), UTF-16 with a BOM, or GB18030 when the bytes are not valid UTF-8.
 * Throws a UserInputError (exit 2, one line) for a missing file and for bytes
 * that are no text (NUL bytes outside UTF-16, mostly undecodable bytes).
 */
export function readTextFile(path: string): string {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new UserInputError({ 'zh-CN': t('zh-CN', 'fileNotFound', { path }), en: t('en', 'fileNotFound', { path }) });
  }
  const { text, encoding } = decodeText(bytes);
  const notText = () => new UserInputError({ 'zh-CN': t('zh-CN', 'notText', { path }), en: t('en', 'notText', { path }) });
  if (!encoding.startsWith('utf-16') && bytes.includes(0)) throw notText();
  let replaced = 0;
  for (const ch of text) if (ch === '\uFFFD') replaced++;
  if (text.length > 0 && replaced / text.length > MAX_REPLACEMENT_SHARE) throw notText();
  return text.replace(/^\uFEFF/, '');
}

/** Reads one file and checks it; throws UserInputError for a file that cannot be read. */
export async function checkFile(path: string, options: WorkbookCheckOptions & CheckOptions, lang: Lang): Promise<CheckResult> {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') {
    const grids = await readWorkbookGrids(path);
    return checkGrids(grids, options);
  }
  if (ext === '.json') {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      throw new UserInputError({ 'zh-CN': t('zh-CN', 'notJson', { path, reason }), en: t('en', 'notJson', { path, reason }) });
    }
    const r = checkModelJson(json, options, lang);
    if (!r.ok) {
      const first = formatModelIssues(r.issues.issues.slice(0, 1), lang);
      const count = r.issues.issues.length;
      throw new UserInputError({
        'zh-CN': `${t('zh-CN', 'invalidModel', { count })}${formatModelIssues(r.issues.issues.slice(0, 1), 'zh-CN')}`,
        en: `${t('en', 'invalidModel', { count })} ${lang === 'en' ? first : formatModelIssues(r.issues.issues.slice(0, 1), 'en')}`,
      });
    }
    return r.result;
  }
  if (ext === '.txt') return checkText(readTextFile(path), options);
  throw new UserInputError({ 'zh-CN': t('zh-CN', 'unsupportedFile', { path }), en: t('en', 'unsupportedFile', { path }) });
}
