// Golden test: `yusuan check` on the reference disclosure's published text,
// through the built CLI with --format json. No finding from the sums, the
// comparisons between forms, the structure or the narrative's amounts; the
// known defects of RULES.md at their lines of the text.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const SEED = fileURLToPath(new URL('../../core/data/reference/000_4b2f979ab54e32ae.txt', import.meta.url));

interface JsonLocation {
  form?: string;
  line?: number;
  rowKey?: string;
  columnKey?: string;
  project?: string;
  sheet?: string;
  cell?: string;
}
interface JsonDiagnostic {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  location: JsonLocation;
  related?: JsonLocation[];
}
interface JsonReport {
  schemaVersion: number;
  results: { file: string; errorCount: number; warningCount: number; diagnostics: JsonDiagnostic[] }[];
}

/** Every finding on the reference text: rule, severity, line (→ the lines of the related cells). */
const GOLDEN = [
  'amount/zero-style warning L101 → L81,L82,L83',
  'perf/misfiled warning L350',
  'perf/misfiled warning L352',
  'perf/misfiled warning L353',
  'perf/misfiled warning L354',
  'perf/satisfaction-placement error L356',
  'perf/satisfaction-placement error L357',
  'perf/misfiled warning L358',
  'perf/duplicate error L358 → L347',
  'perf/duplicate error L359 → L348',
  'perf/satisfaction-placement error L359',
  'perf/duplicate error L360 → L349',
  'perf/satisfaction-placement error L360',
  'perf/duplicate error L381 → L380',
  'perf/copied-target warning L393 → L369',
  'perf/quantified warning L422',
  'perf/cost-vs-funds warning L454 → L459,L460,L461,L462',
  'perf/duplicate error L467 → L466',
  'perf/duplicate error L469 → L468',
  'perf/cost-vs-funds warning L484 → L478',
  'perf/cost-vs-funds warning L485 → L478',
  'perf/quantified warning L495 → L496,L497',
  'text/project-names warning L308',
  'text/project-names warning L308',
  'text/project-names warning L308',
];

let report: JsonReport;
let code: number | null;

beforeAll(() => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`npx turbo run build --filter=@yusuan/cli\` first`);
  const r = spawnSync(process.execPath, [bin, 'check', SEED, '--format', 'json'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'zh_CN.UTF-8' }, timeout: 60_000 });
  expect(r.stderr).toBe('');
  code = r.status;
  report = JSON.parse(r.stdout) as JsonReport;
});

const diagnostics = () => report.results[0]?.diagnostics ?? [];
const line = (l: JsonLocation | undefined) => `L${l?.line ?? '?'}`;
const describeFinding = (d: JsonDiagnostic) => `${d.ruleId} ${d.severity} ${line(d.location)}${d.related && d.related.length > 0 ? ` → ${d.related.map(line).join(',')}` : ''}`;

describe('yusuan check on the reference text (--format json)', () => {
  it('reads the .txt and exits 1 for the errors of its performance tables', () => {
    expect(code).toBe(1);
    expect(report.schemaVersion).toBe(1);
    expect(report.results).toHaveLength(1);
    expect(report.results[0]?.file).toBe(SEED);
  });

  it('gives exactly the golden findings, each at its line', () => {
    expect(diagnostics().map(describeFinding)).toEqual(GOLDEN);
    expect(report.results[0]?.errorCount).toBe(GOLDEN.filter((g) => g.includes(' error ')).length);
    expect(report.results[0]?.warningCount).toBe(GOLDEN.filter((g) => g.includes(' warning ')).length);
    for (const d of diagnostics()) {
      expect(d.location.sheet).toBeUndefined();
      expect(d.location.cell).toBeUndefined();
      expect(d.message).not.toMatch(/^[a-z]+\/[a-z-]+: /);
    }
  });

  it('has no sum/*, cross/*, struct/*, parse/* finding and no text/amount error', () => {
    expect(diagnostics().filter((d) => /^(sum|cross|struct|parse)\//.test(d.ruleId))).toEqual([]);
    expect(diagnostics().filter((d) => d.ruleId === 'text/amount')).toEqual([]);
  });

  it('reports the known defects of RULES.md at their lines', () => {
    const lines = (ruleId: string) => diagnostics().filter((d) => d.ruleId === ruleId);
    expect(lines('perf/satisfaction-placement').map((d) => d.location.line)).toEqual([356, 357, 359, 360]);
    expect(lines('perf/duplicate').map((d) => [d.location.line, d.related?.map((r) => r.line)])).toEqual([
      [358, [347]],
      [359, [348]],
      [360, [349]],
      [381, [380]],
      [467, [466]],
      [469, [468]],
    ]);
    expect(lines('perf/cost-vs-funds').map((d) => d.location.project)).toEqual(['养老保障（先创区-民生）', '项目业务费（先创区）', '项目业务费（先创区）']);
    expect(lines('perf/duplicate').every((d) => d.location.project !== undefined && d.location.rowKey !== undefined)).toBe(true);
  });

  it('T01’s 0.00 (L101) and T11’s unlabelled total (L268) are warnings at most', () => {
    const at = (n: number) => diagnostics().filter((d) => d.location.line === n);
    expect(at(101).map((d) => `${d.ruleId} ${d.severity}`)).toEqual(['amount/zero-style warning']);
    expect(at(268).filter((d) => d.severity === 'error')).toEqual([]);
  });
});
