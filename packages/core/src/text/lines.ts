/**
 * The lines of a published document's text, classified: table rows (tab
 * separated), form titles, unit lines and notes of the tables; the headings
 * of parts (第二部分) and sections (一、…, （一）…); paragraphs of prose; the
 * table of contents (目录), which names every part and form once more and is
 * no part of the document's content. Everything after works on these classes.
 */
import { findTitles, type TitleHit } from '../forms/titles.js';
import { isNoteText, normalizeLabel } from '../forms/text.js';
import type { Grid } from '../grid/grid.js';

export type LineKind =
  /** Empty or whitespace only. */
  | 'blank'
  /** Holds a tab: a row of a table. */
  | 'row'
  /** Inside the table of contents. */
  | 'toc'
  /** 第X部分, alone or with the part's title. */
  | 'part'
  /** The title of a part on the line after its 第X部分. */
  | 'partTitle'
  /** 注：… under a table. */
  | 'note'
  /** 单位：万元. */
  | 'unit'
  /** The title of a form or a performance table. */
  | 'title'
  /** A heading alone on its line: 一、主要职责, （一）预算绩效管理情况. */
  | 'heading'
  /** A paragraph (or a piece of one split by a page break). */
  | 'prose'
  /** A short line that is neither: a wrapped title, a page number. */
  | 'short';

export interface TextLine {
  /** 1-based line number. */
  readonly line: number;
  /** The line as published, trimmed, emphasis marks (`**`) and list bullets dropped. */
  readonly text: string;
  /** The raw line (tabs and spaces kept). */
  readonly raw: string;
  readonly kind: LineKind;
  /** Part number (1 for 第一部分) of a `part` line, and the title written after it on the same line. */
  readonly part?: { readonly number: number; readonly title: string };
}

const NUMERALS = '一二三四五六七八九十';
const CN_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 一 → 1, 十二 → 12, 二十一 → 21 (up to 99). */
export function chineseNumber(s: string): number | undefined {
  if (s === '' || s.length > 3 || [...s].some((c) => CN_DIGITS[c] === undefined)) return undefined;
  const i = s.indexOf('十');
  if (i < 0) return s.length === 1 ? CN_DIGITS[s] : undefined;
  const tens = i === 0 ? 1 : (CN_DIGITS[s.slice(0, i)] ?? 0);
  const ones = i === s.length - 1 ? 0 : (CN_DIGITS[s.slice(i + 1)] ?? 0);
  return tens * 10 + ones;
}

const PART = new RegExp(`^第\\s*([${NUMERALS}]{1,3})\\s*部分\\s*[:：、.．]?\\s*(.*)$`, 'u');
/** A top-level ordinal: 一、 (also 一. and 一．). */
export const TOP_ORDINAL = new RegExp(`^([${NUMERALS}]{1,3})\\s*[、.．]\\s*`, 'u');
/** A second-level ordinal: （一） or (一). */
export const SUB_ORDINAL = new RegExp(`^[（(]\\s*[${NUMERALS}]{1,3}\\s*[)）]\\s*`, 'u');
/** A numbered item: 1. or 1、 (not a decimal: 1.5). */
export const ITEM_ORDINAL = /^[0-9]{1,2}\s*(?:[、．]|\.(?![0-9]))\s*/u;
/** Sentence-ending punctuation (a closing quote or bracket may follow). */
const TERMINAL = /[。！？；!?;：:][”’」』）)"']*$/u;
/** Punctuation of a sentence (a heading has none). */
const SENTENCE_MARKS = /[。，；！？,;!?]/u;
/** Lines at least this long are prose even without a final full stop. */
const LONG_LINE = 40;
/** A heading is at most this long. */
const MAX_HEADING = 40;

/** The line as read: trimmed, `**` emphasis, `#` heading marks and list bullets removed. */
function plain(raw: string): string {
  return raw
    .replace(/\*\*/g, '')
    .trim()
    .replace(/^#{1,6}\s+/u, '')
    .replace(/^[-•·]\s+/u, '')
    .trim();
}

/** True when the text starts with an ordinal of any level. */
export function startsWithOrdinal(text: string): boolean {
  return TOP_ORDINAL.test(text) || SUB_ORDINAL.test(text) || ITEM_ORDINAL.test(text);
}

/** Text without its leading ordinal (一、 （一） 1.). */
export function withoutOrdinal(text: string): string {
  return text.replace(TOP_ORDINAL, '').replace(SUB_ORDINAL, '').replace(ITEM_ORDINAL, '');
}

/** A heading alone on its line: an ordinal and a few words without sentence punctuation. */
function isBareHeading(text: string): boolean {
  if (text.length > MAX_HEADING || !(TOP_ORDINAL.test(text) || SUB_ORDINAL.test(text))) return false;
  const rest = withoutOrdinal(text);
  return rest !== '' && !SENTENCE_MARKS.test(rest) && !/[:：]/u.test(rest);
}

/** True when a paragraph piece ends a sentence (a piece that does not was split by a page break). */
export function endsSentence(text: string): boolean {
  return TERMINAL.test(text);
}

function isUnitLine(text: string): boolean {
  return /^(?:金额)?(?:计量)?单位[:：]/u.test(normalizeLabel(text).replace(/^\(|\)$/gu, ''));
}

interface Pending {
  readonly line: number;
  readonly text: string;
  readonly raw: string;
  kind: LineKind;
  readonly part?: { readonly number: number; readonly title: string };
}

/**
 * Classifies every line of a text. `grid` is the text as one grid
 * (textToGrid), whose form titles are found with the forms parser's own rules.
 */
export function classifyLines(text: string, grid: Grid): TextLine[] {
  const raws = text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
  const titles = new Map<number, TitleHit>();
  for (const hit of findTitles(grid)) titles.set(hit.row, hit);
  const out: Pending[] = raws.map((raw, i): Pending => {
    const line = i + 1;
    const text = plain(raw);
    if (text === '') return { line, text, raw, kind: 'blank' };
    // A title printed with empty cells after it (2025年部门收支总体情况表单位名称：…单位：万元, then tabs) is a title, not a row.
    if (titles.has(i)) return { line, text, raw, kind: 'title' };
    if (raw.includes('\t')) return { line, text, raw, kind: 'row' };
    const squashed = text.replace(/[\s\u3000]+/gu, '');
    const p = PART.exec(squashed);
    if (p) {
      const number = chineseNumber(p[1] ?? '');
      if (number !== undefined) return { line, text, raw, kind: 'part', part: { number, title: p[2] ?? '' } };
    }
    if (isNoteText(text)) return { line, text, raw, kind: 'note' };
    if (isUnitLine(text)) return { line, text, raw, kind: 'unit' };
    if (titles.has(i)) return { line, text, raw, kind: 'title' };
    if (isBareHeading(text)) return { line, text, raw, kind: 'heading' };
    if (endsSentence(text) || text.length >= LONG_LINE || (startsWithOrdinal(text) && SENTENCE_MARKS.test(text))) return { line, text, raw, kind: 'prose' };
    return { line, text, raw, kind: 'short' };
  });

  const nextFilled = (i: number): Pending | undefined => {
    for (let j = i + 1; j < out.length; j++) if (out[j]?.kind !== 'blank') return out[j];
    return undefined;
  };

  // A title that heads no table (another title, a heading or prose follows) is a heading: （二）部门预算项目绩效目标表.
  for (let i = 0; i < out.length; i++) {
    const l = out[i];
    if (l?.kind !== 'title') continue;
    const next = nextFilled(i);
    if (next === undefined || next.kind === 'title' || next.kind === 'heading' || next.kind === 'part' || next.kind === 'prose') l.kind = 'heading';
  }

  // The title of a part on the line after 第X部分.
  for (let i = 0; i < out.length; i++) {
    const l = out[i];
    if (l?.kind !== 'part' || l.part?.title !== '') continue;
    const next = nextFilled(i);
    if (next && (next.kind === 'short' || next.kind === 'heading' || next.kind === 'title') && next.text.length <= MAX_HEADING && !SENTENCE_MARKS.test(next.text)) next.kind = 'partTitle';
  }

  markTableOfContents(out);
  return out;
}

/**
 * 目录: from its heading to the first line that is content — a part heading
 * whose number the contents named already, a table row, a unit line, a note or
 * prose. A title right before a table (its unit line or rows) is content too.
 */
function markTableOfContents(lines: Pending[]): void {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!l || l.kind === 'blank' || l.kind === 'row') continue;
    if (l.text.replace(/[\s\u3000]+/gu, '') !== '目录') continue;
    const seen = new Set<number>();
    let end = i + 1;
    for (; end < lines.length; end++) {
      const m = lines[end];
      if (!m || m.kind === 'blank') continue;
      if (m.kind === 'row' || m.kind === 'unit' || m.kind === 'note' || m.kind === 'prose') break;
      if (m.kind === 'part' && m.part) {
        if (seen.has(m.part.number)) break;
        seen.add(m.part.number);
      }
    }
    // Give back the title (and blank lines) right before a table.
    let back = end;
    if (end < lines.length && (lines[end]?.kind === 'row' || lines[end]?.kind === 'unit')) {
      let j = end - 1;
      while (j > i && lines[j]?.kind === 'blank') j--;
      if (j > i && lines[j]?.kind === 'title') back = j;
    }
    for (let j = i; j < back; j++) {
      const m = lines[j];
      if (m && m.kind !== 'blank') m.kind = 'toc';
    }
    i = Math.max(i, back - 1);
  }
}
