/** Reading single cells: blank, text, amounts (never throwing), subject codes. */
import { Amount } from '../amount/amount.js';
import { isCellError, type CellValue } from '../grid/grid.js';
import { canonicalAmount } from '../model/schema.js';
import { cleanText } from './text.js';

/** Coerces whatever a host put in a cell to a CellValue (defensive: grids come from outside). */
export function asCell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && 'error' in v) return { error: String((v as { error: unknown }).error) };
  return String(v);
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** The text of a cell as typed: numbers as JavaScript prints them, errors as their code. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return isCellError(v) ? String(v.error) : '';
}

/** A label cell as the model keeps it. */
export function labelText(v: CellValue | undefined): string {
  return cleanText(cellText(v));
}

export type AmountRead = { readonly kind: 'blank' } | { readonly kind: 'amount'; readonly value: string } | { readonly kind: 'invalid'; readonly text: string };

const BLANK: AmountRead = { kind: 'blank' };

/** Numbers via Amount.fromExcel, text via Amount.parse (thousands separators, full width, dashes), canonical form. */
export function readAmount(v: CellValue | undefined): AmountRead {
  if (v === null || v === undefined) return BLANK;
  if (typeof v === 'number') {
    if (Number.isSafeInteger(v) && Math.abs(v) < 1e15) return { kind: 'amount', value: `${v === 0 ? 0 : v}.00` };
    const a = Amount.fromExcel(v);
    return a ? { kind: 'amount', value: canonicalAmount(a) } : { kind: 'invalid', text: String(v) };
  }
  if (typeof v === 'string') {
    const r = Amount.parse(v);
    if (r.kind === 'blank') return BLANK;
    return r.kind === 'amount' ? { kind: 'amount', value: canonicalAmount(r.amount) } : { kind: 'invalid', text: v.trim() };
  }
  return { kind: 'invalid', text: cellText(v) };
}

/** True when a cell reads as a number (a figure, or a code typed as a number). */
export function isNumeric(v: CellValue | undefined): boolean {
  return readAmount(v).kind === 'amount';
}

/** A code segment as typed: a number is padded to its width (`1` in the 款 column is `01`). */
export function codeText(v: CellValue | undefined, width: number): string {
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v) || v < 0) return String(v);
    return String(v).padStart(width, '0');
  }
  return cellText(v).normalize('NFKC').trim();
}

export type CodeResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'code'; readonly code: string; readonly col: number; readonly name?: string }
  | { readonly kind: 'bad'; readonly text: string; readonly col: number };

export interface CellAt {
  readonly value: CellValue;
  readonly col: number;
}

const MAX_CODE_CELL = 200;
/** The code part at the start of a cell: digits (full width too) and the separators staff put between segments. */
const CODE_PART = /^[0-9０-９][0-9０-９\s.\-－]*/u;

/**
 * Reads a subject code from its segment cells (类/款/项), as staff type it:
 * split over the columns (`208 | 01 | 07`), whole in the first one (`2080107`,
 * `208 01 07`, `2080107 社会保险业务管理事务`), or with only the last segment
 * filled under its parent (`01` under 208, taken from `context`). A code may
 * also lead the name cell when the code cells are empty.
 */
export function resolveCode(parts: readonly (CellAt | undefined)[], widths: readonly number[], context: readonly (string | undefined)[], name: CellAt | undefined): CodeResult {
  const lengths = widths.map((_w, i) => widths.slice(0, i + 1).reduce((s, w) => s + w, 0));
  const texts = widths.map((w, i) => codeText(parts[i]?.value, w));
  const first = texts.findIndex((t) => t !== '');
  const bad = (text: string, col: number): CodeResult => ({ kind: 'bad', text: text.length > 40 ? `${text.slice(0, 40)}…` : text, col });
  /** A whole code, possibly followed by the subject's name; the name keeps its characters as typed. */
  const whole = (cell: CellAt, width: number): CodeResult => {
    const raw = (typeof cell.value === 'number' ? codeText(cell.value, width) : cellText(cell.value)).trim();
    const m = raw.length <= MAX_CODE_CELL ? CODE_PART.exec(raw) : null;
    const digits = (m?.[0] ?? '').normalize('NFKC').replace(/[^0-9]/g, '');
    if (!m || !lengths.includes(digits.length)) return bad(raw, cell.col);
    const rest = cleanText(raw.slice(m[0].length));
    return rest === '' ? { kind: 'code', code: digits, col: cell.col } : { kind: 'code', code: digits, col: cell.col, name: rest };
  };
  const joined = () => texts.filter((t) => t !== '').join(' ');
  if (first < 0) {
    if (name && CODE_PART.test(cellText(name.value).trim())) {
      const r = whole(name, 0);
      if (r.kind === 'code' && r.name !== undefined) return r;
    }
    return { kind: 'none' };
  }
  const firstCell = parts[first] as CellAt;
  const t0 = texts[first] ?? '';
  // Words without a digit in a code column are no code at all (a stray line, a signature).
  if (!/[0-9]/.test(texts.join(''))) return { kind: 'none' };
  if (!(t0.length === widths[first] && /^[0-9]+$/.test(t0))) {
    const others = texts.some((t, i) => i !== first && t !== '');
    return first === 0 && !others ? whole(firstCell, widths[0] ?? 0) : bad(joined(), firstCell.col);
  }
  let last = first;
  for (let i = first + 1; i < texts.length; i++) if (texts[i] !== '') last = i;
  let code = first > 0 ? (context[first - 1] ?? '') : '';
  if (first > 0 && code === '') return bad(joined(), firstCell.col);
  for (let i = first; i <= last; i++) {
    const t = texts[i] ?? '';
    if (!(t.length === widths[i] && /^[0-9]+$/.test(t))) return bad(joined(), firstCell.col);
    code += t;
  }
  return { kind: 'code', code, col: firstCell.col };
}

/** The code context after a row with `code`: the code of each level above and at its own level. */
export function nextContext(code: string, widths: readonly number[]): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  let at = 0;
  for (const w of widths) {
    at += w;
    out.push(code.length >= at ? code.slice(0, at) : undefined);
  }
  return out;
}
