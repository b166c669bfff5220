import { normalizeSubjectCode } from './normalize.js';
import type { CatalogKind, SubjectLevel } from './types.js';

/**
 * Code structure per catalogue: code lengths by level, and the first digit every
 * code of the catalogue starts with (支出功能分类 2xx, 部门预算支出经济分类 3xx,
 * 政府预算支出经济分类 5xx).
 */
const STRUCTURE: Readonly<Record<CatalogKind, { readonly prefix: string; readonly levels: readonly (readonly [number, SubjectLevel])[] }>> = {
  function: {
    prefix: '2',
    levels: [
      [3, '类'],
      [5, '款'],
      [7, '项'],
    ],
  },
  'economic-department': {
    prefix: '3',
    levels: [
      [3, '类'],
      [5, '款'],
    ],
  },
  'economic-government': {
    prefix: '5',
    levels: [
      [3, '类'],
      [5, '款'],
    ],
  },
};

/** Allowed code lengths of a catalogue, shortest first (function: 3, 5, 7; economic: 3, 5). */
export function codeLengths(kind: CatalogKind): readonly number[] {
  return STRUCTURE[kind].levels.map(([len]) => len);
}

/** First digit of every code of a catalogue. */
export function codePrefix(kind: CatalogKind): string {
  return STRUCTURE[kind].prefix;
}

/**
 * Level of a code in a catalogue, or undefined when the code is malformed for
 * it (not all digits, a length the catalogue does not use, or a first digit of
 * another catalogue). Whitespace and full-width digits are normalised first.
 */
export function codeLevel(kind: CatalogKind, code: string): SubjectLevel | undefined {
  const c = normalizeSubjectCode(code);
  if (!/^[0-9]+$/.test(c)) return undefined;
  const s = STRUCTURE[kind];
  if (!c.startsWith(s.prefix)) return undefined;
  return s.levels.find(([len]) => len === c.length)?.[1];
}

/** Whether a code is well-formed for a catalogue. */
export function isWellFormedCode(kind: CatalogKind, code: string): boolean {
  return codeLevel(kind, code) !== undefined;
}

/**
 * Direct parent of a code: 7 digits → its first 5, 5 → its first 3, a 类 (3
 * digits) or a malformed code → undefined.
 */
export function parentCode(kind: CatalogKind, code: string): string | undefined {
  const c = normalizeSubjectCode(code);
  if (codeLevel(kind, c) === undefined) return undefined;
  const lengths = codeLengths(kind);
  const i = lengths.indexOf(c.length);
  const parentLength = i > 0 ? lengths[i - 1] : undefined;
  return parentLength === undefined ? undefined : c.slice(0, parentLength);
}

/** All ancestors of a code, from the 类 down to the direct parent (whether or not a catalogue knows them). */
export function ancestorCodes(kind: CatalogKind, code: string): string[] {
  const chain: string[] = [];
  let p = parentCode(kind, code);
  while (p !== undefined) {
    chain.unshift(p);
    p = parentCode(kind, p);
  }
  return chain;
}

/**
 * The catalogue a code belongs to, judged by its first digit and length alone:
 * 2xx (3/5/7 digits) → function, 3xx → economic-department, 5xx →
 * economic-government; undefined for anything else.
 */
export function kindOfCode(code: string): CatalogKind | undefined {
  const c = normalizeSubjectCode(code);
  for (const kind of ['function', 'economic-department', 'economic-government'] as const) {
    if (codeLevel(kind, c) !== undefined) return kind;
  }
  return undefined;
}
