/**
 * What the pane reads and writes, as pure functions of a workbook snapshot:
 * which sheets a validation reads, what "generate" writes (the forms composed
 * from the input sheets, or regenerated from the parsed forms), the empty input
 * template, the report (JSON and a sheet) and which writes need the user's
 * confirmation. Every check, sum and layout comes from @yusuan/core.
 */
import {
  checkGrids,
  columnLetters,
  describeLocation,
  formatJson,
  generateForms,
  inputSheets,
  renderMessage,
  type CheckResult,
  type Grid,
  type SheetSpec,
  type StyledRange,
} from '@yusuan/core';
import type { WorkbookSnapshot } from '../host.js';
import { cellOf, countBySeverity, severityLabel } from './findings.js';
import { t, type Lang } from './i18n.js';

/**
 * The sheets a validation reads: every sheet except the add-in's own generated forms
 * and reports (they are derived from the other sheets and would be read twice). The
 * input template the add-in inserted is the user's data once filled in: it is read.
 */
export function sourceGrids(snapshot: WorkbookSnapshot): Grid[] {
  const derived = new Set(snapshot.owned.filter((o) => o.kind !== 'template').map((o) => sheetKey(o.name)));
  const grids = snapshot.grids.filter((g) => !derived.has(sheetKey(g.name)));
  // A workbook holding nothing but generated forms is checked as it is.
  return grids.length > 0 ? grids : snapshot.grids.filter((g) => snapshot.owned.some((o) => o.kind === 'forms' && sheetKey(o.name) === sheetKey(g.name)));
}

/** Excel compares sheet names without regard to case. */
export function sheetKey(name: string): string {
  return name.toLocaleUpperCase('en-US');
}

export function validateSnapshot(snapshot: WorkbookSnapshot): CheckResult {
  return checkGrids(sourceGrids(snapshot));
}

export type GenerationPlan =
  | { readonly ok: true; readonly source: 'input' | 'forms'; readonly sheets: readonly SheetSpec[]; readonly result: CheckResult }
  | { readonly ok: false; readonly result: CheckResult };

/**
 * The standard forms to write: composed from the input sheets of an input workbook, or
 * regenerated from the forms found in a forms workbook. Nothing when neither is there.
 */
export function generationPlan(snapshot: WorkbookSnapshot): GenerationPlan {
  const result = validateSnapshot(snapshot);
  if (result.kind === 'forms' && (result.tables?.length ?? 0) === 0) return { ok: false, result };
  const sheets = generateForms(result.model);
  if (sheets.length === 0) return { ok: false, result };
  return { ok: true, source: result.kind === 'input' ? 'input' : 'forms', sheets, result };
}

/** The empty input workbook (底稿) sheets. */
export function templateSheets(): SheetSpec[] {
  return inputSheets();
}

/** `name (n)`, cut to Excel's 31 characters: the name a host gives a sheet whose name is taken. */
export function suffixedName(name: string, n: number): string {
  const suffix = ` (${n})`;
  return n === 1 ? name : `${name.slice(0, 31 - suffix.length)}${suffix}`;
}

/**
 * The add-in sheets a write with `replaceOwned` would replace, in the order of `sheets`.
 * A host puts each sheet under its own name or the first free `name (n)`, passing over
 * the user's sheets; with `replaceOwned` the first add-in sheet on that way is replaced
 * (so regenerating replaces `表1 收支总体情况表 (2)` when the user's own sheet is
 * `表1 收支总体情况表`, instead of piling up copies). The pane asks before that happens.
 */
export function ownedConflicts(sheets: readonly SheetSpec[], snapshot: WorkbookSnapshot): string[] {
  const owned = new Set(snapshot.owned.map((o) => sheetKey(o.name)));
  const existing = new Map(snapshot.grids.map((g) => [sheetKey(g.name), g.name]));
  for (const o of snapshot.owned) existing.set(sheetKey(o.name), o.name);
  const used = new Set<string>();
  const replaced: string[] = [];
  for (const spec of sheets) {
    for (let n = 1; ; n++) {
      const name = suffixedName(spec.name, n);
      const key = sheetKey(name);
      if (used.has(key)) continue;
      const there = existing.get(key);
      if (there !== undefined && !owned.has(key)) continue;
      used.add(key);
      if (there !== undefined) replaced.push(there);
      break;
    }
  }
  return replaced;
}

/** Sheets written under another name than asked for (the name belonged to a user's sheet). */
export function renamedSheets(sheets: readonly SheetSpec[], written: readonly string[]): string[] {
  const wanted = new Set(sheets.map((s) => sheetKey(s.name)));
  return written.filter((n) => !wanted.has(sheetKey(n)));
}

export interface ReportFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly content: string;
}

/** The stable JSON report (core's formatJson, as the CLI writes it) for one workbook. */
export function reportJson(result: CheckResult, lang: Lang, file: string): ReportFile {
  const content = formatJson([{ file, diagnostics: result.diagnostics, errorCount: result.errorCount, warningCount: result.warningCount }], lang);
  return { fileName: 'yusuan-report.json', mimeType: 'application/json', content };
}

/** The report as a sheet: a title, a summary line, a header and one row per finding. */
export function reportSheet(result: CheckResult, lang: Lang): SheetSpec {
  const header = [
    t(lang, 'reportNo'),
    t(lang, 'reportSeverity'),
    t(lang, 'reportRule'),
    t(lang, 'reportForm'),
    t(lang, 'reportWhere'),
    t(lang, 'reportCell'),
    t(lang, 'reportMessage'),
    t(lang, 'reportExpected'),
    t(lang, 'reportActual'),
  ];
  const counts = countBySeverity(result.diagnostics);
  const body = result.diagnostics.map((d, i) => {
    const at = cellOf(d);
    const logical = describeLocation(d.location, lang, { short: true });
    const [form = '', ...rest] = logical.split(' › ');
    return [
      i + 1,
      severityLabel(d.severity, lang),
      d.ruleId,
      d.location.form === undefined ? '' : form,
      d.location.form === undefined ? logical : rest.join(' › '),
      at ? `${at.sheet}!${at.cell}` : d.location.line !== undefined ? `${lang === 'en' ? 'line' : '第'} ${d.location.line}${lang === 'en' ? '' : ' 行'}` : '',
      renderMessage(d, lang),
      d.expected ?? '',
      d.actual ?? '',
    ];
  });
  const last = columnLetters(header.length);
  const lastRow = 3 + body.length;
  const styles: StyledRange[] = [
    { range: 'A1', role: 'title' },
    { range: 'A2', role: 'note' },
    { range: `A3:${last}3`, role: 'header' },
  ];
  if (body.length > 0) {
    styles.push({ range: `A4:F${lastRow}`, role: 'text' }, { range: `G4:G${lastRow}`, role: 'paragraph' }, { range: `H4:I${lastRow}`, role: 'text' });
  }
  return {
    name: t(lang, 'reportSheet'),
    rows: [[t(lang, 'reportTitle')], [t(lang, 'reportSummary', { errors: counts.error, warnings: counts.warning, infos: counts.info })], header, ...body],
    merges: [`A1:${last}1`, `A2:${last}2`],
    columnWidths: [6, 8, 26, 16, 30, 28, 60, 14, 14],
    styles,
    freeze: { rows: 3, columns: 0 },
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: [3, 3] },
  };
}
