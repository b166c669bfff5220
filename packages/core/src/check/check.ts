/**
 * One entry point for every kind of input the hosts hand to core: a workbook's
 * grids (the published forms, or the input workbook 底稿), a model as JSON, or
 * a published document's text (checkText, findings located by line).
 * Reading, composing and checking all happen here, so the CLI and the add-in
 * report the same findings for the same workbook.
 */
import type { Diagnostic } from '../diagnostics/types.js';
import { parseForms, type FoundTable } from '../forms/parse.js';
import { normalizeLabel } from '../forms/text.js';
import type { Grid } from '../grid/grid.js';
import { compose } from '../input/compose.js';
import { INPUT_SHEETS } from '../input/sheets.js';
import { readInputSheets } from '../input/workbook.js';
import type { Lang } from '../model/paths.js';
import type { Disclosure } from '../model/schema.js';
import { validateDisclosure } from '../model/validate.js';
import { runRules, sortDiagnostics, type CheckReport } from '../rules/engine/run.js';
import { importText, type TextTable } from '../text/import.js';
import type { CheckOptions } from '../rules/engine/types.js';
import { RULES } from '../rules/registry.js';

export type InputKind = 'forms' | 'input' | 'model' | 'text';

export interface CheckResult extends CheckReport {
  readonly kind: InputKind;
  /** The model that was checked (best effort where the input had unreadable parts). */
  readonly model: Disclosure;
  /** The tables found in a forms workbook. */
  readonly tables?: readonly FoundTable[];
  /** The tables found in a text, by line. */
  readonly textTables?: readonly TextTable[];
}

export type WorkbookCheckOptions = Omit<CheckOptions, 'sourceMap' | 'readDiagnostics'> & {
  /** The unit's name and year where a forms workbook does not say them. */
  readonly unit?: { readonly name?: string; readonly year?: number };
};

const INPUT_SHEET_NAMES = new Set(INPUT_SHEETS.map((s) => normalizeLabel(s.name)));

/** An input workbook (底稿) has the sheets yusuan writes for it; anything else is read as published forms. */
export function isInputWorkbook(grids: readonly Grid[]): boolean {
  return grids.filter((g) => INPUT_SHEET_NAMES.has(normalizeLabel(g.name))).length >= 2;
}

function finish(kind: InputKind, model: Disclosure, report: CheckReport, extra: readonly Diagnostic[] = [], tables?: readonly FoundTable[]): CheckResult {
  const diagnostics = sortDiagnostics([...report.diagnostics, ...extra]);
  return {
    kind,
    model,
    diagnostics,
    errorCount: diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: diagnostics.filter((d) => d.severity === 'warning').length,
    ...(tables ? { tables } : {}),
  };
}

/** Checks a workbook given as grids: the published forms, or an input workbook composed into the forms first. */
export function checkGrids(grids: readonly Grid[], options: WorkbookCheckOptions = {}): CheckResult {
  if (isInputWorkbook(grids)) {
    const read = readInputSheets(grids);
    const composed = compose(read.input, { sourceMap: read.sourceMap });
    const report = runRules(composed.model, RULES, { ...options, readDiagnostics: read.diagnostics });
    return finish('input', composed.model, report, composed.diagnostics);
  }
  const parsed = parseForms(grids, options.unit ? { unit: options.unit } : {});
  const report = runRules(parsed.model, RULES, { ...options, sourceMap: parsed.sourceMap, readDiagnostics: parsed.diagnostics });
  return finish('forms', parsed.model, report, [], parsed.tables);
}

export type ModelCheck = { ok: true; result: CheckResult } | { ok: false; issues: ReturnType<typeof validateDisclosure> & { ok: false } };

/** Checks a model given as parsed JSON; an invalid model is returned as its validation issues. */
export function checkModelJson(json: unknown, options: CheckOptions = {}, lang: Lang = 'zh-CN'): ModelCheck {
  const v = validateDisclosure(json, lang);
  if (!v.ok) return { ok: false, issues: v };
  return { ok: true, result: finish('model', v.model, runRules(v.model, RULES, options)) };
}

/**
 * Checks a published document's text (PDF or Word extraction, tables
 * tab-separated): read with importText, every finding located by its line.
 */
/**
 * Rules that read the explanatory text's structure and wording, which the text
 * reader knows for the reference template only: for other templates they are
 * off unless configured, and an info diagnostic says so (no guessed findings).
 */
const REFERENCE_WORDING_RULES = ['struct/sections', 'text/three-public', 'struct/unit-name'] as const;

export function checkText(text: string, options: WorkbookCheckOptions = {}): CheckResult {
  const read = importText(text, options.unit ? { unit: options.unit } : {});
  const profile = read.model.document.profile;
  const severities = { ...(options.severities ?? {}) };
  const extra: Diagnostic[] = [];
  if (profile !== 'shandong-12' && read.model.narrative) {
    const off = REFERENCE_WORDING_RULES.filter((id) => severities[id] === undefined);
    for (const id of off) severities[id] = 'off';
    const first = read.sourceMap['narrative.sections.0'];
    if (off.length > 0)
      extra.push({ ruleId: 'parse/not-read', severity: 'info', messageId: 'narrativeNotRead', data: { profile, rules: off.join('、') }, location: { form: 'N', ...(first?.line !== undefined ? { line: first.line } : {}) } });
  }
  const report = runRules(read.model, RULES, { ...options, severities, sourceMap: read.sourceMap, readDiagnostics: [...read.diagnostics, ...extra] });
  return { ...finish('text', read.model, report), textTables: read.tables };
}
