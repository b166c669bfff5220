import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Amount, convert } from './index.js';

const RUNS = { numRuns: 1000 };
const Exact = Decimal.clone({ precision: 200, rounding: Decimal.ROUND_HALF_UP });

/** Any amount: mantissas around the size of real budgets and far beyond, scales 0..8. */
const amount = fc
  .record({
    mantissa: fc.oneof(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n })),
    scale: fc.integer({ min: 0, max: 8 }),
  })
  .map(({ mantissa, scale }) => Amount.fromMantissa(mantissa, scale));

/** Amounts as published in 万元: two decimals, at most 15 significant digits (what a double holds exactly). */
const published = fc
  .bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n })
  .map((m) => Amount.fromMantissa(m, 2));

const decimal = (a: Amount) => new Exact(a.toString());

function parsed(text: string): Amount {
  const r = Amount.parse(text);
  if (r.kind !== 'amount') throw new Error(`expected an amount for ${JSON.stringify(text)}, got ${JSON.stringify(r)}`);
  return r.amount;
}

describe('Amount properties', () => {
  it('sum does not depend on the order of the terms', () => {
    fc.assert(
      fc.property(
        fc.array(amount, { maxLength: 30 }).chain((xs) =>
          fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length })),
        ),
        ([xs, permuted]) => {
          expect(Amount.sum(permuted)).toEqual(Amount.sum(xs));
          expect(Amount.sum(xs)).toEqual(xs.reduce((acc, x) => acc.plus(x), Amount.ZERO));
        },
      ),
      RUNS,
    );
  });

  it('sum agrees with decimal.js', () => {
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 30 }), (xs) => {
        const expected = xs.reduce((acc, x) => acc.plus(decimal(x)), new Exact(0));
        expect(decimal(Amount.sum(xs)).eq(expected)).toBe(true);
      }),
      RUNS,
    );
  });

  it('parse(toString(a)) is identical to a, and toString is canonical', () => {
    fc.assert(
      fc.property(amount, (a) => {
        const s = a.toString();
        expect(Amount.isCanonical(s)).toBe(true);
        expect(parsed(s)).toEqual(a);
      }),
      RUNS,
    );
  });

  it('parse(format(a)) equals a; the scale is max(scale, decimals)', () => {
    fc.assert(
      fc.property(amount, fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }), fc.boolean(), (a, decimals, grouping) => {
        const text = decimals === undefined ? a.format({ grouping }) : a.format({ decimals, grouping });
        const back = parsed(text);
        expect(back.equals(a)).toBe(true);
        expect(back.scale).toBe(Math.max(a.scale, decimals ?? 2));
      }),
      RUNS,
    );
  });

  it('parse(format(a)) is identical to a for published 2-decimal amounts', () => {
    fc.assert(
      fc.property(published, (a) => {
        expect(parsed(a.format())).toEqual(a);
      }),
      RUNS,
    );
  });

  it('plus and minus are inverse', () => {
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        expect(a.plus(b).minus(b).equals(a)).toBe(true);
        expect(a.minus(b).plus(b).equals(a)).toBe(true);
        expect(a.minus(a).isZero()).toBe(true);
        expect(a.plus(b)).toEqual(b.plus(a));
      }),
      RUNS,
    );
  });

  it('cmp is consistent with the sign of the difference and with decimal.js', () => {
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        const d = a.minus(b);
        expect(a.cmp(b)).toBe(d.isZero() ? 0 : d.isNegative() ? -1 : 1);
        expect(b.cmp(a)).toBe(-a.cmp(b) || 0);
        expect(a.cmp(b)).toBe(decimal(a).cmp(decimal(b)));
      }),
      RUNS,
    );
  });

  it('round is half away from zero, like decimal.js ROUND_HALF_UP', () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: 0, max: 6 }), (a, decimals) => {
        const r = a.round(decimals);
        expect(r.scale).toBe(decimals);
        expect(r.toString()).toBe(decimal(a).toFixed(decimals).replace(/^-(?=0(?:\.0*)?$)/, ''));
        expect(r.hasMoreDecimalsThan(decimals)).toBe(false);
        expect(a.hasMoreDecimalsThan(decimals)).toBe(!r.equals(a));
      }),
      RUNS,
    );
  });

  it('fromExcel(Number(s)) gives back s without trailing zeros', () => {
    fc.assert(
      fc.property(published, (a) => {
        const s = a.toString();
        const normalised = s.replace(/0+$/, '').replace(/\.$/, '');
        const back = Amount.fromExcel(Number(s));
        expect(back?.toString()).toBe(normalised);
        expect(back?.equals(a)).toBe(true);
      }),
      RUNS,
    );
  });

  it('convert 元 → 万元 → 元 is the identity', () => {
    fc.assert(
      fc.property(amount, (a) => {
        const wan = convert(a, '元', '万元');
        expect(wan.scale).toBe(a.scale + 4);
        expect(convert(wan, '万元', '元')).toEqual(a);
        expect(decimal(wan).times(10000).eq(decimal(a))).toBe(true);
      }),
      RUNS,
    );
  });

  it('convert 万元 → 元 → 万元 keeps the value', () => {
    fc.assert(
      fc.property(amount, (a) => {
        expect(convert(convert(a, '万元', '元'), '元', '万元').equals(a)).toBe(true);
      }),
      RUNS,
    );
  });

  it('times agrees with repeated addition', () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: -20, max: 20 }), (a, k) => {
        const repeated = Amount.sum(Array.from({ length: Math.abs(k) }, () => a));
        expect(a.times(k).equals(k < 0 ? repeated.negate() : repeated)).toBe(true);
        expect(a.times(BigInt(k))).toEqual(a.times(k));
      }),
      RUNS,
    );
  });

  it('parse never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (text) => {
        const r = Amount.parse(text);
        expect(['blank', 'amount', 'invalid']).toContain(r.kind);
      }),
      RUNS,
    );
  });
});
