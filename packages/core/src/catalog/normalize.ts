/**
 * Normalisation used to compare printed names and codes with the catalogue.
 * Printed tables indent names with (full-width) spaces, mix half- and full-width
 * letters and digits, and write 维修（护）费 with ASCII parentheses; the catalogue
 * itself uses full-width parentheses.
 */

// \s covers ASCII whitespace, NBSP, U+3000 (ideographic space) and U+FEFF; the
// zero-width characters are added because they survive copy and paste from PDFs.
const WHITESPACE = /[\s\u200B-\u200D\u2060]+/gu;
const FULL_WIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]/gu;

function toHalfWidth(ch: string): string {
  return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
}

/**
 * Name as compared with catalogue names: all whitespace removed (including
 * U+3000), full-width ASCII letters and digits made half-width, ASCII `(` `)`
 * made full-width `（` `）`.
 */
export function normalizeSubjectName(s: string): string {
  return s.replace(WHITESPACE, '').replace(FULL_WIDTH_ALNUM, toHalfWidth).replace(/\(/g, '（').replace(/\)/g, '）');
}

/**
 * Code as compared with catalogue codes: whitespace removed (`208 01 07` →
 * `2080107`), full-width digits made half-width. Anything else is kept, so a
 * code with other characters stays malformed.
 */
export function normalizeSubjectCode(s: string): string {
  return s.replace(WHITESPACE, '').replace(FULL_WIDTH_ALNUM, toHalfWidth);
}
