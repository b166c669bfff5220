import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pathKey } from '../diagnostics/types.js';
import { parseA1, type Grid } from '../grid/grid.js';
import { DisclosureSchema, type Disclosure } from '../model/schema.js';
import { referenceDisclosure } from '../reference/index.js';
import { arbitraryDisclosure } from './arbitrary.js';
import { generateForms } from './generate.js';
import { parseForms } from './parse.js';

const reference = referenceDisclosure();

/** What the forms carry of a model: the forms and the performance tables. */
function formsPart(m: Disclosure) {
  return { forms: m.forms, performance: m.performance };
}

/** Every leaf of a model value with its path (strings and numbers). */
function leaves(value: unknown, path: (string | number)[] = []): [(string | number)[], string | number][] {
  if (typeof value === 'string' || typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [];
}

function cellOf(grids: readonly Grid[], sheet: string | undefined, cell: string | undefined) {
  const g = grids.find((x) => x.name === sheet);
  const at = parseA1(cell ?? '');
  return g && at ? (g.rows[at.row]?.[at.col] ?? null) : undefined;
}

describe('round trip of the reference disclosure', () => {
  const sheets = generateForms(reference);
  const parsed = parseForms(sheets, { unit: { name: reference.unit.name } });

  it('parse(generate(reference)) gives back its forms and performance tables', () => {
    expect(parsed.diagnostics).toEqual([]);
    expect(formsPart(parsed.model)).toStrictEqual(formsPart(reference));
    expect(parsed.model.performance.flatMap((p) => p.indicators)).toHaveLength(112);
  });

  it('takes the year from the forms and the unit name from the caller (the forms do not carry it)', () => {
    expect(parsed.model.unit).toStrictEqual({ name: reference.unit.name, year: reference.unit.year });
    const anonymous = parseForms(sheets).model.unit;
    expect(anonymous).toStrictEqual({ name: '', year: 2024 });
    expect(parsed.model.document).toStrictEqual({ profile: 'shandong-12', amountUnit: '万元' });
  });

  it('generate(parse(g)) = g, cell for cell, merge for merge', () => {
    expect(generateForms(parsed.model)).toStrictEqual(sheets);
  });

  it('the source map points every figure and label at the cell it came from', () => {
    // Read from cells: everything but T01/T04 row keys, T07 years (from the header) and what indicator values are parsed into.
    const derived = (p: (string | number)[]) => p[p.length - 1] === 'key' || p.includes('years') || (p[p.length - 2] === 'value' && p.includes('indicators'));
    const figures = leaves(formsPart(parsed.model)).filter(([p]) => !derived(p) || p[p.length - 1] === 'text');
    expect(figures.length).toBeGreaterThan(700);
    for (const [path, value] of figures) {
      const loc = parsed.sourceMap[pathKey(path[path.length - 1] === 'text' ? path.slice(0, -1) : path)];
      expect(loc, pathKey(path)).toBeDefined();
      const cell = cellOf(sheets, loc?.sheet, loc?.cell);
      const last = path[path.length - 1];
      if (path.includes('values') || path.includes('funds')) expect(Number(value), pathKey(path)).toBe(cell);
      else if (last === 'text') expect(cell, pathKey(path)).toBe(value);
      else if (typeof value === 'string' && ['label', 'name', 'project', 'title', 'note', 'level3', 'type', 'department', 'implementer', 'target', 'level1', 'level2'].includes(String(last))) {
        expect(String(cell), pathKey(path)).toContain(value);
      }
    }
    expect(parsed.sourceMap[pathKey(['forms', 'T02', 'rows', 2, 'values', 'gpb'])]).toStrictEqual({ form: 'T02', rowKey: '2080107', columnKey: 'gpb', sheet: '表2 收入总体情况表', cell: 'G8' });
    expect(parsed.sourceMap[pathKey(['forms', 'T01', 'expense', 6, 'values', 'amount'])]).toMatchObject({ rowKey: 'expense.208', columnKey: 'amount', cell: 'D11' });
    expect(parsed.sourceMap[pathKey(['performance', 0, 'funds', 'total'])]).toMatchObject({ form: 'P', rowKey: 'funds', columnKey: 'total', project: '创业担保贷款贴息（先创区）' });
  });
});

describe('round trip of random models', () => {
  it('arbitraryDisclosure() produces valid models', () => {
    fc.assert(
      fc.property(arbitraryDisclosure(), (m) => {
        expect(DisclosureSchema.safeParse(m).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('parse(generate(m)) = m for 1,000 random models', { timeout: 180_000 }, () => {
    fc.assert(
      fc.property(arbitraryDisclosure(), (m) => {
        const sheets = generateForms(m);
        const parsed = parseForms(sheets);
        expect(parsed.diagnostics).toEqual([]);
        expect(formsPart(parsed.model)).toStrictEqual(formsPart(m));
        if (m.forms.T07) expect(parsed.model.unit.year).toBe(m.unit.year);
        expect(generateForms(parsed.model)).toStrictEqual(sheets);
      }),
      { numRuns: 1000 },
    );
  });
});
