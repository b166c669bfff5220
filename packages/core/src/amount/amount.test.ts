import { describe, expect, it } from 'vitest';
import { Amount, convert, type AmountUnit } from './index.js';

/** [input, canonical string (keeps the scale)] */
const accepted: readonly (readonly [string, string])[] = [
  ['10,351.24', '10351.24'],
  ['10351.24', '10351.24'],
  ['0.00', '0.00'],
  ['0', '0'],
  ['-0.00', '0.00'],
  ['12.345', '12.345'],
  ['1,234,567.89', '1234567.89'],
  ['1,234', '1234'],
  ['999', '999'],
  ['1,000,000', '1000000'],
  ['１０，３５１．２４', '10351.24'],
  ['１０３５１．２４', '10351.24'],
  ['１,234.5０', '1234.50'],
  ['（12.00）', '-12.00'],
  ['(12.00)', '-12.00'],
  ['（1,234.56）', '-1234.56'],
  ['（１２．００）', '-12.00'],
  ['(12.00）', '-12.00'],
  ['-12.00', '-12.00'],
  ['−12.00', '-12.00'],
  ['－12.00', '-12.00'],
  ['－１２', '-12'],
  ['+12.00', '12.00'],
  ['＋12', '12'],
  ['-1,234.50', '-1234.50'],
  ['  10,351.24  ', '10351.24'],
  ['\t10351.24\n', '10351.24'],
  ['\u300010351.24\u3000', '10351.24'],
  ['\u00a010351.24\u00a0', '10351.24'],
  ['.5', '0.5'],
  ['5.', '5'],
  ['-.5', '-0.5'],
  ['(.5)', '-0.5'],
  ['1,234.', '1234'],
  ['007', '7'],
  ['00.50', '0.50'],
  ['123456789012345678901234567890.123456789', '123456789012345678901234567890.123456789'],
];

const blank: readonly string[] = ['', ' ', '   ', '\t', '\n', '\u3000', '\u00a0', ' \u3000 ', '-', '—', '－', '–', '−', ' - ', '\u3000—\u3000', '--', '——', '－－'];

const spreadsheetErrors: readonly string[] = [
  '#REF!', '#N/A', '#VALUE!', '#DIV/0!', '#NAME?', '#NULL!', '#NUM!', '#SPILL!', '#CALC!', '#GETTING_DATA', ' #N/A ', '#n/a',
];

const notANumber: readonly string[] = [
  '1 234.56',
  '10 351.24',
  '1\u300024',
  '- 5',
  '( 12.00 )',
  '1,2,3',
  '1234,567',
  '1,23',
  '1,2345',
  ',123',
  '0,123',
  '1,234,56',
  '1.234,56',
  '0.123,456',
  '1..2',
  '1.2.3',
  '.',
  '-.',
  '()',
  '(-12)',
  '-(12)',
  '(12',
  '12)',
  '+-5',
  '--5',
  '—5',
  '–5',
  '5-',
  '1e5',
  '1E-3',
  'Infinity',
  'NaN',
  '0x10',
  'abc',
  '12元',
  '12万元',
  '¥12',
  '12%',
  '#REF',
  '#foo!',
  '＃REF！',
  '---',
  '-—',
  'null',
];

describe('Amount.parse', () => {
  it.each(accepted)('accepts %j as %s', (input, canonical) => {
    const r = Amount.parse(input);
    expect(r.kind).toBe('amount');
    if (r.kind !== 'amount') return;
    expect(r.amount.toString()).toBe(canonical);
    expect(r.amount).toEqual(Amount.of(canonical));
  });

  it.each(blank)('reads %j as blank', (input) => {
    expect(Amount.parse(input)).toEqual({ kind: 'blank' });
  });

  it.each(spreadsheetErrors)('reads %j as a spreadsheet error', (input) => {
    expect(Amount.parse(input)).toEqual({ kind: 'invalid', reason: 'spreadsheet-error', text: input });
  });

  it.each(notANumber)('rejects %j as not a number', (input) => {
    expect(Amount.parse(input)).toEqual({ kind: 'invalid', reason: 'not-a-number', text: input });
  });

  it('never throws on a non-string at run time', () => {
    expect(Amount.parse(12 as unknown as string)).toEqual({ kind: 'invalid', reason: 'not-a-number', text: '12' });
  });
});

describe('Amount.of', () => {
  it('returns the amount', () => {
    expect(Amount.of('1,234.50').toString()).toBe('1234.50');
  });
  it.each(['', '-', '#REF!', 'abc'])('throws on %j', (input) => {
    expect(() => Amount.of(input)).toThrow(SyntaxError);
  });
  it('ZERO is 0 with scale 0', () => {
    expect(Amount.ZERO.toString()).toBe('0');
    expect(Amount.ZERO.scale).toBe(0);
    expect(Amount.ZERO.isZero()).toBe(true);
  });
});

describe('Amount.fromMantissa', () => {
  it('builds mantissa / 10^scale', () => {
    expect(Amount.fromMantissa(1035124n, 2).toString()).toBe('10351.24');
  });
  it.each([-1, 1.5, Number.NaN])('rejects scale %s', (scale) => {
    expect(() => Amount.fromMantissa(1n, scale)).toThrow(RangeError);
  });
});

describe('Amount.fromExcel', () => {
  it.each([
    [0.1 + 0.2, '0.3'],
    [10351.24, '10351.24'],
    [10351.24 * 3, '31053.72'],
    [1.005, '1.005'],
    [0, '0'],
    [-0, '0'],
    [-5, '-5'],
    [100, '100'],
    [1e-7, '0.0000001'],
    [-1.5e-10, '-0.00000000015'],
    [1.23e21, '1230000000000000000000'],
    [1e21, '1000000000000000000000'],
    [123456789012345680, '123456789012346000'],
    [0.1 * 3, '0.3'],
    [1234567.891, '1234567.891'],
    [Number.MAX_SAFE_INTEGER, '9007199254740990'],
  ] as const)('reads %s as %s', (n, expected) => {
    expect(Amount.fromExcel(n)?.toString()).toBe(expected);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('gives undefined for %s', (n) => {
    expect(Amount.fromExcel(n)).toBeUndefined();
  });
});

describe('arithmetic', () => {
  it.each([
    ['1.10', '2.2', '3.30'],
    ['0.1', '0.2', '0.3'],
    ['10351.24', '-10351.24', '0.00'],
    ['5', '0.005', '5.005'],
    ['-1.5', '-2.25', '-3.75'],
  ])('%s + %s = %s', (a, b, sum) => {
    expect(Amount.of(a).plus(Amount.of(b)).toString()).toBe(sum);
    expect(Amount.of(b).plus(Amount.of(a)).toString()).toBe(sum);
  });

  it.each([
    ['3.30', '2.2', '1.10'],
    ['0', '0.01', '-0.01'],
    ['5', '5.000', '0.000'],
    ['-1', '-1.5', '0.5'],
  ])('%s - %s = %s', (a, b, diff) => {
    expect(Amount.of(a).minus(Amount.of(b)).toString()).toBe(diff);
  });

  it.each([
    ['12.34', '-12.34', '12.34'],
    ['-12.34', '12.34', '12.34'],
    ['0.00', '0.00', '0.00'],
  ])('negate(%s) = %s, abs = %s', (a, neg, abs) => {
    expect(Amount.of(a).negate().toString()).toBe(neg);
    expect(Amount.of(a).abs().toString()).toBe(abs);
  });

  it.each([
    ['12.34', 3, '37.02'],
    ['12.34', 0, '0.00'],
    ['12.34', -2, '-24.68'],
    ['0.01', 10n ** 20n, '1000000000000000000.00'],
    ['-1.5', 4n, '-6.0'],
  ] as const)('%s × %s = %s', (a, k, product) => {
    expect(Amount.of(a).times(k).toString()).toBe(product);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('times(%s) throws', (k) => {
    expect(() => Amount.of('1').times(k)).toThrow(RangeError);
  });

  it.each([
    ['0', '0.00', 0],
    ['1.10', '1.1', 0],
    ['1.1', '1.10', 0],
    ['1.09', '1.1', -1],
    ['1.1', '1.09', 1],
    ['-1', '0.00', -1],
    ['-1.001', '-1', -1],
    ['100', '99.999', 1],
    ['1,000.00', '(1,000.00)', 1],
  ] as const)('cmp(%s, %s) = %s', (a, b, expected) => {
    expect(Amount.of(a).cmp(Amount.of(b))).toBe(expected);
    expect(Amount.of(b).cmp(Amount.of(a))).toBe(-expected || 0);
    expect(Amount.of(a).equals(Amount.of(b))).toBe(expected === 0);
  });

  it.each([
    ['0', true, false],
    ['0.00', true, false],
    ['-0.00', true, false],
    ['0.01', false, false],
    ['-0.01', false, true],
    ['(5)', false, true],
  ] as const)('%s: isZero %s, isNegative %s', (a, zero, negative) => {
    expect(Amount.of(a).isZero()).toBe(zero);
    expect(Amount.of(a).isNegative()).toBe(negative);
  });

  it.each([
    [[], '0'],
    [['1.10'], '1.10'],
    [['1.10', '2.2', '3'], '6.30'],
    [['0.1', '0.2', '-0.3'], '0.0'],
    [['10,351.24', '1,234.567', '(0.007)'], '11585.800'],
  ] as const)('sum(%j) = %s', (terms, expected) => {
    expect(Amount.sum(terms.map((t) => Amount.of(t))).toString()).toBe(expected);
  });

  it('sums any iterable', () => {
    function* gen() {
      yield Amount.of('1');
      yield Amount.of('2.50');
    }
    expect(Amount.sum(gen()).toString()).toBe('3.50');
    expect(Amount.sum(new Set([Amount.of('1'), Amount.of('2')])).toString()).toBe('3');
  });
});

describe('scale and decimals', () => {
  it.each([
    ['10351.24', 2],
    ['0', 0],
    ['5.', 0],
    ['.5', 1],
    ['12.345', 3],
    ['12.340', 3],
  ] as const)('%s has scale %s', (a, scale) => {
    expect(Amount.of(a).scale).toBe(scale);
  });

  it.each([
    ['12.345', 2, true],
    ['12.340', 2, false],
    ['12.34', 2, false],
    ['12.3', 2, false],
    ['12', 0, false],
    ['12.5', 0, true],
    ['-0.001', 2, true],
    ['12.345', 3, false],
  ] as const)('%s hasMoreDecimalsThan(%s) = %s', (a, n, expected) => {
    expect(Amount.of(a).hasMoreDecimalsThan(n)).toBe(expected);
  });

  it.each([
    ['12.345', 2, '12.35'],
    ['12.344', 2, '12.34'],
    ['-12.345', 2, '-12.35'],
    ['-12.344', 2, '-12.34'],
    ['0.005', 2, '0.01'],
    ['-0.005', 2, '-0.01'],
    ['0.0049', 2, '0.00'],
    ['-0.0049', 2, '0.00'],
    ['2.5', 0, '3'],
    ['-2.5', 0, '-3'],
    ['1.4999', 0, '1'],
    ['9.995', 2, '10.00'],
    ['5', 2, '5.00'],
    ['5.1', 2, '5.10'],
    ['5.10', 2, '5.10'],
  ] as const)('round(%s, %s) = %s', (a, decimals, expected) => {
    expect(Amount.of(a).round(decimals).toString()).toBe(expected);
  });

  it.each([-1, 0.5])('round(%s) throws', (d) => {
    expect(() => Amount.of('1').round(d)).toThrow(RangeError);
  });
});

describe('units', () => {
  it.each([
    ['103512400', '元', '万元', '10351.2400'],
    ['10351.24', '万元', '元', '103512400'],
    ['1.23456', '万元', '元', '12345.6'],
    ['0.01', '元', '万元', '0.000001'],
    ['5.00', '元', '万元', '0.000500'],
    ['0.000500', '万元', '元', '5.00'],
    ['12.34', '万元', '万元', '12.34'],
    ['12.34', '元', '元', '12.34'],
    ['-7', '万元', '元', '-70000'],
  ] as const satisfies readonly (readonly [string, AmountUnit, AmountUnit, string])[])(
    '%s %s → %s %s',
    (a, from, to, expected) => {
      expect(convert(Amount.of(a), from, to).toString()).toBe(expected);
    },
  );
});

describe('toString and isCanonical', () => {
  it.each([
    ['10351.24', '10351.24'],
    ['0.00', '0.00'],
    ['-5', '-5'],
    ['12.345', '12.345'],
    ['-0.05', '-0.05'],
    ['(0.5)', '-0.5'],
    ['1,000', '1000'],
  ])('%s → %s', (a, s) => {
    expect(Amount.of(a).toString()).toBe(s);
    expect(String(Amount.of(a))).toBe(s);
    expect(JSON.stringify({ a: Amount.of(a) })).toBe(`{"a":"${s}"}`);
  });

  it.each(['0', '0.00', '-5', '12.345', '10351.24', '-0.05', '5.0'])('%s is canonical', (s) => {
    expect(Amount.isCanonical(s)).toBe(true);
    expect(Amount.of(s).toString()).toBe(s);
  });

  it.each(['', '-0', '-0.00', '+5', '05', '.5', '5.', '1,000', '1e3', ' 5', '５', '(5)', '−5', '0.'])(
    '%j is not canonical',
    (s) => {
      expect(Amount.isCanonical(s)).toBe(false);
    },
  );
});

describe('format', () => {
  it.each([
    ['10351.24', {}, '10,351.24'],
    ['-1234.5', {}, '-1,234.50'],
    ['0', {}, '0.00'],
    ['0.00', {}, '0.00'],
    ['5', {}, '5.00'],
    ['999.99', {}, '999.99'],
    ['1000', {}, '1,000.00'],
    ['1234567.891', {}, '1,234,567.891'],
    ['12.345', {}, '12.345'],
    ['12.340', {}, '12.340'],
    ['-0.001', {}, '-0.001'],
    ['123456789', {}, '123,456,789.00'],
    ['10351.24', { grouping: false }, '10351.24'],
    ['-1234.5', { grouping: false }, '-1234.50'],
    ['10351.24', { decimals: 0 }, '10,351.24'],
    ['10351', { decimals: 0 }, '10,351'],
    ['10351', { decimals: 4 }, '10,351.0000'],
    ['12.345', { decimals: 1 }, '12.345'],
    ['1234.5', { decimals: 3, grouping: false }, '1234.500'],
  ] as const)('format(%s, %j) = %s', (a, opts, expected) => {
    expect(Amount.of(a).format(opts)).toBe(expected);
  });

  it('defaults to 2 decimals with grouping', () => {
    expect(Amount.of('1234').format()).toBe('1,234.00');
  });

  it.each([-1, 1.5])('decimals %s throws', (d) => {
    expect(() => Amount.of('1').format({ decimals: d })).toThrow(RangeError);
  });
});

describe('toNumber', () => {
  it.each([
    ['10351.24', 10351.24],
    ['-0.5', -0.5],
    ['0.00', 0],
  ] as const)('%s → %s', (a, n) => {
    expect(Amount.of(a).toNumber()).toBe(n);
  });
});

describe('immutability', () => {
  it('operations return new amounts and leave operands unchanged', () => {
    const a = Amount.of('1.50');
    const b = Amount.of('2');
    a.plus(b);
    a.minus(b);
    a.negate();
    a.times(3);
    a.round(0);
    expect(a.toString()).toBe('1.50');
    expect(b.toString()).toBe('2');
  });

  it('is frozen', () => {
    expect(Object.isFrozen(Amount.of('1'))).toBe(true);
    expect(Object.isFrozen(Amount.ZERO)).toBe(true);
  });
});
