/**
 * A published document's text → the disclosure model, a source map (model
 * path → line) and diagnostics at lines. The text is what PDF or Word
 * extraction gives: table rows tab-separated, merged cells flattened, CJK words
 * broken by spaces where lines wrapped, paragraphs split by page breaks.
 *
 * - Lines are classified (lines.ts): table rows, titles, unit lines, notes,
 *   part and section headings, prose, the table of contents.
 * - Tables are bounded (zones.ts): a table ends at a part heading, a section
 *   heading or prose, so 表十二 stops at 第三部分; each zone is read by the forms
 *   parser as one grid, performance rows repaired first.
 * - What the parser leaves to the text is repaired here: 表七's two years from
 *   its header line (the extraction shifts the budget year's label one column
 *   left, so the header match cannot capture it).
 * - The narrative is read (sections.ts, figures.ts), the unit's name and the
 *   budget year from the document title, its kind from 机关运行经费.
 *
 * Never throws; runs in time linear in the text.
 */
import type { Diagnostic, Location, SourceMap } from '../diagnostics/types.js';
import { pathKey } from '../diagnostics/types.js';
import { FORM_DIAGNOSTICS, type FormMessageId } from '../forms/messages.js';
import { parseForms, type FoundTable } from '../forms/parse.js';
import { cleanText, normalizeLabel } from '../forms/text.js';
import { parseA1 } from '../grid/grid.js';
import type { FormRef } from '../diagnostics/types.js';
import type { SectionKey } from '../model/columns.js';
import { MODEL_SCHEMA_VERSION, type Disclosure, type Narrative } from '../model/schema.js';
import { citedNames, keyProjectNames, readAssetDate, readChangeReasons, readFigures, readUnitKind } from './figures.js';
import { TEXT_SHEET, textToGrid } from './grid.js';
import { classifyLines, type TextLine } from './lines.js';
import { readSections, type TextSection } from './sections.js';
import { tableLineSet, tableZones, zoneGrids, zoneSheetName } from './zones.js';

export interface TextImportOptions {
  /** The unit's name and budget year, where the caller knows better than the document title. */
  readonly unit?: { readonly name?: string; readonly year?: number };
}

/** A table found in the text. */
export interface TextTable {
  readonly form: FormRef;
  /** 1-based line of its title. */
  readonly line: number;
  readonly title: string;
  readonly project?: string;
}

export interface TextImport {
  readonly model: Disclosure;
  /** Model path (dot-joined) → where it was read: `{ line }`, with the form and row it belongs to. */
  readonly sourceMap: SourceMap;
  /** What reading found, each at its line. */
  readonly diagnostics: Diagnostic[];
  readonly tables: readonly TextTable[];
}

// ---------------------------------------------------------------------------
// Document title

export interface DocumentTitle {
  readonly title: string;
  readonly name: string;
  readonly year: number;
  readonly line: number;
}

const SUFFIX = String.raw`(?:区级|市级|县级|省级)?(?:部门|单位)?(?:综合)?预算(?:公开)?(?:文本|说明)?`;
const TITLE_YEAR_FIRST = new RegExp(String.raw`^(?<year>[0-9]{4})\s*年度?(?<name>.+?)${SUFFIX}$`, 'u');
const TITLE_NAME_FIRST = new RegExp(String.raw`^(?<name>.+?)(?<year>[0-9]{4})\s*年度?${SUFFIX}$`, 'u');
/** A line naming the unit under a title that does not (上海市普陀区2025年区级部门预算 / 预算主管部门：上海市普陀区商务委员会). */
const NAME_LINE = /^(?:预算)?(?:主管部门|单位名称|部门名称)[:：]\s*(?<name>.{2,60})$/u;
const MAX_TITLE_LINES = 4;
const MAX_TITLE_LENGTH = 120;

/**
 * The document title: a block of up to four lines (a title wraps) before the
 * first part, table or table of contents that reads `2024年XX部门预算` or
 * `XX2024年部门预算` (also 部门综合预算, 部门预算公开说明); a line
 * `预算主管部门：XX` right under it names the unit where the title does not.
 */
export function findDocumentTitle(lines: readonly TextLine[]): DocumentTitle | undefined {
  let block: TextLine[] = [];
  const tryBlock = (): DocumentTitle | undefined => {
    for (let s = 0; s < block.length; s++) {
      const first = block[s];
      if (!first) continue;
      for (let n = Math.min(block.length - s, MAX_TITLE_LINES); n >= 1; n--) {
        const title = cleanText(block.slice(s, s + n).map((l) => l.text).join(''));
        if (title.length > MAX_TITLE_LENGTH) continue;
        const m = TITLE_YEAR_FIRST.exec(title) ?? TITLE_NAME_FIRST.exec(title);
        const year = Number(m?.groups?.year);
        if (!m || year < 2000 || year > 2100) continue;
        const named = NAME_LINE.exec(cleanText(block[s + n]?.text ?? ''))?.groups?.name?.trim();
        const name = named ?? m.groups?.name?.trim() ?? '';
        if (name.length >= 2) return { title, name, year, line: first.line };
      }
    }
    return undefined;
  };
  for (const l of lines) {
    if (l.kind === 'short' || l.kind === 'partTitle' || (l.kind === 'prose' && l.text.length <= MAX_TITLE_LENGTH && !/[。；]/u.test(l.text))) {
      block.push(l);
      continue;
    }
    const found = tryBlock();
    if (found) return found;
    block = [];
    // the title comes before the first part, table or table of contents
    if (l.kind === 'part' || l.kind === 'row' || l.kind === 'title' || l.kind === 'toc' || l.kind === 'unit' || l.kind === 'note') return undefined;
  }
  return tryBlock();
}

// ---------------------------------------------------------------------------
// Locations

function readDiagnostic(id: FormMessageId, data: Diagnostic['data'], location: Location): Diagnostic {
  const { ruleId, severity } = FORM_DIAGNOSTICS[id];
  return { ruleId, severity, messageId: id, data, location };
}

/** A parser location (zone grid, cell) as a text location (line). */
function atLine(loc: Location, starts: ReadonlyMap<string, number>): Location {
  const { sheet, cell, ...rest } = loc;
  if (sheet === undefined) return loc;
  const start = starts.get(sheet);
  const pos = cell === undefined ? undefined : parseA1(cell);
  return start === undefined || !pos ? rest : { ...rest, line: start + pos.row + 1 };
}

function lineOfTable(t: FoundTable, starts: ReadonlyMap<string, number>): number {
  return atLine({ sheet: t.sheet, cell: t.cell }, starts).line ?? 0;
}

// ---------------------------------------------------------------------------
// 表七's years

const BUDGET_YEAR = /([0-9]{4})\s*年\s*(?:预算|决算)?数?/gu;

/** 2023年预算数 … 2024年预算数 in the header lines under 表七's title. */
function threePublicYears(lines: readonly TextLine[], titleLine: number): { previous: number; current: number; line: number } | undefined {
  for (let i = titleLine; i < Math.min(lines.length, titleLine + 8); i++) {
    const l = lines[i];
    if (!l || l.kind === 'title' || l.kind === 'note' || l.kind === 'heading' || l.kind === 'part' || l.kind === 'prose') {
      if (i > titleLine) break;
      continue;
    }
    if (l.kind !== 'row') continue;
    const years = [...l.raw.matchAll(BUDGET_YEAR)].map((m) => Number(m[1]));
    const [a, b] = years;
    if (years.length === 2 && a !== undefined && b !== undefined && b === a + 1) return { previous: a, current: b, line: l.line };
  }
  return undefined;
}

// ---------------------------------------------------------------------------

export function importText(text: string, options: TextImportOptions = {}): TextImport {
  const source = typeof text === 'string' ? text : '';
  const lines = classifyLines(source, textToGrid(source));
  const title = findDocumentTitle(lines);
  const zones = tableZones(lines);
  const starts = new Map(zones.map((z) => [zoneSheetName(TEXT_SHEET, z), z.start]));
  const grids = zoneGrids(lines, zones, TEXT_SHEET);

  const name = options.unit?.name ?? title?.name;
  const year = options.unit?.year ?? title?.year;
  const parsed = parseForms(grids, { unit: { ...(name !== undefined ? { name } : {}), ...(year !== undefined ? { year } : {}) } });

  const sourceMap: Record<string, Location> = {};
  for (const [k, loc] of Object.entries(parsed.sourceMap)) sourceMap[k] = atLine(loc, starts);
  // An indicator's 一级 and 二级 are merged cells over its row: in the text, the row's line is where they are.
  for (const k of Object.keys(sourceMap)) {
    const m = /^(performance\.[0-9]+\.indicators\.[0-9]+)\.level[12]$/u.exec(k);
    const row = m ? sourceMap[m[1] ?? ''] : undefined;
    const loc = sourceMap[k];
    if (row?.line !== undefined && loc) sourceMap[k] = { ...loc, line: row.line };
  }
  const diagnostics: Diagnostic[] = parsed.diagnostics.map((d) => ({ ...d, location: atLine(d.location, starts) }));
  const tables: TextTable[] = parsed.tables.map((t) => ({ form: t.form, line: lineOfTable(t, starts), title: t.title, ...(t.project !== undefined ? { project: t.project } : {}) }));

  const forms = { ...parsed.model.forms };
  const t07 = forms.T07;
  const t07Line = sourceMap[pathKey(['forms', 'T07'])]?.line;
  if (t07 && !t07.years && t07Line !== undefined) {
    const y = threePublicYears(lines, t07Line - 1);
    if (y) {
      forms.T07 = { ...t07, years: { previous: y.previous, current: y.current } };
      sourceMap[pathKey(['forms', 'T07', 'years'])] = { form: 'T07', line: y.line };
    }
  }

  const modelYear = parsed.model.unit.year;
  const { sections, parts } = readSections(lines, tableLineSet(lines, zones));
  const narrative = readNarrative(sections, { year: modelYear, unitName: parsed.model.unit.name, moneyUnit: parsed.model.document.amountUnit, projects: forms.T11?.rows.map((r) => r.name) ?? [] }, sourceMap);
  const kind = readUnitKind(sections.find((s) => s.key === 'operatingCost'));

  const model: Disclosure = {
    ...parsed.model,
    schemaVersion: MODEL_SCHEMA_VERSION,
    unit: { ...parsed.model.unit, ...(kind ? { kind: kind.kind } : {}) },
    document: { ...(title ? { title: title.title } : {}), ...parsed.model.document },
    forms,
    ...(narrative ? { narrative } : {}),
  };
  if (title) {
    sourceMap['document.title'] = { rowKey: 'title', line: title.line };
    if (options.unit?.name === undefined) sourceMap['unit.name'] = { rowKey: 'name', line: title.line };
    if (options.unit?.year === undefined) sourceMap['unit.year'] = { rowKey: 'year', line: title.line };
  }
  if (kind?.line !== undefined) sourceMap['unit.kind'] = { form: 'N', rowKey: 'kind', line: kind.line };

  const firstContent = lines.find((l) => l.kind !== 'blank')?.line ?? 1;
  if (!title && options.unit?.name === undefined) diagnostics.push(readDiagnostic('noDocumentTitle', {}, { rowKey: 'title', path: ['document', 'title'], line: firstContent }));
  if (tables.length === 0) {
    const first = parts.find((p) => p.kind === 'tables')?.line ?? firstContent;
    diagnostics.push(readDiagnostic('noTables', {}, { line: first }));
  }
  return { model, sourceMap, diagnostics, tables };
}

interface NarrativeContext {
  readonly year: number;
  readonly unitName: string;
  readonly moneyUnit: string;
  /** The projects of 表十一, which cited names are matched to. */
  readonly projects: readonly string[];
}

/** The narrative of the sections, its locations put into the source map; undefined when the text has no section. */
function readNarrative(sections: readonly TextSection[], ctx: NarrativeContext, sourceMap: Record<string, Location>): Narrative | undefined {
  const { year, moneyUnit, projects } = ctx;
  if (sections.length === 0) return undefined;
  const section = (key: SectionKey) => sections.find((s) => s.key === key);
  const put = (path: readonly (string | number)[], line: number | undefined, rowKey: string) => {
    if (line !== undefined) sourceMap[pathKey(path)] = { form: 'N', rowKey, line };
  };
  sections.forEach((s, i) => {
    put(['narrative', 'sections', i], s.line, s.key);
    put(['narrative', 'sections', i, 'text'], s.segments[0]?.line ?? s.line, s.key);
  });
  const figures = readFigures(sections, year, moneyUnit);
  figures.forEach((f, i) => {
    put(['narrative', 'figures', i], f.line, f.figure.key);
    put(['narrative', 'figures', i, 'value'], f.line, f.figure.key);
  });
  const reasons = readChangeReasons(section('change'));
  put(['narrative', 'changeReasons'], reasons?.line, 'change');
  const asset = readAssetDate(section('assets'));
  put(['narrative', 'assetDate'], asset?.line, 'assets');

  // the unit's own name (XX中心（先创）部门2024年项目支出…) is cited too, and is no project
  const unit = normalizeLabel(ctx.unitName);
  const cited = [section('change'), section('performance')].flatMap((s) => (s ? citedNames(s, projects) : [])).filter((c) => unit === '' || !normalizeLabel(c.name).endsWith(unit));
  const names = new Set<string>();
  const unique = cited.filter((c) => !names.has(c.name) && names.add(c.name) !== undefined);
  unique.forEach((c, i) => put(['narrative', 'projectsCited', i], c.line, c.name));
  const key = keyProjectNames(section('performance'), projects);
  key.forEach((c, i) => put(['narrative', 'keyProjects', i], c.line, c.name));

  return {
    sections: sections.map((s) => ({ key: s.key, title: s.title, ...(s.text !== '' ? { text: s.text } : {}) })),
    figures: figures.map((f) => f.figure),
    ...(reasons ? { changeReasons: reasons.text } : {}),
    ...(asset ? { assetDate: asset.date } : {}),
    ...(unique.length > 0 ? { projectsCited: unique.map((c) => c.name) } : {}),
    ...(key.length > 0 ? { keyProjects: key.map((c) => c.name) } : {}),
  };
}
