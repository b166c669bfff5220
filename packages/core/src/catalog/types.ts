/**
 * Subject catalogues (政府收支分类科目): 支出功能分类 (类 3 / 款 5 / 项 7 digits),
 * 部门预算支出经济分类 (类 3 / 款 5, codes 3xx) and 政府预算支出经济分类
 * (类 3 / 款 5, codes 5xx).
 */

/** Which catalogue a subject belongs to. */
export type CatalogKind = 'function' | 'economic-department' | 'economic-government';

export const CATALOG_KINDS: readonly CatalogKind[] = ['function', 'economic-department', 'economic-government'];

/** Level of a subject, derived from the length of its code. */
export type SubjectLevel = '类' | '款' | '项';

/** Where a subject comes from: the bundled partial catalogue or a catalogue the user loaded. */
export type SubjectSource = 'bundled' | 'user';

export interface Subject {
  /** Digits only, e.g. `2080107`. */
  readonly code: string;
  /** The catalogue name as written in the catalogue (outer whitespace trimmed). */
  readonly name: string;
  readonly level: SubjectLevel;
  readonly kind: CatalogKind;
  readonly source: SubjectSource;
}

/** Result of looking a code up: a well-formed code the catalogue lacks is `unknown`, not wrong. */
export type CodeStatus = 'known' | 'unknown' | 'malformed';

/** A text in both languages; zh-CN is what users see by default. */
export interface LocalizedMessage {
  readonly 'zh-CN': string;
  readonly en: string;
}
