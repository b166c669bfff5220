/**
 * `yusuan template -o INPUT.xlsx [--example] [--force]`: the input workbook
 * (底稿), empty (headers and blank rows to type into) or filled with the
 * reference unit's figures.
 */
import { inputSheets, referenceInput } from '@yusuan/core';
import { t, type Lang } from '../i18n.js';
import type { Io } from '../main.js';
import { writeWorkbook } from '../xlsx/write.js';
import { outputPath } from './output-file.js';

export interface TemplateCommandOptions {
  output?: string;
  example?: boolean;
  force?: boolean;
}

/** Exit 0 written, 2 unusable output path. */
export async function runTemplate(opts: TemplateCommandOptions, lang: Lang, io: Io): Promise<number> {
  const out = outputPath(opts.output, opts.force, '底稿.xlsx');
  const example = opts.example === true;
  await writeWorkbook(inputSheets(example ? referenceInput() : undefined), out);
  io.out(t(lang, example ? 'templateExampleWritten' : 'templateWritten', { path: out }));
  return 0;
}
