import type { IndicatorValue } from './schema.js';

const OPERATORS: ReadonlyArray<readonly [string, '≥' | '≤' | '=' | '>' | '<']> = [
  ['>=', '≥'],
  ['<=', '≤'],
  ['＞＝', '≥'],
  ['＜＝', '≤'],
  ['≥=', '≥'],
  ['≤=', '≤'],
  ['≥', '≥'],
  ['≧', '≥'],
  ['⩾', '≥'],
  ['≤', '≤'],
  ['≦', '≤'],
  ['⩽', '≤'],
  ['＞', '>'],
  ['>', '>'],
  ['＜', '<'],
  ['<', '<'],
  ['＝', '='],
  ['=', '='],
];

/** Full-width digits, point, percent and minus to ASCII. */
function halfWidth(s: string): string {
  return s.replace(/[０-９．％－]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/**
 * Reads a published 指标值 (`≥90%`, `≤131.55 万元`, `≤92 元/人. 月`, `提升`) into
 * operator + number + unit, or a qualitative word. The text is kept as published;
 * whitespace from line wrapping is ignored when reading it.
 */
export function parseIndicatorValue(text: string): IndicatorValue {
  const compact = halfWidth(text.replace(/[\s\u3000]+/g, ''));
  if (compact === '') return { kind: 'unparsed', text };
  let rest = compact;
  let op: '≥' | '≤' | '=' | '>' | '<' | undefined;
  for (const [sym, norm] of OPERATORS) {
    if (rest.startsWith(sym)) {
      op = norm;
      rest = rest.slice(sym.length);
      break;
    }
  }
  const m = /^(-?[0-9]+(?:\.[0-9]+)?)(.*)$/.exec(rest);
  if (m) {
    const number = (m[1] ?? '').replace(/^(-?)0+(?=[0-9])/, '$1');
    const unit = m[2] ?? '';
    return op ? { kind: 'quantity', text, op, number, unit } : { kind: 'quantity', text, number, unit };
  }
  if (op !== undefined || /[0-9]/.test(rest.slice(0, 1))) return { kind: 'unparsed', text };
  return { kind: 'qualitative', text, word: compact };
}
