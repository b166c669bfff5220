/**
 * Cells of the input sheets: one description per column (or per key of a
 * key–value sheet) says what the cell holds, and the same description writes
 * the cell and reads it back. Reading never throws: what cannot be read
 * becomes a diagnostic at the cell.
 */
import { Amount } from '../amount/amount.js';
import { codeLevel } from '../catalog/codes.js';
import { normalizeSubjectCode } from '../catalog/normalize.js';
import type { CatalogKind } from '../catalog/types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { isCellError, type CellValue } from '../grid/grid.js';
import type { CellRole } from '../grid/sheet.js';
import { COLUMN_LABELS, T01_INCOME_ROWS } from '../model/columns.js';
import { canonicalAmount } from '../model/schema.js';
import type { InputMessageId } from './messages.js';
import { BUDGET_SOURCE_NAMES, BUDGET_SOURCES, type BudgetSource } from './schema.js';

/** What a cell holds. */
export type FieldKind = 'code' | 'text' | 'amount' | 'source' | 'enum' | 'integer' | 'count' | 'date';

/** Codes a code cell accepts: a catalogue and the code lengths of it. */
export interface CodeRule {
  readonly kind: CatalogKind;
  readonly lengths: readonly number[];
}

export interface FieldSpec {
  /** Property path in the record (`department.code`). */
  readonly key: string;
  /** Header (or label) written; read with the other words. */
  readonly header: string;
  /** Other header words accepted when reading. */
  readonly words?: readonly string[];
  readonly kind: FieldKind;
  /** For code cells. */
  readonly codes?: readonly CodeRule[];
  /** For enum cells: the values, and other spellings of them. */
  readonly values?: readonly string[];
  readonly aliases?: Readonly<Record<string, string>>;
  /** A row without it is skipped (with a diagnostic). */
  readonly required?: boolean;
  /** Written for the reader's convenience, ignored when read. */
  readonly derived?: boolean;
  /** Column width in characters. */
  readonly width?: number;
  /** Long text: wrapped paragraph style. */
  readonly long?: boolean;
}

/** The value of a read cell: a canonical string, or a number for integer cells. */
export type FieldValue = string | number;

export interface CellContext {
  readonly sheet: string;
  readonly cell: string;
  readonly report: (d: Diagnostic) => void;
}

// ---------------------------------------------------------------------------
// Normalisation

/** Header or label as compared: NFKC (full-width to ASCII), no whitespace, no unit suffix, no brackets or colons. */
export function normalizeHeader(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\((万元|元)\)$/, '')
    .replace(/[()[\]【】:*：]/g, '');
}

/** Enum values and source names as compared: NFKC, no whitespace, no leading numbering (一、). */
function normalizeWord(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^[一二三四五六七八九十]+、/, '');
}

const SOURCE_ALIASES: ReadonlyMap<string, BudgetSource> = (() => {
  const m = new Map<string, BudgetSource>();
  const put = (word: string, s: BudgetSource) => m.set(normalizeWord(word), s);
  for (const s of BUDGET_SOURCES) {
    put(s, s);
    put(BUDGET_SOURCE_NAMES[s], s);
    put(COLUMN_LABELS[s], s);
  }
  for (const [k, label] of Object.entries(T01_INCOME_ROWS)) if ((BUDGET_SOURCES as readonly string[]).includes(k)) put(label, k as BudgetSource);
  const extra: [string, BudgetSource][] = [
    ['一般公共预算拨款', 'gpb'],
    ['一般公共预算收入', 'gpb'],
    ['政府性基金', 'gfb'],
    ['政府性基金预算拨款', 'gfb'],
    ['国有资本经营', 'soc'],
    ['国有资本经营预算拨款', 'soc'],
    ['财政专户', 'specialAccount'],
    ['财政专户管理资金收入', 'specialAccount'],
    ['财政专户收入', 'specialAccount'],
    ['事业收入（不含教育收费）', 'businessIncome'],
    ['经营收入', 'operatingIncome'],
    ['上级补助', 'superiorSubsidy'],
    ['附属单位上缴', 'affiliatedRemit'],
    ['非财政拨款结余', 'nonFiscalSurplus'],
    ['上年结转收入', 'carryOver'],
  ];
  for (const [w, s] of extra) put(w, s);
  return m;
})();

/** The fund source a name stands for (一般公共预算, 政府性基金预算收入, gpb …). */
export function sourceOf(text: string): BudgetSource | undefined {
  return SOURCE_ALIASES.get(normalizeWord(text));
}

// ---------------------------------------------------------------------------
// Writing

/** Whether an amount string survives as an Excel double (15 significant digits, no trailing zeros beyond two decimals). */
function asNumber(s: string): number | undefined {
  const n = Number(s);
  const back = Amount.fromExcel(n);
  return back !== undefined && canonicalAmount(back) === s ? n : undefined;
}

/** The cell written for a value of a field: amounts and integers as numbers, the rest as text. */
export function writeCell(field: FieldSpec, value: FieldValue | undefined): CellValue {
  if (value === undefined) return null;
  switch (field.kind) {
    case 'amount':
      return typeof value === 'number' ? value : (asNumber(value) ?? value);
    case 'integer':
    case 'count': {
      const n = Number(value);
      return Number.isSafeInteger(n) ? n : String(value);
    }
    case 'source':
      return BUDGET_SOURCE_NAMES[value as BudgetSource] ?? String(value);
    default:
      return String(value);
  }
}

/** Formatting role of a field's cells. */
export function roleOf(field: FieldSpec): CellRole {
  if (field.kind === 'amount') return 'amount';
  if (field.kind === 'code') return 'code';
  return field.long ? 'paragraph' : 'text';
}

// ---------------------------------------------------------------------------
// Reading

function diag(ctx: CellContext, ruleId: string, severity: Diagnostic['severity'], messageId: InputMessageId, data: Record<string, string>): void {
  ctx.report({ ruleId, severity, messageId, data, location: { sheet: ctx.sheet, cell: ctx.cell } });
}

/** Text of a cell: strings trimmed, numbers as Excel shows them; undefined when blank. */
export function cellText(v: CellValue): string | undefined {
  if (v === null) return undefined;
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? undefined : t;
  }
  if (typeof v === 'number') return Amount.fromExcel(v)?.toString() ?? String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v.error;
}

const LEVEL_NAMES: Readonly<Record<number, string>> = { 3: '类', 5: '款', 7: '项' };
const KIND_NAMES: Readonly<Record<CatalogKind, [string, string]>> = {
  function: ['功能分类', 'functional'],
  'economic-department': ['部门经济分类', 'departmental economic'],
  'economic-government': ['政府经济分类', 'government economic'],
};

function describeCodes(rules: readonly CodeRule[]): { expectedZh: string; expectedEn: string } {
  const zh = rules.map((r) => `${KIND_NAMES[r.kind][0]}${r.lengths.map((n) => `${n} 位${LEVEL_NAMES[n] ?? ''}级编码`).join('或')}`).join('，或');
  const en = rules.map((r) => `a ${r.lengths.join('- or ')}-digit ${KIND_NAMES[r.kind][1]} code`).join(', or ');
  return { expectedZh: zh, expectedEn: en };
}

const ISO_DATE = /^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?$/;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function isoDate(y: number, m: number, d: number): string | undefined {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Reads one cell as a field. Returns undefined for a blank cell and for a cell
 * that cannot be read (reported through ctx).
 */
export function readCell(field: FieldSpec, v: CellValue, ctx: CellContext): FieldValue | undefined {
  const column = field.header;
  if (field.kind === 'amount') {
    if (v === null) return undefined;
    let parsed: Amount | undefined;
    if (typeof v === 'number') {
      parsed = Amount.fromExcel(v);
      if (parsed === undefined) {
        diag(ctx, 'amount/not-a-number', 'error', 'not-a-number', { column, text: String(v) });
        return undefined;
      }
    } else if (typeof v === 'string') {
      const r = Amount.parse(v);
      if (r.kind === 'blank') return undefined;
      if (r.kind === 'invalid') {
        diag(ctx, 'amount/not-a-number', 'error', r.reason === 'spreadsheet-error' ? 'spreadsheet-error' : 'not-a-number', { column, text: r.text.trim() });
        return undefined;
      }
      parsed = r.amount;
    } else {
      diag(ctx, 'amount/not-a-number', 'error', isCellError(v) ? 'spreadsheet-error' : 'not-a-number', { column, text: cellText(v) ?? '' });
      return undefined;
    }
    if (parsed.hasMoreDecimalsThan(2)) diag(ctx, 'amount/precision', 'warning', 'precision', { column, text: parsed.toString() });
    return canonicalAmount(parsed);
  }

  if (isCellError(v)) {
    diag(ctx, 'input/bad-value', 'error', 'bad-value', { column, text: v.error, allowed: field.values?.join('、') ?? '—' });
    return undefined;
  }
  const text = cellText(v);
  if (text === undefined) return undefined;

  switch (field.kind) {
    case 'code': {
      const code = typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : normalizeSubjectCode(text);
      const rules = field.codes ?? [];
      if (rules.some((r) => codeLevel(r.kind, code) !== undefined && r.lengths.includes(code.length))) return code;
      diag(ctx, 'input/bad-code', 'error', 'bad-code', { column, text, ...describeCodes(rules) });
      return undefined;
    }
    case 'source': {
      const s = sourceOf(text);
      if (s !== undefined) return s;
      diag(ctx, 'input/unknown-source', 'error', 'unknown-source', { text, allowed: BUDGET_SOURCES.map((k) => BUDGET_SOURCE_NAMES[k]).join('、') });
      return undefined;
    }
    case 'enum': {
      const w = normalizeWord(text);
      const hit = (field.values ?? []).find((x) => normalizeWord(x) === w) ?? Object.entries(field.aliases ?? {}).find(([a]) => normalizeWord(a) === w)?.[1];
      if (hit !== undefined) return hit;
      diag(ctx, 'input/bad-value', 'error', 'bad-value', { column, text, allowed: (field.values ?? []).join('、') });
      return undefined;
    }
    case 'integer':
    case 'count': {
      const t = normalizeWord(text).replace(/年$/, '');
      if (/^-?[0-9]+$/.test(t) && Number.isSafeInteger(Number(t)) && (field.kind === 'integer' || !t.startsWith('-'))) {
        return field.kind === 'integer' ? Number(t) : String(Number(t));
      }
      diag(ctx, 'input/bad-value', 'error', 'bad-value', { column, text, allowed: field.kind === 'integer' ? '整数 / integer' : '非负整数 / non-negative integer' });
      return undefined;
    }
    case 'date': {
      let iso: string | undefined;
      if (typeof v === 'number' && Number.isInteger(v) && v > 0) iso = new Date(EXCEL_EPOCH_MS + v * 86_400_000).toISOString().slice(0, 10);
      else {
        const m = ISO_DATE.exec(normalizeWord(text));
        if (m) iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
      }
      if (iso !== undefined) return iso;
      diag(ctx, 'input/bad-value', 'error', 'bad-value', { column, text, allowed: 'YYYY-MM-DD' });
      return undefined;
    }
    default:
      return text;
  }
}
