/**
 * `yusuan forms INPUT -o OUT.xlsx [--force]`: the 12 standard forms, the
 * performance tables and the narrative (说明) of a disclosure, written as one
 * workbook. INPUT is an input workbook (底稿, composed into the disclosure) or
 * a model JSON file. Inconsistencies the 底稿 holds are reported as check
 * does, and the forms are written all the same (exit 1).
 */
import { extname } from 'node:path';
import {
  compose,
  generateForms,
  INPUT_SHEETS,
  isInputWorkbook,
  narrativeSheet,
  PERFORMANCE_LAYOUT,
  parseForms,
  readInputSheets,
  sortDiagnostics,
  type Diagnostic,
  type Disclosure,
  type SheetSpec,
} from '@yusuan/core';
import { UserInputError } from '../errors.js';
import { formatStylish } from '../format/stylish.js';
import { t, type Lang, type MessageId } from '../i18n.js';
import { displayName } from '../inputs.js';
import type { Io } from '../main.js';
import { readModelFile } from '../model-file.js';
import { readWorkbookGrids } from '../xlsx/read-grid.js';
import { writeWorkbook } from '../xlsx/write.js';
import { outputPath } from './output-file.js';

export interface FormsCommandOptions {
  output?: string;
  force?: boolean;
}

interface Source {
  readonly model: Disclosure;
  /** What reading and composing a 底稿 found (none for a model). */
  readonly diagnostics: readonly Diagnostic[];
}

function fail(id: MessageId, data: Record<string, string>): UserInputError {
  return new UserInputError({ 'zh-CN': t('zh-CN', id, data), en: t('en', id, data) });
}

/** The disclosure of an input workbook or a model file; anything else is a UserInputError. */
export async function readSource(path: string, lang: Lang): Promise<Source> {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return { model: readModelFile(path, lang), diagnostics: [] };
  if (ext !== '.xlsx') throw fail('formsUnsupported', { path });
  const grids = await readWorkbookGrids(path);
  if (!isInputWorkbook(grids)) {
    if (parseForms(grids).tables.length > 0) throw fail('formsNotInput', { path });
    throw fail('notInputWorkbook', { path, sheets: INPUT_SHEETS.map((s) => s.name).join('、') });
  }
  const read = readInputSheets(grids);
  const composed = compose(read.input, { sourceMap: read.sourceMap });
  return { model: composed.model, diagnostics: sortDiagnostics([...read.diagnostics, ...composed.diagnostics]) };
}

/** The sheets of the forms workbook: 表1–表12, the narrative (说明), then the performance tables it introduces. */
export function formsWorkbookSheets(model: Disclosure): SheetSpec[] {
  const sheets = generateForms(model, { defaultNotes: true });
  const narrative = narrativeSheet(model);
  const performance = sheets.findIndex((s) => s.name === PERFORMANCE_LAYOUT.sheetName);
  if (performance < 0) return [...sheets, narrative];
  return [...sheets.slice(0, performance), narrative, ...sheets.slice(performance)];
}

/** Exit 0 written, 1 written although the 底稿 is inconsistent, 2 unusable input or output. */
export async function runForms(input: string, opts: FormsCommandOptions, lang: Lang, io: Io): Promise<number> {
  const out = outputPath(opts.output, opts.force, 'forms.xlsx');
  const source = await readSource(input, lang);
  const sheets = formsWorkbookSheets(source.model);
  await writeWorkbook(sheets, out);

  const errors = source.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = source.diagnostics.filter((d) => d.severity === 'warning').length;
  if (source.diagnostics.length > 0) {
    const report = formatStylish([{ file: displayName(input), diagnostics: source.diagnostics, errorCount: errors, warningCount: warnings }], lang, { color: io.outIsTTY === true });
    io.out(report.replace(/\n$/, ''));
  }
  io.out(t(lang, errors > 0 ? 'formsWrittenAnyway' : 'formsWritten', { count: sheets.length, path: out, errors }));
  return errors > 0 ? 1 : 0;
}
