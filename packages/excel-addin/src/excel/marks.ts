/**
 * Highlights of findings as conditional formats, which never touch a cell's
 * own format. Each mark is a Custom rule on one cell whose formula is the
 * add-in's signature, `=ISTEXT("yusuan.mark")` (always TRUE): it is saved with
 * the workbook, so the marks are found again after the pane reloads or the
 * file is reopened, and nothing else is ever taken for one.
 */
import type { Diagnostic, Severity } from '@yusuan/core';
import { boxAddress, parseRange, type Box } from './a1.js';

export const MARK_FORMULA = '=ISTEXT("yusuan.mark")';
/** More marks than this would only bury the sheet (and bloat the request); the most severe come first. */
export const MAX_MARKS = 1_000;

const COLOURS: Readonly<Record<Severity, { readonly fill: string; readonly border: string }>> = {
  error: { fill: '#FFC7CE', border: '#C00000' },
  warning: { fill: '#FFEB9C', border: '#9C5700' },
  info: { fill: '#DDEBF7', border: '#2F75B5' },
};
const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;

function normalise(formula: string): string {
  return formula.replace(/\s+/g, '').toUpperCase();
}

export function isMarkFormula(formula: string | null | undefined): boolean {
  return typeof formula === 'string' && normalise(formula) === normalise(MARK_FORMULA);
}

interface Listed {
  readonly sheets: readonly Excel.Worksheet[];
  readonly marks: readonly Excel.ConditionalFormat[];
}

/** The sheets, and every conditional format of ours on them (two syncs). */
async function listMarks(context: Excel.RequestContext): Promise<Listed> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const collections = worksheets.items.map((ws) => ws.getRange().conditionalFormats.load('items/type,items/customOrNullObject/rule/formula'));
  await context.sync();
  const marks = collections.flatMap((c) => c.items.filter((cf) => cf.type === 'Custom' && !cf.customOrNullObject.isNullObject && isMarkFormula(cf.customOrNullObject.rule.formula)));
  return { sheets: worksheets.items, marks };
}

interface Wanted {
  readonly sheet: number;
  readonly box: Box;
  severity: Severity;
}

/** The cells to mark: one per distinct cell, its most severe finding, in sheet and reading order. */
function wanted(sheets: readonly Excel.Worksheet[], diagnostics: readonly Diagnostic[]): Wanted[] {
  const names = sheets.map((s) => s.name);
  const sheetIndex = (name: string) => {
    const exact = names.indexOf(name);
    return exact >= 0 ? exact : names.findIndex((n) => n.toUpperCase() === name.toUpperCase());
  };
  const byCell = new Map<string, Wanted>();
  for (const d of diagnostics) {
    const { sheet, cell } = d.location;
    if (sheet === undefined || cell === undefined) continue;
    const index = sheetIndex(sheet);
    const box = parseRange(cell);
    if (index < 0 || !box) continue;
    const key = `${index}!${boxAddress(box)}`;
    const seen = byCell.get(key);
    if (!seen) byCell.set(key, { sheet: index, box, severity: d.severity });
    else if (RANK[d.severity] < RANK[seen.severity]) seen.severity = d.severity;
  }
  const all = [...byCell.values()].sort((a, b) => a.sheet - b.sheet || a.box.top - b.box.top || a.box.left - b.box.left);
  if (all.length <= MAX_MARKS) return all;
  const kept = new Set([...all].sort((a, b) => RANK[a.severity] - RANK[b.severity]).slice(0, MAX_MARKS));
  return all.filter((w) => kept.has(w));
}

/** Replaces the add-in's marks by one per cell of the findings; returns how many cells were marked (three syncs). */
export async function markCells(context: Excel.RequestContext, diagnostics: readonly Diagnostic[]): Promise<number> {
  const { sheets, marks } = await listMarks(context);
  for (const cf of marks) cf.delete();
  const cells = wanted(sheets, diagnostics);
  for (const w of cells) {
    const cf = (sheets[w.sheet] as Excel.Worksheet).getRange(boxAddress(w.box)).conditionalFormats.add('Custom');
    cf.custom.rule.formula = MARK_FORMULA;
    const colours = COLOURS[w.severity];
    cf.custom.format.fill.color = colours.fill;
    for (const edge of EDGES) {
      const border = cf.custom.format.borders.getItem(edge);
      border.style = 'Continuous';
      border.color = colours.border;
    }
    cf.stopIfTrue = false;
    cf.priority = 0;
  }
  if (marks.length > 0 || cells.length > 0) await context.sync();
  return cells.length;
}

/** Removes every mark of the add-in and nothing else; returns how many were removed. */
export async function clearAllMarks(context: Excel.RequestContext): Promise<number> {
  const { marks } = await listMarks(context);
  for (const cf of marks) cf.delete();
  if (marks.length > 0) await context.sync();
  return marks.length;
}
