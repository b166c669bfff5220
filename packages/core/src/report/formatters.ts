/**
 * Report formatters: pure functions of a batch of check results. Diagnostics
 * are data until here; messages are rendered in the requested language.
 */
import type { Diagnostic, Location } from '../diagnostics/types.js';
import type { Lang } from '../model/paths.js';
import { describeLocation } from '../rules/engine/describe.js';
import type { AnyRule } from '../rules/engine/types.js';
import { renderMessage } from '../rules/check.js';
import { RULES } from '../rules/registry.js';


export interface FileResult {
  /** The file as the user named it (relative path). */
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly errorCount: number;
  readonly warningCount: number;
}

export const REPORT_SCHEMA_VERSION = 1;
export const TOOL_NAME = 'yusuan';
export const TOOL_URI = 'https://github.com/yusuan/yusuan';

interface JsonLocation {
  form?: string;
  sheet?: string;
  cell?: string;
  line?: number;
  rowKey?: string;
  columnKey?: string;
  project?: string;
}

function jsonLocation(l: Location): JsonLocation {
  const out: JsonLocation = {};
  if (l.form !== undefined) out.form = l.form;
  if (l.sheet !== undefined) out.sheet = l.sheet;
  if (l.cell !== undefined) out.cell = l.cell;
  if (l.line !== undefined) out.line = l.line;
  if (l.rowKey !== undefined) out.rowKey = l.rowKey;
  if (l.columnKey !== undefined) out.columnKey = l.columnKey;
  if (l.project !== undefined) out.project = l.project;
  return out;
}

/** The stable JSON format (documented in docs/cli.md); fields that do not apply are omitted. */
export function formatJson(results: readonly FileResult[], lang: Lang = 'zh-CN'): string {
  const body = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    results: results.map((r) => ({
      file: r.file,
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      diagnostics: r.diagnostics.map((d) => ({
        ruleId: d.ruleId,
        severity: d.severity,
        message: renderMessage(d, lang),
        location: jsonLocation(d.location),
        ...(d.expected !== undefined ? { expected: d.expected } : {}),
        ...(d.actual !== undefined ? { actual: d.actual } : {}),
        ...(d.related && d.related.length > 0 ? { related: d.related.map(jsonLocation) } : {}),
      })),
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

function cellPosition(cell: string | undefined): { row: number; col: number } | undefined {
  const m = /^([A-Z]+)([0-9]+)$/.exec(cell ?? '');
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1] ?? '') col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

function sarifLocation(file: string, l: Location, lang: Lang) {
  const pos = cellPosition(l.cell);
  const region = l.line !== undefined ? { startLine: l.line } : pos ? { startLine: pos.row, startColumn: pos.col } : undefined;
  const logical = describeLocation(l, lang);
  return {
    physicalLocation: {
      artifactLocation: { uri: file },
      ...(region ? { region } : {}),
    },
    ...(logical ? { logicalLocations: [{ fullyQualifiedName: logical, kind: 'element' }] } : {}),
    ...(l.sheet !== undefined ? { properties: { sheet: l.sheet, ...(l.cell !== undefined ? { cell: l.cell } : {}) } } : {}),
  };
}

function ruleDescriptor(rule: AnyRule, lang: Lang) {
  return {
    id: rule.id,
    name: rule.id.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.meta.title[lang] },
    fullDescription: { text: `${rule.meta.title[lang]}（${rule.meta.source}）` },
    helpUri: `${TOOL_URI}/blob/main/docs/rules/${rule.id}.md`,
    defaultConfiguration: { level: rule.defaultSeverity === 'error' ? 'error' : 'warning' },
  };
}

/** SARIF 2.1.0: one run, the rule catalogue in tool.driver.rules, a result per diagnostic. */
export function formatSarif(results: readonly FileResult[], opts: { lang?: Lang; version?: string } = {}): string {
  const lang = opts.lang ?? 'zh-CN';
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            informationUri: TOOL_URI,
            version: opts.version ?? '0.0.0',
            rules: RULES.map((r) => ruleDescriptor(r, lang)),
          },
        },
        artifacts: results.map((r) => ({ location: { uri: r.file } })),
        results: results.flatMap((r) =>
          r.diagnostics.map((d) => ({
            ruleId: d.ruleId,
            ...(index.has(d.ruleId) ? { ruleIndex: index.get(d.ruleId) } : {}),
            level: d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'note',
            message: { text: renderMessage(d, lang) },
            locations: [sarifLocation(r.file, d.location, lang)],
            ...(d.related && d.related.length > 0 ? { relatedLocations: d.related.map((l, id) => ({ id, ...sarifLocation(r.file, l, lang) })) } : {}),
            ...(d.expected !== undefined || d.actual !== undefined ? { properties: { ...(d.expected !== undefined ? { expected: d.expected } : {}), ...(d.actual !== undefined ? { actual: d.actual } : {}) } } : {}),
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/** Escapes XML text and drops the control characters XML 1.0 cannot carry. */
function xml(s: string): string {
  const kept = [...s].filter((ch) => {
    const c = ch.charCodeAt(0);
    return c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
  });
  return kept.join('').replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** JUnit XML: a test suite per file, a failing test case per error or warning, one passing case for a clean file. */
export function formatJunit(results: readonly FileResult[], lang: Lang = 'zh-CN'): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const total = results.reduce((n, r) => n + Math.max(1, r.diagnostics.length), 0);
  const failures = results.reduce((n, r) => n + r.diagnostics.length, 0);
  lines.push(`<testsuites name="${TOOL_NAME}" tests="${total}" failures="${failures}" errors="0">`);
  for (const r of results) {
    const tests = Math.max(1, r.diagnostics.length);
    lines.push(`  <testsuite name="${xml(r.file)}" tests="${tests}" failures="${r.diagnostics.length}" errors="0" skipped="0">`);
    if (r.diagnostics.length === 0) lines.push(`    <testcase classname="${xml(r.file)}" name="${xml(lang === 'en' ? 'no findings' : '未发现问题')}"/>`);
    for (const d of r.diagnostics) {
      const where = [d.location.sheet && d.location.cell ? `${d.location.sheet}!${d.location.cell}` : '', d.location.line !== undefined ? `L${d.location.line}` : '', describeLocation(d.location, lang)].filter(Boolean).join(' ');
      const message = renderMessage(d, lang);
      lines.push(`    <testcase classname="${xml(d.ruleId)}" name="${xml(`${where}`)}">`);
      lines.push(`      <failure type="${xml(d.severity)}" message="${xml(message)}">${xml(`${d.ruleId} ${d.severity}: ${message}`)}</failure>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
