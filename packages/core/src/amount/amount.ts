/**
 * Exact money: a bigint mantissa and a decimal scale (number of decimal places),
 * value = mantissa / 10^scale. Amounts never pass through a binary float in
 * arithmetic; the scale keeps the form as published ("0.00", "12.345") so that
 * precision rules can report it. Equality and ordering are by value.
 * See docs/decisions/001-money-representation.md.
 */

/** The units amounts are published in. */
export type AmountUnit = '万元' | '元';

/** Result of reading a cell or a piece of text as an amount. */
export type AmountParse =
  | { kind: 'blank' }
  | { kind: 'amount'; amount: Amount }
  | { kind: 'invalid'; reason: 'not-a-number' | 'spreadsheet-error'; text: string };

export interface AmountFormatOptions {
  /** Minimum number of decimals (padded with zeros; digits are never rounded away). Default 2. */
  decimals?: number;
  /** Thousands separators in the integer part. Default true. */
  grouping?: boolean;
}

const POW10: bigint[] = [1n];
function pow10(n: number): bigint {
  let p = POW10[n];
  if (p === undefined) {
    for (let i = POW10.length; i <= n; i++) POW10[i] = (POW10[i - 1] as bigint) * 10n;
    p = POW10[n] as bigint;
  }
  return p;
}

function checkDecimals(name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer, got ${n}`);
}

/** Excel's error values, as they appear when a cell is read as text. */
const SPREADSHEET_ERRORS: ReadonlySet<string> = new Set([
  '#REF!', '#N/A', '#VALUE!', '#DIV/0!', '#NAME?', '#NULL!', '#NUM!', '#SPILL!', '#CALC!', '#GETTING_DATA',
]);

/** A cell holding only a dash means "nothing published". */
// A dash placeholder means nothing was published: one dash, or the doubled forms Chinese tables use.
const LONE_DASHES: ReadonlySet<string> = new Set(['-', '—', '－', '–', '−', '--', '——', '－－']);

/** Plain decimal, or an integer part grouped in threes; either part may be missing but not both. */
const NUMBER_BODY = /^(?:(\d+)|([1-9]\d{0,2}(?:,\d{3})+))?(?:\.(\d*))?$/;
const CANONICAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
const NEGATIVE_ZERO = /^-0(?:\.0+)?$/;
const NON_ASCII = /[^\x20-\x7e]/;
const FULL_WIDTH = /[\uff01-\uff5e]/g;

/** Full-width ASCII forms (digits, `，．－＋（）`) to ASCII, U+2212 minus to `-`. */
function toAscii(s: string): string {
  return s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u2212/g, '-');
}

function invalid(reason: 'not-a-number' | 'spreadsheet-error', text: string): AmountParse {
  return { kind: 'invalid', reason, text };
}

const BLANK: AmountParse = Object.freeze({ kind: 'blank' });

export class Amount {
  /** Unscaled integer value: the amount is `mantissa / 10^scale`. */
  readonly mantissa: bigint;
  /** Number of decimal places, as published (or as computed: the larger scale of the operands). */
  readonly scale: number;

  private constructor(mantissa: bigint, scale: number) {
    this.mantissa = mantissa;
    this.scale = scale;
    Object.freeze(this);
  }

  static readonly ZERO: Amount = new Amount(0n, 0);

  /** `mantissa / 10^scale`, e.g. `fromMantissa(1035124n, 2)` is 10351.24. */
  static fromMantissa(mantissa: bigint, scale: number): Amount {
    checkDecimals('scale', scale);
    return new Amount(mantissa, scale);
  }

  /**
   * Reads an amount as published: `10,351.24`, `１０，３５１．２４`, `（12.00）`, `−5`, `.5`.
   * Blank or a lone dash is `blank`; Excel error values and anything else are `invalid`. Never throws.
   */
  static parse(text: string): AmountParse {
    if (typeof text !== 'string') return invalid('not-a-number', String(text));
    let s = text.trim();
    if (s === '' || LONE_DASHES.has(s)) return BLANK;
    if (s.charCodeAt(0) === 35 /* # */) {
      return invalid(SPREADSHEET_ERRORS.has(s.toUpperCase()) ? 'spreadsheet-error' : 'not-a-number', text);
    }
    if (NON_ASCII.test(s)) {
      s = toAscii(s);
      if (NON_ASCII.test(s)) return invalid('not-a-number', text);
    }
    let negative = false;
    const first = s.charCodeAt(0);
    if (first === 40 /* ( */) {
      if (s.charCodeAt(s.length - 1) !== 41 /* ) */) return invalid('not-a-number', text);
      s = s.slice(1, -1);
      negative = true;
    } else if (first === 45 /* - */ || first === 43 /* + */) {
      s = s.slice(1);
      negative = first === 45;
    }
    const m = NUMBER_BODY.exec(s);
    if (m === null) return invalid('not-a-number', text);
    const int = m[1] ?? (m[2] === undefined ? '' : m[2].replace(/,/g, ''));
    const frac = m[3] ?? '';
    if (int === '' && frac === '') return invalid('not-a-number', text);
    const mantissa = BigInt(int + frac || '0');
    return { kind: 'amount', amount: new Amount(negative ? -mantissa : mantissa, frac.length) };
  }

  /** Parses or throws; for literals in code and tests. */
  static of(text: string): Amount {
    const r = Amount.parse(text);
    if (r.kind !== 'amount') throw new SyntaxError(`not an amount: ${JSON.stringify(text)}`);
    return r.amount;
  }

  /**
   * An Excel cell's double as Excel shows it: 15 significant digits, trailing
   * fractional zeros dropped (0.1+0.2 → 0.3). Undefined for NaN and ±Infinity.
   */
  static fromExcel(n: number): Amount | undefined {
    if (!Number.isFinite(n)) return undefined;
    const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(n.toPrecision(15));
    if (m === null) return undefined;
    const frac = m[3] ?? '';
    let mantissa = BigInt((m[2] ?? '') + frac);
    let scale = frac.length - Number(m[4] ?? '0');
    if (scale < 0) {
      mantissa *= pow10(-scale);
      scale = 0;
    }
    while (scale > 0 && mantissa % 10n === 0n) {
      mantissa /= 10n;
      scale--;
    }
    return new Amount(m[1] === '-' ? -mantissa : mantissa, scale);
  }

  /** Exact sum; the scale is the largest scale of the terms (0 for an empty sum). */
  static sum(amounts: Iterable<Amount>): Amount {
    let acc = 0n;
    let scale = 0;
    for (const a of amounts) {
      if (a.scale === scale) acc += a.mantissa;
      else if (a.scale < scale) acc += a.mantissa * pow10(scale - a.scale);
      else {
        acc = acc * pow10(a.scale - scale) + a.mantissa;
        scale = a.scale;
      }
    }
    return new Amount(acc, scale);
  }

  /** True when `s` is what `toString()` produces for some amount. */
  static isCanonical(s: string): boolean {
    return CANONICAL.test(s) && !NEGATIVE_ZERO.test(s);
  }

  plus(other: Amount): Amount {
    if (this.scale === other.scale) return new Amount(this.mantissa + other.mantissa, this.scale);
    if (this.scale > other.scale) {
      return new Amount(this.mantissa + other.mantissa * pow10(this.scale - other.scale), this.scale);
    }
    return new Amount(this.mantissa * pow10(other.scale - this.scale) + other.mantissa, other.scale);
  }

  minus(other: Amount): Amount {
    return this.plus(other.negate());
  }

  negate(): Amount {
    return new Amount(-this.mantissa, this.scale);
  }

  abs(): Amount {
    return this.mantissa < 0n ? this.negate() : this;
  }

  /** Multiplication by an integer (a count, a 10^n); amounts are never multiplied by fractions here. */
  times(factor: bigint | number): Amount {
    if (typeof factor === 'number' && !Number.isSafeInteger(factor)) {
      throw new RangeError(`times() takes an integer, got ${factor}`);
    }
    return new Amount(this.mantissa * BigInt(factor), this.scale);
  }

  /** Compares by value: -1, 0 or 1. */
  cmp(other: Amount): -1 | 0 | 1 {
    let a = this.mantissa;
    let b = other.mantissa;
    if (this.scale > other.scale) b *= pow10(this.scale - other.scale);
    else if (this.scale < other.scale) a *= pow10(other.scale - this.scale);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /** Equal by value, whatever the scale: `0` equals `0.00`. */
  equals(other: Amount): boolean {
    return this.cmp(other) === 0;
  }

  isZero(): boolean {
    return this.mantissa === 0n;
  }

  isNegative(): boolean {
    return this.mantissa < 0n;
  }

  /** True when the value needs more than `n` decimals (trailing zeros do not count; `scale` is the published form). */
  hasMoreDecimalsThan(n: number): boolean {
    checkDecimals('n', n);
    return this.scale > n && this.mantissa % pow10(this.scale - n) !== 0n;
  }

  /** Rounds half away from zero to exactly `decimals` places (pads when it has fewer). */
  round(decimals: number): Amount {
    checkDecimals('decimals', decimals);
    if (this.scale <= decimals) return new Amount(this.mantissa * pow10(decimals - this.scale), decimals);
    const div = pow10(this.scale - decimals);
    const abs = this.mantissa < 0n ? -this.mantissa : this.mantissa;
    let q = abs / div;
    if ((abs % div) * 2n >= div) q += 1n;
    return new Amount(this.mantissa < 0n ? -q : q, decimals);
  }

  /** Canonical decimal string keeping the scale: `10351.24`, `0.00`, `-5`, `12.345`. */
  toString(): string {
    return this.render(this.scale, false);
  }

  toJSON(): string {
    return this.toString();
  }

  /**
   * For display: `10,351.24`, `-1,234.50`. Pads to `decimals` (default 2) but shows
   * every digit of the scale, so a value is never rounded by formatting.
   */
  format(opts: AmountFormatOptions = {}): string {
    const decimals = opts.decimals ?? 2;
    checkDecimals('decimals', decimals);
    return this.render(Math.max(decimals, this.scale), opts.grouping ?? true);
  }

  /** A float approximation, for display or charts only; never for sums or comparisons. */
  toNumber(): number {
    return Number(this.toString());
  }

  private render(decimals: number, grouping: boolean): string {
    const negative = this.mantissa < 0n;
    let digits = (negative ? -this.mantissa : this.mantissa).toString();
    if (this.scale > 0) digits = digits.padStart(this.scale + 1, '0');
    let int = this.scale > 0 ? digits.slice(0, -this.scale) : digits;
    const frac = (this.scale > 0 ? digits.slice(-this.scale) : '').padEnd(decimals, '0');
    if (grouping && int.length > 3) int = int.replace(/\B(?=(?:\d{3})+$)/g, ',');
    return (negative ? '-' : '') + (frac === '' ? int : `${int}.${frac}`);
  }
}

/** Exact unit conversion: 元→万元 adds 4 to the scale; 万元→元 multiplies by 10,000. */
export function convert(amount: Amount, from: AmountUnit, to: AmountUnit): Amount {
  if (from === to) return amount;
  if (from === '元') return Amount.fromMantissa(amount.mantissa, amount.scale + 4);
  if (amount.scale >= 4) return Amount.fromMantissa(amount.mantissa, amount.scale - 4);
  return Amount.fromMantissa(amount.mantissa * pow10(4 - amount.scale), 0);
}
