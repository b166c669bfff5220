import { writeFileSync } from 'node:fs';
import { formatJson, formatJunit, formatSarif, type Catalogs, type FileResult, type SeveritySetting } from '@yusuan/core';
import { loadConfig, parseRuleOptions } from '../config.js';
import { UserInputError } from '../errors.js';
import { t, type Lang } from '../i18n.js';
import { checkFile, displayName, expandInputs } from '../inputs.js';
import type { Io } from '../main.js';
import { VERSION } from '../version.js';
import { formatStylish } from '../format/stylish.js';
import { activeCatalogs } from './catalog.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

export interface CheckCommandOptions {
  format?: string;
  output?: string;
  rule?: string[];
  config?: string;
  catalog?: string;
  maxWarnings?: string;
  quiet?: boolean;
  unitName?: string;
  year?: string;
}

function usage(lang: Lang, id: Parameters<typeof t>[1], data: Record<string, string | number>): UserInputError {
  return new UserInputError({ 'zh-CN': t('zh-CN', id, data), en: t('en', id, data) });
}

export function render(format: Format, results: readonly FileResult[], lang: Lang, color: boolean): string {
  switch (format) {
    case 'json':
      return formatJson(results, lang);
    case 'sarif':
      return formatSarif(results, { lang, version: VERSION });
    case 'junit':
      return formatJunit(results, lang);
    default:
      return formatStylish(results, lang, { color });
  }
}

/** `yusuan check FILE|DIR…`: exit 0 clean, 1 errors (or too many warnings), 2 unusable input. */
export async function runCheck(paths: readonly string[], opts: CheckCommandOptions, lang: Lang, io: Io & { errIsTTY?: boolean; outIsTTY?: boolean }): Promise<number> {
  const format = (opts.format ?? 'stylish') as Format;
  if (!FORMATS.includes(format)) throw usage(lang, 'badFormat', { format: String(opts.format) });
  const config = loadConfig(opts.config, lang);
  const severities: Record<string, SeveritySetting> = { ...config.rules, ...parseRuleOptions(opts.rule ?? [], lang) };
  let maxWarnings = config.maxWarnings;
  if (opts.maxWarnings !== undefined) {
    if (!/^[0-9]+$/.test(opts.maxWarnings)) throw usage(lang, 'badMaxWarnings', { value: opts.maxWarnings });
    maxWarnings = Number(opts.maxWarnings);
  }
  let year: number | undefined;
  if (opts.year !== undefined) {
    if (!/^(19|20|21)[0-9]{2}$/.test(opts.year)) throw usage(lang, 'badYear', { value: opts.year });
    year = Number(opts.year);
  }
  const catalogFile = opts.catalog ?? config.catalog;
  let catalogs: Catalogs | undefined;
  if (catalogFile !== undefined) {
    const active = await activeCatalogs({ catalog: catalogFile }, lang);
    catalogs = { function: active.function, economicDepartment: active['economic-department'], economicGovernment: active['economic-government'], official: true };
    // with the official catalogue loaded, a code it lacks is wrong, not merely unknown
    if (severities['code/unknown'] === undefined) severities['code/unknown'] = 'error';
  }

  const files = expandInputs(paths, lang);
  const results: FileResult[] = [];
  let unreadable = 0;
  const progress = io.errIsTTY === true && files.length > 1;
  for (const [i, file] of files.entries()) {
    const name = displayName(file);
    if (progress) io.err(`\r\u001b[2K${t(lang, 'progress', { i: i + 1, n: files.length, file: name })}`.replace(/\n$/, ''));
    try {
      const unit = { ...(opts.unitName !== undefined ? { name: opts.unitName } : {}), ...(year !== undefined ? { year } : {}) };
      const result = await checkFile(file, { severities, ...(catalogs ? { catalogs } : {}), ...(Object.keys(unit).length > 0 ? { unit } : {}) }, lang);
      const diagnostics = opts.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
      results.push({ file: name, diagnostics, errorCount: result.errorCount, warningCount: opts.quiet ? 0 : result.warningCount });
    } catch (e) {
      if (!(e instanceof UserInputError)) throw e;
      unreadable++;
      if (progress) io.err('\r\u001b[2K');
      const reason = e.messageIn(lang);
      // most reasons name the file already (无法读取 FILE：…); the others get it in front
      io.err(`yusuan: ${reason.includes(file) || reason.includes(name) ? reason : t(lang, 'unreadable', { path: name, reason })}`);
    }
  }
  if (progress) io.err('\r\u001b[2K');

  const text = render(format, results, lang, format === 'stylish' && io.outIsTTY === true && opts.output === undefined);
  // no file could be read: the human report would only say 未发现问题（0 个文件）; machine formats still get their (empty) document
  if (format === 'stylish' && results.length === 0) return 2;
  if (opts.output !== undefined) {
    writeFileSync(opts.output, text);
    io.err(t(lang, 'wroteReport', { path: opts.output }));
  } else io.out(text.replace(/\n$/, ''));

  if (unreadable > 0) return 2;
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) return 1;
  return 0;
}
