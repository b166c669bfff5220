/**
 * Reading a catalogue from a CSV text or a spreadsheet grid (a user's official
 * catalogue, or the bundled data). Never throws on bad input: every problem is
 * an issue with its row (and cell for grids), in Chinese and English.
 */
import { a1, isCellError, type CellValue, type Grid } from '../grid/grid.js';
import { Catalog } from './catalog.js';
import { codeLengths, codePrefix, kindOfCode } from './codes.js';
import { parseCsv } from './csv.js';
import { CATALOG_MESSAGES, type CatalogIssue, type CatalogMessageId } from './messages.js';
import { normalizeSubjectCode, normalizeSubjectName } from './normalize.js';
import type { CatalogKind, Subject, SubjectLevel, SubjectSource } from './types.js';

/** A catalogue read from user input: undefined when nothing usable was read, with every problem found. */
export interface CatalogLoad {
  readonly catalog: Catalog | undefined;
  readonly issues: CatalogIssue[];
}

type Row = readonly CellValue[];

interface TableInput {
  readonly rows: readonly Row[];
  /** 1-based row number shown to users for a zero-based row index. */
  readonly rowNumber: (index: number) => number;
  /** Whether issues carry A1 cell addresses (grids) or not (CSV). */
  readonly withCells: boolean;
}

interface SegmentColumn {
  readonly level: SubjectLevel;
  readonly col: number;
}

/** Where the code, name and level are in a catalogue table. */
interface Layout {
  /** Zero-based index of the (last) header row, -1 when the table has none. */
  readonly headerRow: number;
  readonly dataStart: number;
  readonly name: number;
  readonly level: number | undefined;
  /** One code column, or the code split into 类 / 款 / 项 columns. */
  readonly code: number | readonly SegmentColumn[];
}

const HEADER_SCAN_ROWS = 50;
const CODE_HEADERS = new Set(['code', 'subjectcode', '编码', '代码', '编号', '科目编码', '科目代码', '科目编号']);
const NAME_HEADERS = new Set(['name', 'subjectname', '名称', '科目名称']);
const LEVEL_HEADERS = new Set(['level', '级次', '级别', '层级', '科目级次', '科目级别']);
const TOTAL_NAMES = new Set(['合计', '总计', '小计', '本年合计']);
const LEVEL_WORDS: Readonly<Record<string, SubjectLevel>> = {
  类: '类',
  款: '款',
  项: '项',
  '1': '类',
  '2': '款',
  '3': '项',
  一级: '类',
  二级: '款',
  三级: '项',
};
const SEGMENT_LEVELS: readonly SubjectLevel[] = ['类', '款', '项'];
const OUTER_SPACE = /^[\s\u200B-\u200D\u2060]+|[\s\u200B-\u200D\u2060]+$/gu;

function headerKey(v: CellValue | undefined): string {
  if (typeof v !== 'string') return '';
  return normalizeSubjectCode(v)
    .toLowerCase()
    .replace(/^[*＊]+|[*＊:：]+$/g, '');
}

// Exact header words first; then any header ending in one (功能分类科目编码, 经济分类科目名称 …).
const isCodeHeader = (k: string): boolean => k !== '' && (CODE_HEADERS.has(k) || /(编码|代码|编号|code)$/.test(k));
const isNameHeader = (k: string): boolean => k !== '' && (NAME_HEADERS.has(k) || /(名称|name)$/.test(k));
const STRICT = { code: (k: string): boolean => CODE_HEADERS.has(k), name: (k: string): boolean => NAME_HEADERS.has(k) };
const LOOSE = { code: isCodeHeader, name: isNameHeader };
const isLevelHeader = (k: string): boolean => LEVEL_HEADERS.has(k);
const segmentLevel = (k: string): SubjectLevel | undefined => SEGMENT_LEVELS.find((l) => l === k);

function findColumn(row: Row | undefined, test: (k: string) => boolean, from = 0): number | undefined {
  if (!row) return undefined;
  for (let c = from; c < row.length; c += 1) if (test(headerKey(row[c]))) return c;
  return undefined;
}

function segmentColumns(row: Row | undefined): SegmentColumn[] | undefined {
  if (!row) return undefined;
  const found: SegmentColumn[] = [];
  for (const level of SEGMENT_LEVELS) {
    const col = findColumn(row, (k) => segmentLevel(k) === level);
    if (col === undefined) break;
    found.push({ level, col });
  }
  // 类 and 款 at least, left to right.
  if (found.length < 2) return undefined;
  for (let i = 1; i < found.length; i += 1) if ((found[i]?.col ?? 0) <= (found[i - 1]?.col ?? 0)) return undefined;
  return found;
}

function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.replace(OUTER_SPACE, '');
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v.error;
}

const isBlankRow = (row: Row | undefined): boolean => !row || row.every((v) => cellText(v) === '');

function looksLikeCode(v: CellValue | undefined): boolean {
  if (typeof v === 'number') return Number.isInteger(v) && v > 0;
  return typeof v === 'string' && /^[0-9]{3,7}$/.test(normalizeSubjectCode(v));
}

/**
 * Finds the header row (one code column, or 类/款/项 columns, plus a name
 * column): first with the exact header words, so that a line such as
 * 单位代码 / 单位名称 above the table is not taken for the header, then with any
 * header ending in them; failing both, a plain two-column list of codes and names.
 */
function detectLayout(rows: readonly Row[]): Layout | undefined {
  return detectHeader(rows, STRICT) ?? detectHeader(rows, LOOSE) ?? detectHeaderless(rows);
}

function detectHeader(rows: readonly Row[], words: typeof STRICT): Layout | undefined {
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r += 1) {
    const row = rows[r];
    const code = findColumn(row, words.code);
    const segments = segmentColumns(row);
    if (code !== undefined) {
      const name = findColumn(row, words.name, code + 1) ?? findColumn(row, words.name);
      if (name !== undefined && name !== code) {
        const level = findColumn(row, isLevelHeader);
        // Two-row header: 科目编码 above 类 | 款 | 项.
        const below = segmentColumns(rows[r + 1]);
        if (below && below.every((s) => s.col !== name)) return { headerRow: r + 1, dataStart: r + 2, name, level, code: below };
        return { headerRow: r, dataStart: r + 1, name, level, code };
      }
    }
    if (segments) {
      const last = segments[segments.length - 1]?.col ?? 0;
      const name = findColumn(row, words.name, last + 1) ?? (r > 0 ? findColumn(rows[r - 1], words.name, last + 1) : undefined);
      if (name !== undefined) {
        const level = findColumn(row, isLevelHeader) ?? (r > 0 ? findColumn(rows[r - 1], isLevelHeader) : undefined);
        return { headerRow: r, dataStart: r + 1, name, level, code: segments };
      }
    }
  }
  return undefined;
}

/** No header: a plain two-column list (code, name), possibly under one-cell title rows. */
function detectHeaderless(rows: readonly Row[]): Layout | undefined {
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r += 1) {
    const row = rows[r];
    if (!row) continue;
    const filled = row.filter((v) => cellText(v) !== '').length;
    if (filled <= 1) continue;
    if (looksLikeCode(row[0]) && cellText(row[1]) !== '') return { headerRow: -1, dataStart: r, name: 1, level: undefined, code: 0 };
    return undefined;
  }
  return undefined;
}

/** Whether a sheet looks like a catalogue: it has a header row with code and name columns. */
export function hasCatalogHeader(grid: Grid): boolean {
  const layout = detectLayout(grid.rows);
  return layout !== undefined && layout.headerRow >= 0;
}

type Problem = { readonly id: CatalogMessageId; readonly message: CatalogIssue['message']; readonly col: number | undefined };

function problem<K extends CatalogMessageId>(
  id: K,
  col: number | undefined,
  ...params: Parameters<(typeof CATALOG_MESSAGES)[K]>
): Problem {
  const render = CATALOG_MESSAGES[id] as (...p: Parameters<(typeof CATALOG_MESSAGES)[K]>) => CatalogIssue['message'];
  return { id, message: render(...params), col };
}

interface Candidate {
  readonly index: number;
  readonly code: string;
  readonly codeCol: number;
  readonly name: string;
  readonly levelText: string;
}

type CodeRead = { readonly code: string; readonly col: number } | { readonly problem: Problem } | undefined;

/** The code of a single code column: numbers (2080107 stored as a number), text with spaces, full-width digits. */
function readCodeCell(v: CellValue | undefined, col: number): CodeRead {
  if (v === null || v === undefined) return undefined;
  if (isCellError(v)) return { problem: problem('code-cell-error', col, { value: v.error }) };
  if (typeof v === 'number') {
    const s = String(v);
    return Number.isInteger(v) && v >= 0 && /^[0-9]+$/.test(s) ? { code: s, col } : { problem: problem('code-not-digits', col, { code: s }) };
  }
  const code = normalizeSubjectCode(cellText(v));
  if (code === '') return undefined;
  return /^[0-9]+$/.test(code) ? { code, col } : { problem: problem('code-not-digits', col, { code: cellText(v) }) };
}

interface SplitContext {
  lei: string | undefined;
  kuan: string | undefined;
}

const SEGMENT_SHAPE: Readonly<Record<SubjectLevel, { readonly lengths: readonly number[]; readonly expected: string }>> = {
  类: { lengths: [3], expected: '3 位数字 / 3 digits' },
  款: { lengths: [2, 5], expected: '2 位数字或 5 位完整编码 / 2 digits or the full 5-digit code' },
  项: { lengths: [2, 7], expected: '2 位数字或 7 位完整编码 / 2 digits or the full 7-digit code' },
};

/**
 * The code of a row whose code is split into 类 / 款 / 项 columns ('208' '01'
 * '07' → 2080107). Numbers lose leading zeros in spreadsheets (1 → '01'); blank
 * 类 / 款 cells are inherited from the rows above, as in tables that print only
 * the 项 digits under their 款.
 */
function readSplitCode(row: Row, segments: readonly SegmentColumn[], ctx: SplitContext): CodeRead {
  const parts = new Map<SubjectLevel, { value: string; col: number }>();
  for (const { level, col } of segments) {
    const v = row[col];
    if (v === null || v === undefined) continue;
    if (isCellError(v)) return { problem: problem('code-cell-error', col, { value: v.error }) };
    let text: string;
    if (typeof v === 'number') {
      if (!Number.isInteger(v) || v < 0) return { problem: problem('code-not-digits', col, { code: String(v) }) };
      text = String(v);
    } else {
      text = normalizeSubjectCode(cellText(v));
    }
    if (text === '') continue;
    if (!/^[0-9]+$/.test(text)) return { problem: problem('code-not-digits', col, { code: cellText(v) }) };
    if (level !== '类' && text.length === 1) text = `0${text}`;
    if (!SEGMENT_SHAPE[level].lengths.includes(text.length)) {
      return { problem: problem('code-segment', col, { column: level, value: cellText(v), expected: SEGMENT_SHAPE[level].expected }) };
    }
    parts.set(level, { value: text, col });
  }
  const lei = parts.get('类');
  const kuan = parts.get('款');
  const xiang = parts.get('项');
  const deepest = xiang ?? kuan ?? lei;
  if (!deepest) return undefined;
  const firstCol = (lei ?? kuan ?? deepest).col;

  let code: string;
  let stated: string | undefined; // prefix written in the same row, to check a full code against
  if (deepest === lei) {
    code = deepest.value;
  } else if (deepest === kuan) {
    if (deepest.value.length === 5) {
      code = deepest.value;
      stated = lei?.value;
    } else {
      const parent = lei?.value ?? ctx.lei;
      if (parent === undefined) return { problem: problem('code-segment-parent', deepest.col, { column: '款', value: deepest.value, parent: '类' }) };
      code = parent + deepest.value;
    }
  } else if (deepest.value.length === 7) {
    code = deepest.value;
    stated = kuan ? (kuan.value.length === 5 ? kuan.value : lei ? lei.value + kuan.value : undefined) : lei?.value;
  } else {
    let parent: string | undefined;
    if (kuan) parent = kuan.value.length === 5 ? kuan.value : (lei?.value ?? ctx.lei) === undefined ? undefined : `${lei?.value ?? ctx.lei}${kuan.value}`;
    else parent = lei ? undefined : ctx.kuan;
    if (parent === undefined) {
      const missing: SubjectLevel = kuan ? '类' : '款';
      return { problem: problem('code-segment-parent', deepest.col, { column: '项', value: deepest.value, parent: missing }) };
    }
    code = parent + deepest.value;
  }
  if (stated !== undefined && !code.startsWith(stated)) {
    return { problem: problem('code-segment-mismatch', deepest.col, { code, prefix: stated }) };
  }
  ctx.lei = code.slice(0, 3);
  ctx.kuan = code.length >= 5 ? code.slice(0, 5) : undefined;
  return { code, col: firstCol };
}

function isHeaderRepeat(row: Row, layout: Layout): boolean {
  const first = typeof layout.code === 'number' ? row[layout.code] : row[layout.code[0]?.col ?? 0];
  const k = headerKey(first);
  return isCodeHeader(k) || segmentLevel(k) !== undefined;
}

function inferKind(candidates: readonly Candidate[]): CatalogKind | undefined {
  const votes = new Map<CatalogKind, number>();
  for (const c of candidates) {
    const kind = kindOfCode(c.code);
    if (kind) votes.set(kind, (votes.get(kind) ?? 0) + 1);
  }
  let best: CatalogKind | undefined;
  let bestVotes = 0;
  for (const kind of ['function', 'economic-department', 'economic-government'] as const) {
    const n = votes.get(kind) ?? 0;
    if (n > bestVotes) {
      best = kind;
      bestVotes = n;
    }
  }
  return best;
}

function readTable(input: TableInput, kind: CatalogKind | undefined, source: SubjectSource, extra: CatalogIssue[]): CatalogLoad {
  const issues: CatalogIssue[] = [...extra];
  const issueAt = (index: number, p: Problem): void => {
    const base = { row: input.rowNumber(index), messageId: p.id, message: p.message };
    issues.push(input.withCells && p.col !== undefined ? { ...base, cell: a1(index, p.col) } : base);
  };
  const finish = (catalog: Catalog | undefined): CatalogLoad => ({
    catalog,
    issues: issues.map((issue, order) => ({ issue, order })).sort((a, b) => a.issue.row - b.issue.row || a.order - b.order).map((x) => x.issue),
  });

  if (input.rows.every((row) => isBlankRow(row))) {
    issueAt(0, problem('empty-input', undefined));
    return finish(undefined);
  }
  const layout = detectLayout(input.rows);
  if (!layout) {
    issueAt(0, problem('no-header', undefined));
    return finish(undefined);
  }

  // 1. Rows → candidate (code, name) pairs; codes that cannot be read are reported now.
  const candidates: Candidate[] = [];
  const ctx: SplitContext = { lei: undefined, kuan: undefined };
  for (let i = layout.dataStart; i < input.rows.length; i += 1) {
    const row = input.rows[i] ?? [];
    if (isBlankRow(row) || isHeaderRepeat(row, layout)) continue;
    const name = cellText(row[layout.name]);
    const levelText = layout.level === undefined ? '' : cellText(row[layout.level]);
    const read = typeof layout.code === 'number' ? readCodeCell(row[layout.code], layout.code) : readSplitCode(row, layout.code, ctx);
    if (read === undefined) {
      if (name !== '' && !TOTAL_NAMES.has(normalizeSubjectName(name))) issueAt(i, problem('code-empty', layout.name, { name }));
      continue;
    }
    if ('problem' in read) {
      issueAt(i, read.problem);
      continue;
    }
    candidates.push({ index: i, code: read.code, codeCol: read.col, name, levelText });
  }

  // 2. The catalogue kind, from the codes when not given.
  const firstRow = Math.max(0, layout.headerRow);
  const catalogKind = kind ?? inferKind(candidates);
  if (catalogKind === undefined) {
    if (candidates.length > 0) issueAt(firstRow, problem('kind-unknown', undefined));
    else issueAt(firstRow, problem('no-subjects', undefined));
    return finish(undefined);
  }

  // 3. Codes checked against the kind, names, duplicates, stated levels.
  const lengths = codeLengths(catalogKind);
  const prefix = codePrefix(catalogKind);
  const levels: readonly SubjectLevel[] = catalogKind === 'function' ? ['类', '款', '项'] : ['类', '款'];
  const seen = new Map<string, { index: number; name: string }>();
  const subjects: Subject[] = [];
  for (const c of candidates) {
    const at = lengths.indexOf(c.code.length);
    const level = levels[at];
    if (level === undefined) {
      issueAt(c.index, problem('code-length', c.codeCol, { code: c.code, kind: catalogKind, lengths }));
      continue;
    }
    if (!c.code.startsWith(prefix)) {
      issueAt(c.index, problem('code-kind', c.codeCol, { code: c.code, kind: catalogKind, prefix }));
      continue;
    }
    if (c.name === '') {
      issueAt(c.index, problem('name-empty', layout.name, { code: c.code }));
      continue;
    }
    const first = seen.get(c.code);
    if (first) {
      if (normalizeSubjectName(first.name) !== normalizeSubjectName(c.name)) {
        issueAt(c.index, problem('duplicate-code', c.codeCol, { code: c.code, name: c.name, firstName: first.name, firstRow: input.rowNumber(first.index) }));
      }
      continue;
    }
    seen.set(c.code, { index: c.index, name: c.name });
    if (c.levelText !== '' && layout.level !== undefined && LEVEL_WORDS[normalizeSubjectCode(c.levelText)] !== level) {
      issueAt(c.index, problem('level-mismatch', layout.level, { code: c.code, level: c.levelText, expected: level }));
    }
    subjects.push({ code: c.code, name: c.name, level, kind: catalogKind, source });
  }
  if (subjects.length === 0) {
    issueAt(firstRow, problem('no-subjects', undefined));
    return finish(undefined);
  }
  return finish(new Catalog(catalogKind, subjects));
}

/** Reads a catalogue from CSV text with the given subject source (bundled data or a user file). */
export function readCatalogCsv(text: string, kind: CatalogKind | undefined, source: SubjectSource): CatalogLoad {
  const parsed = parseCsv(text);
  const rows = parsed.records.map((r) => r.fields);
  const lines = parsed.records.map((r) => r.line);
  const extra: CatalogIssue[] = [];
  if (parsed.unterminatedQuoteLine !== undefined) {
    const p = problem('unterminated-quote', undefined);
    extra.push({ row: parsed.unterminatedQuoteLine, messageId: p.id, message: p.message });
  }
  return readTable({ rows, rowNumber: (i) => lines[i] ?? i + 1, withCells: false }, kind, source, extra);
}

/**
 * Reads a user catalogue from CSV text (already decoded: core receives a
 * string; decoding GBK / GB18030 files is the host's job). The header row is
 * detected (科目编码 / 编码 / 代码 / code, 科目名称 / 名称 / name, optional 级次
 * / level, or the code split into 类 / 款 / 项 columns); the kind is inferred
 * from the codes when not given. Issue rows are the lines on which records start.
 */
export function parseCatalogCsv(text: string, kind?: CatalogKind): CatalogLoad {
  return readCatalogCsv(text, kind, 'user');
}

/** Reads a user catalogue from a spreadsheet grid; like parseCatalogCsv, with A1 cells on the issues. */
export function catalogFromGrid(grid: Grid, kind?: CatalogKind): CatalogLoad {
  return readTable({ rows: grid.rows, rowNumber: (i) => i + 1, withCells: true }, kind, 'user', []);
}
