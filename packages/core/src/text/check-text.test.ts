// checkText on the reference disclosure's text: no error from sums, comparisons,
// structure or the narrative's amounts, and the known defects of RULES.md
// reported at their lines of the text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkText } from '../check/check.js';
import { checkDisclosure } from '../rules/check.js';
import { referenceDisclosure } from '../reference/index.js';

const SEED = readFileSync(new URL('../../data/reference/000_4b2f979ab54e32ae.txt', import.meta.url), 'utf8');
const result = checkText(SEED);
const at = (ruleId: string) =>
  result.diagnostics
    .filter((d) => d.ruleId === ruleId)
    .map((d) => `${d.location.line ?? '?'}${d.related && d.related.length > 0 ? `→${d.related.map((r) => r.line ?? '?').join(',')}` : ''}`);

describe('checkText on the reference text', () => {
  it('is a text check, every finding at a line', () => {
    expect(result.kind).toBe('text');
    expect(result.diagnostics.length).toBeGreaterThan(0);
    for (const d of result.diagnostics) {
      expect(d.location.line, `${d.ruleId} ${d.location.rowKey ?? ''}`).toBeGreaterThan(0);
      expect(d.location.sheet).toBeUndefined();
      expect(d.location.cell).toBeUndefined();
    }
  });

  it('has no error from sum/*, cross/*, struct/*, code/*, amount/*, parse/* or text/amount', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error' && !d.ruleId.startsWith('perf/')).map((d) => d.ruleId)).toEqual([]);
    expect(result.diagnostics.filter((d) => /^(sum|cross|struct|parse)\//.test(d.ruleId) || d.ruleId === 'text/amount')).toEqual([]);
  });

  it('reports the known defects of RULES.md at their lines', () => {
    expect(at('perf/satisfaction-placement')).toEqual(['356', '357', '359', '360']);
    expect(at('perf/duplicate')).toEqual(['358→347', '359→348', '360→349', '381→380', '467→466', '469→468']);
    expect(result.diagnostics.filter((d) => d.ruleId === 'perf/cost-vs-funds').map((d) => d.location.project)).toEqual(['养老保障（先创区-民生）', '项目业务费（先创区）', '项目业务费（先创区）']);
    expect(at('perf/cost-vs-funds')).toEqual(['454→459,460,461,462', '484→478', '485→478']);
  });

  it('T01’s 0.00 (L101) and T11’s unlabelled total (L268) give warnings at most', () => {
    const l101 = result.diagnostics.filter((d) => d.location.line === 101);
    expect(l101.map((d) => `${d.ruleId} ${d.severity}`)).toEqual(['amount/zero-style warning']);
    expect(result.diagnostics.filter((d) => d.location.line === 268 && d.severity === 'error')).toEqual([]);
  });

  it('gives the same findings as the fixture model, besides their lines', () => {
    const key = (d: { ruleId: string; severity: string; messageId: string; data: object }) => `${d.ruleId} ${d.severity} ${d.messageId} ${JSON.stringify(d.data)}`;
    expect(result.diagnostics.map(key).sort()).toEqual(checkDisclosure(referenceDisclosure()).diagnostics.map(key).sort());
    expect(result.errorCount).toBe(10);
  });
});
