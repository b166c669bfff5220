/**
 * Text as staff type it: labels are compared after normalisation, labels kept
 * in the model are cleaned of line-wrap spaces between CJK characters.
 */

const CJK = '[\\u2e80-\\u2eff\\u3000-\\u303f\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u201c\\u201d\\u2018\\u2019]';
const CJK_GAP = new RegExp(`(?<=${CJK})\\s+(?=${CJK})`, 'gu');
const SPACES = /(?:[\s\u3000\u200b\u2060\ufeff]|\u200c|\u200d)+/gu;
const QUOTES = /["'“”‘’「」『』〝〞＂＇]/gu;
const OPEN = /[【〔［[｛{]/gu;
const CLOSE = /[】〕］\]｝}]/gu;

/**
 * The comparison form of a label: NFKC (full-width → half-width, （）→ ()),
 * every whitespace removed (U+3000 included), quotes dropped, brackets folded
 * to parentheses. `财政专户管理 资金` and `财政专户管理资金` compare equal.
 */
export function normalizeLabel(s: string): string {
  return s.normalize('NFKC').replace(SPACES, '').replace(QUOTES, '').replace(OPEN, '(').replace(CLOSE, ')');
}

/** A label as the model keeps it: spaces between two CJK characters (line wrapping) removed, trimmed. */
export function cleanText(s: string): string {
  return s.replace(CJK_GAP, '').trim();
}

/** Every whitespace removed (titles of performance tables: `2024 年…` → `2024年…`). */
export function squash(s: string): string {
  return s.replace(SPACES, '');
}

/**
 * The normalised form of `s` with, for each of its characters, the index of
 * the original character it came from, so a match in the normalised text can
 * be cut out of the original.
 */
export function normalizeWithOrigins(s: string): { text: string; origins: number[] } {
  let text = '';
  const origins: number[] = [];
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    const n = normalizeLabel(ch);
    for (let k = 0; k < n.length; k++) origins.push(i);
    text += n;
    i += ch.length;
  }
  return { text, origins };
}

const ORDINAL = /^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|[0-9]+[、.]|\([0-9]+\))/u;

/** `七、社会保障和就业支出` → `社会保障和就业支出` (after normalisation). */
export function withoutOrdinal(normalized: string): string {
  return normalized.replace(ORDINAL, '');
}

const TOTAL_WORDS: ReadonlySet<string> = new Set(['合计', '总计', '共计', '总合计']);

/** True for the label of a 合计 row (`合 计`, `总计`). */
export function isTotalLabel(s: string): boolean {
  return TOTAL_WORDS.has(normalizeLabel(s));
}

/** A note under a form: `注：…`, `注:…`, `说明：…`. */
export function isNoteText(s: string): boolean {
  const head = s.trimStart().slice(0, 8);
  if (!/^(?:注|说|备)/u.test(head)) return false;
  return /^(?:注|说明|备注)[:]/u.test(normalizeLabel(head));
}
