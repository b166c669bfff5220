// importText takes any text: it never throws, its model has the model's shape
// wherever the text allowed one. (Its speed is measured by the benchmark, scripts/bench.mjs.)
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkText } from '../check/check.js';
import { importText } from './import.js';

const SEED = readFileSync(new URL('../../data/reference/000_4b2f979ab54e32ae.txt', import.meta.url), 'utf8');
const LINES = SEED.split('\n');

/** Pieces texts are made of: the seed's own lines and the characters that steer the reader. */
const piece = fc.oneof(
  fc.constantFrom(...LINES),
  fc.constantFrom('\t', '\n', ' ', '　', '。', '，', '：', '（', '）', '、', '第三部分', '一、', '（二）', '注：', '单位：万元', '收支总体情况表', '2024年预算项目支出绩效目标表', '一级指标\t二级指标\t三级指标\t指标值', '目录', '10,351.24万元', '拟对', '等4个项目开展部门重点绩效评价'),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

function wellFormed(text: string): void {
  const r = importText(text);
  expect(Array.isArray(r.diagnostics)).toBe(true);
  expect(r.model.schemaVersion).toBe(1);
  expect(Array.isArray(r.model.performance)).toBe(true);
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const loc of Object.values(r.sourceMap)) {
    if (loc.line !== undefined) {
      expect(loc.line).toBeGreaterThanOrEqual(1);
      expect(loc.line).toBeLessThanOrEqual(lines);
    }
    expect(loc.sheet).toBeUndefined();
  }
  for (const d of r.diagnostics) if (d.location.line !== undefined) expect(d.location.line).toBeLessThanOrEqual(lines);
}

describe('importText never throws', { timeout: 180_000 }, () => {
  it('on random strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (s) => wellFormed(s)), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => wellFormed(s)), { numRuns: 200 });
  });

  it('on texts assembled from the seed’s lines and the reader’s key words', () => {
    fc.assert(fc.property(fc.array(piece, { maxLength: 80 }), (parts) => wellFormed(parts.join(''))), { numRuns: 200 });
    fc.assert(fc.property(fc.array(piece, { maxLength: 80 }), (parts) => wellFormed(parts.join('\n'))), { numRuns: 200 });
  });

  it('on the seed with random lines deleted, duplicated or shuffled', () => {
    const edit = fc.oneof(
      fc.record({ op: fc.constant('delete' as const), at: fc.nat(LINES.length - 1), n: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(LINES.length - 1), n: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ op: fc.constant('swap' as const), at: fc.nat(LINES.length - 1), to: fc.nat(LINES.length - 1) }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        const lines = [...LINES];
        for (const e of edits) {
          if (e.op === 'delete') lines.splice(e.at, e.n);
          else if (e.op === 'duplicate') lines.splice(e.at, 0, ...lines.slice(e.at, e.at + e.n));
          else {
            const a = lines[e.at];
            const b = lines[e.to];
            if (a !== undefined && b !== undefined) {
              lines[e.at] = b;
              lines[e.to] = a;
            }
          }
        }
        wellFormed(lines.join('\n'));
      }),
      { numRuns: 40 },
    );
    fc.assert(
      fc.property(fc.shuffledSubarray(LINES, { minLength: 0, maxLength: LINES.length }), (lines) => wellFormed(lines.join('\n'))),
      { numRuns: 8 },
    );
  });

  it('checkText gives diagnostics for a text with no recognisable table: struct/required-form for every form', () => {
    const r = checkText('这是一份没有表格的文字。\n\n第一部分\n\n部门概况\n\n一、主要职责。');
    expect(r.kind).toBe('text');
    const missing = r.diagnostics.filter((d) => d.ruleId === 'struct/required-form');
    expect(missing).toHaveLength(12);
    expect(missing.every((d) => d.severity === 'error')).toBe(true);
    expect(r.diagnostics.some((d) => d.ruleId === 'parse/no-tables' && d.location.line === 1)).toBe(true);
  });
});
