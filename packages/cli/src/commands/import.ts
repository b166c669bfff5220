/**
 * `yusuan import TEXT -o MODEL.json [--force]`: a published disclosure's text
 * (a .txt exported from PDF or Word) read into the disclosure model and written
 * as JSON, validated. The model is written when the text yields a valid one,
 * whatever its findings (yusuan check reports them); a text that cannot be
 * read, holds no table, or lacks what a model needs (the unit's name and
 * year) exits 2 with a one-line reason and writes nothing.
 */
import { writeFileSync } from 'node:fs';
import { importText, validateDisclosure } from '@yusuan/core';
import { UserInputError } from '../errors.js';
import { t, type Lang, type MessageId } from '../i18n.js';
import { displayName, readTextFile } from '../inputs.js';
import type { Io } from '../main.js';
import { outputPath } from './output-file.js';

export interface ImportCommandOptions {
  output?: string;
  force?: boolean;
  unitName?: string;
  year?: string;
}

function fail(id: MessageId, data: Record<string, string | number>): UserInputError {
  return new UserInputError({ 'zh-CN': t('zh-CN', id, data), en: t('en', id, data) });
}


/** Exit 0 written, 2 unusable input or output. */
export function runImport(input: string, opts: ImportCommandOptions, lang: Lang, io: Io): number {
  const out = outputPath(opts.output, opts.force, 'model.json', '.json');
  let year: number | undefined;
  if (opts.year !== undefined) {
    if (!/^(19|20|21)[0-9]{2}$/.test(opts.year)) throw fail('badYear', { value: opts.year });
    year = Number(opts.year);
  }
  const unit = { ...(opts.unitName !== undefined ? { name: opts.unitName } : {}), ...(year !== undefined ? { year } : {}) };
  const name = displayName(input);
  const read = importText(readTextFile(input), Object.keys(unit).length > 0 ? { unit } : {});
  if (read.tables.length === 0) throw fail('importNoTables', { path: name });
  const valid = validateDisclosure(read.model, lang);
  if (!valid.ok) {
    const unitMissing = valid.issues.some((i) => i.path[0] === 'unit' && (i.path[1] === 'name' || i.path[1] === 'year'));
    if (unitMissing && read.diagnostics.some((d) => d.ruleId === 'parse/no-title')) throw fail('importNoTitle', { path: name });
    // the first issue, in both languages
    const firstIn = (l: Lang) => {
      const v = validateDisclosure(read.model, l);
      const issue = v.ok ? undefined : v.issues[0];
      return t(l, 'importInvalid', { path: name, where: issue?.where ?? '', message: issue?.message ?? '' });
    };
    throw new UserInputError({ 'zh-CN': firstIn('zh-CN'), en: firstIn('en') });
  }
  try {
    writeFileSync(out, `${JSON.stringify(valid.model, null, 2)}\n`);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new UserInputError({ 'zh-CN': `无法写入 ${out}：${reason}`, en: `cannot write ${out}: ${reason}` });
  }
  const findings = read.diagnostics.length;
  if (findings > 0) io.err(t(lang, 'importFindings', { count: findings, errors: read.diagnostics.filter((d) => d.severity === 'error').length, path: name }));
  const m = valid.model;
  io.out(t(lang, 'importWritten', { tables: Object.keys(m.forms).length, performance: m.performance.length, figures: m.narrative?.figures.length ?? 0, path: out }));
  return 0;
}
