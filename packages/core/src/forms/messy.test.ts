import { describe, expect, it } from 'vitest';
import { referenceDisclosure } from '../reference/index.js';
import { messyReferenceGrids } from './__fixtures__/messy-reference.js';
import { parseForms } from './parse.js';

describe('the reference forms as a person types them', () => {
  const reference = referenceDisclosure();
  const grids = messyReferenceGrids();
  const parsed = parseForms(grids);

  it('parse gives the reference forms and performance tables exactly', () => {
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.model.forms).toStrictEqual(reference.forms);
    expect(parsed.model.performance).toStrictEqual(reference.performance);
  });

  it('finds every table, two of them on one sheet, and the unit from a title prefix', () => {
    expect(parsed.tables.map((t) => t.form)).toEqual(['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09', 'T10', 'T11', 'T12', ...reference.performance.map(() => 'P')]);
    expect(parsed.tables.filter((t) => t.sheet === '基金与国资').map((t) => t.form)).toEqual(['T08', 'T09']);
    expect(parsed.model.unit).toStrictEqual({ name: reference.unit.name, year: 2024 });
  });

  it('points figures at the cells where the person typed them', () => {
    expect(parsed.sourceMap['forms.T02.total.values.total']).toMatchObject({ sheet: '收入', cell: 'E7' });
    expect(parsed.sourceMap['forms.T03.rows.2.code']).toMatchObject({ sheet: '支出', cell: 'A8' });
    expect(parsed.sourceMap['forms.T04.income.0.values.amount']).toMatchObject({ sheet: 'Sheet4', cell: 'C6' });
    expect(parsed.sourceMap['performance.0.funds.other']).toMatchObject({ sheet: '项目绩效目标', cell: 'E6' });
  });
});
