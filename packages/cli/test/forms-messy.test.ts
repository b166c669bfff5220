// The reference forms as a person types them into Excel (core's messyReferenceGrids), committed as a real
// .xlsx: merged headers, numbers stored as text, blank cells holding '' or spaces, two forms on one sheet.
// YUSUAN_REGENERATE=1 npx vitest run test/forms-messy.test.ts rewrites the file from the grids.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseForms, referenceDisclosure, type CellValue, type Grid } from '@yusuan/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { messyReferenceGrids } from '../../core/src/forms/__fixtures__/messy-reference.js';
import { readWorkbookGrids } from '../src/xlsx/read-grid.js';
import { writeWorkbook } from '../src/xlsx/write.js';
import { tempDir, yusuan } from './forms-helpers.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/messy-reference.xlsx', import.meta.url));

/** A grid as it reads back from .xlsx: trailing empty cells and rows dropped, one-cell merges dropped, merges in reading order. */
function asStored(g: Grid): Grid {
  const rows = g.rows.map((r) => {
    const out = [...r];
    while (out.length > 0 && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
  const merges = (g.merges ?? []).filter((m) => m.split(':')[0] !== m.split(':')[1]);
  const key = (m: string) => {
    const [a = '', b = a] = m.split(':');
    const at = (s: string) => [Number(/[0-9]+/.exec(s)?.[0] ?? 0), s.replace(/[0-9]+/, '').padStart(3, ' ')] as const;
    return [at(a), at(b)] as const;
  };
  merges.sort((x, y) => {
    const [[r1, c1], [r2, c2]] = key(x);
    const [[s1, d1], [s2, d2]] = key(y);
    return r1 - s1 || c1.localeCompare(d1) || r2 - s2 || c2.localeCompare(d2);
  });
  return merges.length > 0 ? { name: g.name, rows, merges } : { name: g.name, rows };
}

describe('the messy reference forms workbook (test/fixtures/messy-reference.xlsx)', () => {
  let grids: Grid[];

  beforeAll(async () => {
    if (process.env.YUSUAN_REGENERATE === '1') await writeWorkbook(messyReferenceGrids(), FIXTURE);
    grids = await readWorkbookGrids(FIXTURE);
  });

  it('is committed, and holds what messyReferenceGrids() gives (regenerate with YUSUAN_REGENERATE=1)', () => {
    expect(existsSync(FIXTURE)).toBe(true);
    expect(grids).toEqual(messyReferenceGrids().map(asStored));
  });

  it('has real merges, numbers stored as text, and two forms on one sheet', () => {
    expect(grids.filter((g) => (g.merges ?? []).length > 0).length).toBeGreaterThanOrEqual(8);
    const all: CellValue[] = grids.flatMap((g) => g.rows.flat());
    expect(all).toContain('10,351.24');
    expect(all).toContain(' 10,351.24 ');
    expect(all).toContain('0.00');
    expect(all.filter((v) => typeof v === 'number').length).toBeGreaterThan(150);
    expect(grids.map((g) => g.name)).toContain('基金与国资');
  });

  it('reads back with parseForms as the reference forms and performance tables, exactly', () => {
    const reference = referenceDisclosure();
    const parsed = parseForms(grids);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.model.forms).toStrictEqual(reference.forms);
    expect(parsed.model.performance).toStrictEqual(reference.performance);
    expect(parsed.model.unit).toStrictEqual({ name: reference.unit.name, year: 2024 });
  });

  it('yusuan check finds no sum/* or cross/* error in it', () => {
    const r = yusuan(['check', FIXTURE, '--format', 'json'], tempDir());
    expect(r.err).toBe('');
    const report = JSON.parse(r.out) as { results: { diagnostics: { ruleId: string; severity: string }[] }[] };
    const diagnostics = report.results.flatMap((x) => x.diagnostics);
    expect(diagnostics.filter((d) => /^(sum|cross)\//.test(d.ruleId))).toEqual([]);
    // what remains are the reference's known defects: its performance indicators
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((d) => d.ruleId.startsWith('perf/'))).toBe(true);
  });
});
