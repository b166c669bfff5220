// Golden tests of every report format: the built CLI on the reference disclosure, as a
// model JSON and as the forms workbook yusuan generates from it, in Chinese and English.
// Paths in the output are relative (the CLI runs in a temporary folder), so the goldens
// do not depend on the machine. Regenerate them with YUSUAN_UPDATE_GOLDEN=1.
//
// Beyond the bytes: SARIF validates against the SARIF 2.1.0 schema and carries the rule
// catalogue and physical and logical locations; JUnit is well-formed XML whose counts add
// up; JSON has exactly the documented shape (docs/cli.md).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseA1, RULES } from '@yusuan/core';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';
import { goldenDir, referenceJson, requireBuild, runCli, writeReferenceForms, type CliRun } from './check-helpers.js';

const FILES = ['reference.json', 'reference-forms.xlsx'] as const;
const LANGS = ['zh-CN', 'en'] as const;
const FORMATS = { stylish: 'stylish.txt', json: 'json', sarif: 'sarif', junit: 'junit.xml' } as const;
type Format = keyof typeof FORMATS;
type Lang = (typeof LANGS)[number];

const update = process.env.YUSUAN_UPDATE_GOLDEN === '1';
let dir = '';
const runs = new Map<string, CliRun>();
const key = (format: Format, lang: Lang) => `${format}.${lang}`;

/** The output as compared with its golden: the tool version (SARIF) stands as <VERSION>. */
function normalise(format: Format, text: string): string {
  return format === 'sarif' ? text.replace(`"version": "${VERSION}",`, '"version": "<VERSION>",') : text;
}

function output(format: Format, lang: Lang): string {
  const run = runs.get(key(format, lang));
  if (!run) throw new Error(`no run for ${key(format, lang)}`);
  return run.out;
}

beforeAll(async () => {
  requireBuild();
  dir = mkdtempSync(join(tmpdir(), 'yusuan-golden-'));
  writeFileSync(join(dir, 'reference.json'), referenceJson());
  await writeReferenceForms(join(dir, 'reference-forms.xlsx'));
  const jobs = LANGS.flatMap((lang) => (Object.keys(FORMATS) as Format[]).map((format) => ({ lang, format })));
  // two at a time: CI machines have two cores
  for (let i = 0; i < jobs.length; i += 2) {
    await Promise.all(
      jobs.slice(i, i + 2).map(async ({ lang, format }) => {
        runs.set(key(format, lang), await runCli(['check', ...FILES, '--format', format, '--lang', lang], { cwd: dir }));
      }),
    );
  }
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('goldens', () => {
  describe.each(LANGS)('%s', (lang) => {
    it.each(Object.keys(FORMATS) as Format[])('%s matches its golden file, exit 1, nothing on stderr', (format) => {
      const run = runs.get(key(format, lang));
      expect(run?.err).toBe('');
      expect(run?.code).toBe(1);
      const file = join(goldenDir, `reference.${lang}.${FORMATS[format]}`);
      const actual = normalise(format, output(format, lang));
      if (update) {
        mkdirSync(goldenDir, { recursive: true });
        writeFileSync(file, actual);
      }
      expect(existsSync(file), `${file} is missing: run the test with YUSUAN_UPDATE_GOLDEN=1`).toBe(true);
      expect(actual).toBe(readFileSync(file, 'utf8'));
    });
  });

  it('holds no absolute path and no temporary folder', () => {
    for (const lang of LANGS) {
      for (const format of Object.keys(FORMATS) as Format[]) {
        const text = output(format, lang);
        expect(text).not.toContain(dir);
        expect(text).not.toContain(tmpdir());
      }
    }
  });
});

// ---------------------------------------------------------------------------
// JSON: the documented shape, field by field (docs/cli.md › The JSON format)

const LOCATION = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    form: { type: 'string', pattern: '^(T(0[1-9]|1[0-2])|P|N)$' },
    sheet: { type: 'string', minLength: 1 },
    cell: { type: 'string', pattern: '^[A-Z]{1,3}[1-9][0-9]*$' },
    line: { type: 'integer', minimum: 1 },
    rowKey: { type: 'string', minLength: 1 },
    columnKey: { type: 'string', minLength: 1 },
    project: { type: 'string', minLength: 1 },
  },
  dependencies: { cell: ['sheet'] },
} as const;

const REPORT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['schemaVersion', 'results'],
  properties: {
    schemaVersion: { const: 1 },
    results: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['file', 'errorCount', 'warningCount', 'diagnostics'],
        properties: {
          file: { type: 'string', minLength: 1 },
          errorCount: { type: 'integer', minimum: 0 },
          warningCount: { type: 'integer', minimum: 0 },
          diagnostics: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['ruleId', 'severity', 'message', 'location'],
              properties: {
                ruleId: { type: 'string', pattern: '^[a-z]+/[a-z0-9-]+$' },
                severity: { enum: ['error', 'warning', 'info'] },
                message: { type: 'string', minLength: 1 },
                location: LOCATION,
                // amounts as decimal strings ("10351.24"); for some rules a name, a year or a count
                expected: { type: 'string' },
                actual: { type: 'string' },
                related: { type: 'array', minItems: 1, items: LOCATION },
              },
            },
          },
        },
      },
    },
  },
} as const;

interface JsonDiagnostic {
  ruleId: string;
  severity: string;
  message: string;
  location: Record<string, string | number>;
  expected?: string;
  actual?: string;
  related?: Record<string, string | number>[];
}
interface JsonReport {
  schemaVersion: number;
  results: { file: string; errorCount: number; warningCount: number; diagnostics: JsonDiagnostic[] }[];
}

describe('the JSON format', () => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  const validate = ajv.compile(REPORT_SCHEMA);

  it.each(LANGS)('has the documented shape (%s), no field without a value, counts that add up', (lang) => {
    const report = JSON.parse(output('json', lang)) as JsonReport;
    const ok = validate(report);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
    expect(ok).toBe(true);
    expect(report.results.map((r) => r.file)).toEqual([...FILES]);
    for (const r of report.results) {
      expect(r.errorCount).toBe(r.diagnostics.filter((d) => d.severity === 'error').length);
      expect(r.warningCount).toBe(r.diagnostics.filter((d) => d.severity === 'warning').length);
    }
    expect(output('json', lang)).not.toMatch(/: null|: ""|"undefined"/);
  });

  it('locates a finding of the model by form, row and column, and one of the workbook by sheet and cell as well', () => {
    const report = JSON.parse(output('json', 'zh-CN')) as JsonReport;
    const [model, forms] = report.results;
    const zero = (r: (typeof report.results)[number] | undefined) => r?.diagnostics.find((d) => d.ruleId === 'amount/zero-style');
    expect(zero(model)).toMatchObject({ severity: 'warning', location: { form: 'T01', rowKey: 'expense.229', columnKey: 'amount' }, actual: '0.00' });
    expect(zero(model)?.location).not.toHaveProperty('sheet');
    expect(zero(forms)?.location).toEqual({ form: 'T01', rowKey: 'expense.229', columnKey: 'amount', sheet: '表1 收支总体情况表', cell: 'D25' });
    expect(zero(forms)?.related?.length).toBeGreaterThan(0);
    expect(zero(forms)?.related?.every((l) => typeof l.cell === 'string' && l.sheet === '表1 收支总体情况表')).toBe(true);
    const english = JSON.parse(output('json', 'en')) as JsonReport;
    expect(english.results[0]?.diagnostics.map((d) => d.ruleId)).toEqual(model?.diagnostics.map((d) => d.ruleId));
    expect(english.results[0]?.diagnostics.find((d) => d.ruleId === 'amount/zero-style')?.message).toMatch(/ shows 0\.00 /);
  });

  it('the schema rejects what the format never holds', () => {
    const bad = (patch: (r: JsonReport) => void) => {
      const r = JSON.parse(output('json', 'zh-CN')) as JsonReport;
      patch(r);
      return validate(r);
    };
    expect(bad(() => undefined)).toBe(true);
    expect(bad((r) => (r.schemaVersion = 2))).toBe(false);
    expect(bad((r) => Object.assign(r.results[0]?.diagnostics[0]?.location ?? {}, { cell: null }))).toBe(false);
    expect(bad((r) => Object.assign(r.results[0]?.diagnostics[0] ?? {}, { messageId: 'x' }))).toBe(false);
  });
});

// ---------------------------------------------------------------------------
// SARIF 2.1.0

const require = createRequire(import.meta.url);

function sarifValidator() {
  const schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
  // a draft-04 schema: Ajv 8 reads it once its draft markers are gone (its keywords are the same);
  // one of its patterns is not a valid unicode regular expression
  delete schema.$schema;
  delete schema.id;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn?: number } };
  logicalLocations?: { fullyQualifiedName: string; kind: string }[];
  properties?: { sheet?: string; cell?: string };
}
interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: SarifLocation[];
  relatedLocations?: (SarifLocation & { id: number })[];
}
interface Sarif {
  version: string;
  runs: { tool: { driver: { name: string; version: string; rules: { id: string; shortDescription: { text: string }; helpUri: string }[] } }; artifacts: { location: { uri: string } }[]; results: SarifResult[] }[];
}

describe('SARIF', () => {
  const validate = sarifValidator();

  it.each(LANGS)('validates against the SARIF 2.1.0 schema (%s)', (lang) => {
    const sarif = JSON.parse(output('sarif', lang)) as Sarif;
    const ok = validate(sarif);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
    expect(ok).toBe(true);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
  });

  it('the schema check is real: a result without a message fails it', () => {
    const sarif = JSON.parse(output('sarif', 'zh-CN')) as Sarif;
    delete (sarif.runs[0]?.results[0] as Partial<SarifResult>).message;
    expect(validate(sarif)).toBe(false);
  });

  it('lists every rule in tool.driver.rules, in registry order, with its page', () => {
    const driver = (JSON.parse(output('sarif', 'zh-CN')) as Sarif).runs[0]?.tool.driver;
    expect(driver?.name).toBe('yusuan');
    expect(driver?.version).toBe(VERSION);
    expect(driver?.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    for (const r of driver?.rules ?? []) {
      expect(r.shortDescription.text).not.toBe('');
      expect(r.helpUri).toMatch(new RegExp(`/docs/rules/${r.id}\\.md$`));
    }
  });

  it('gives each result its rule, level, message, the file with the sheet row and column, and a logical location', () => {
    const run = (JSON.parse(output('sarif', 'zh-CN')) as Sarif).runs[0];
    const json = JSON.parse(output('json', 'zh-CN')) as JsonReport;
    expect(run?.artifacts.map((a) => a.location.uri)).toEqual([...FILES]);
    expect(run?.results).toHaveLength(json.results.reduce((n, r) => n + r.diagnostics.length, 0));
    const ruleIds = run?.tool.driver.rules.map((r) => r.id) ?? [];
    for (const r of run?.results ?? []) {
      expect(r.ruleId).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
      if (r.ruleIndex !== undefined) expect(ruleIds[r.ruleIndex]).toBe(r.ruleId);
      expect(['error', 'warning', 'note']).toContain(r.level);
      expect(r.message.text).not.toBe('');
      const [loc] = r.locations;
      expect(FILES).toContain(loc?.physicalLocation.artifactLocation.uri);
      expect(loc?.logicalLocations?.[0]?.fullyQualifiedName).toMatch(/\S/);
      if (loc?.physicalLocation.artifactLocation.uri === 'reference-forms.xlsx' && loc.properties?.cell) {
        const cell = parseA1(loc.properties.cell);
        expect(loc.properties.sheet).toMatch(/\S/);
        expect(loc.physicalLocation.region).toEqual({ startLine: (cell?.row ?? -1) + 1, startColumn: (cell?.col ?? -1) + 1 });
      }
    }
    const levels = (uri: string, level: string) => run?.results.filter((r) => r.locations[0]?.physicalLocation.artifactLocation.uri === uri && r.level === level).length;
    for (const r of json.results) {
      expect(levels(r.file, 'error')).toBe(r.errorCount);
      expect(levels(r.file, 'warning')).toBe(r.warningCount);
    }
    const inWorkbook = run?.results.filter((r) => r.locations[0]?.physicalLocation.artifactLocation.uri === 'reference-forms.xlsx') ?? [];
    expect(inWorkbook.length).toBeGreaterThan(0);
    expect(inWorkbook.every((r) => r.locations[0]?.properties?.cell !== undefined)).toBe(true);
    const zero = inWorkbook.find((r) => r.ruleId === 'amount/zero-style')?.locations[0];
    expect(zero).toEqual({
      physicalLocation: { artifactLocation: { uri: 'reference-forms.xlsx' }, region: { startLine: 25, startColumn: 4 } },
      logicalLocations: [{ fullyQualifiedName: '表一 收支总体情况表 › 二十一、其他支出 › 预算数', kind: 'element' }],
      properties: { sheet: '表1 收支总体情况表', cell: 'D25' },
    });
  });
});

// ---------------------------------------------------------------------------
// JUnit XML

/** Whether xmllint (libxml2-utils, installed by .ci/run) finds the text well-formed; its complaint otherwise. */
function xmllint(text: string): string {
  const r = spawnSync('xmllint', ['--noout', '-'], { input: text, encoding: 'utf8' });
  if (r.error) throw new Error(`xmllint is needed for this test (apt-get install libxml2-utils): ${r.error.message}`);
  return r.status === 0 ? '' : r.stderr;
}

function attr(tag: string, name: string): number {
  const m = new RegExp(`\\s${name}="([0-9]+)"`).exec(tag);
  if (!m) throw new Error(`no ${name} in ${tag}`);
  return Number(m[1]);
}

describe('JUnit', () => {
  it('the well-formedness check is real', () => {
    expect(xmllint('<a><b></a>')).not.toBe('');
    expect(xmllint('<a name="&lt;x&gt;"><b/></a>')).toBe('');
  });

  it.each(LANGS)('is well-formed XML whose testsuites, testsuite, testcase and failure counts add up (%s)', (lang) => {
    const xml = output('junit', lang);
    expect(xmllint(xml)).toBe('');
    const json = JSON.parse(output('json', lang)) as JsonReport;
    const top = /<testsuites[^>]*>/.exec(xml)?.[0] ?? '';
    const suites = [...xml.matchAll(/<testsuite\s[^>]*>([\s\S]*?)<\/testsuite>/g)];
    expect(suites.map((s) => /name="([^"]*)"/.exec(s[0])?.[1])).toEqual([...FILES]);
    let tests = 0;
    let failures = 0;
    suites.forEach((s, i) => {
      const open = /<testsuite\s[^>]*>/.exec(s[0])?.[0] ?? '';
      const cases = (s[1] ?? '').match(/<testcase\s/g)?.length ?? 0;
      const failed = (s[1] ?? '').match(/<failure\s/g)?.length ?? 0;
      expect(attr(open, 'tests')).toBe(cases);
      expect(attr(open, 'failures')).toBe(failed);
      expect(failed).toBe(json.results[i]?.diagnostics.length);
      tests += cases;
      failures += failed;
    });
    expect(attr(top, 'tests')).toBe(tests);
    expect(attr(top, 'failures')).toBe(failures);
    expect(attr(top, 'errors')).toBe(0);
  });
});
