// Docs as code: every rule has docs/rules/<id>.md, every page has a rule, and the
// examples of each page are run through its rule (wrong → at least one finding
// of that rule; right → none).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { referenceDisclosure } from '../reference/index.js';
import { DisclosureSchema, type Disclosure } from '../model/schema.js';
import { runRules } from './engine/run.js';
import { findRule, RULES } from './registry.js';
import { applyExample, type RuleExample } from './examples.js';

const docsDir = fileURLToPath(new URL('../../../../docs/rules/', import.meta.url));
const rulesDir = fileURLToPath(new URL('.', import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const pages = walk(docsDir)
  .filter((f) => f.endsWith('.md') && !f.endsWith('README.md'))
  .map((f) => relative(docsDir, f).replace(/\.md$/, ''))
  .sort();

const ruleFiles = readdirSync(rulesDir)
  .filter((d) => statSync(join(rulesDir, d)).isDirectory() && d !== 'engine' && !d.startsWith('__'))
  .flatMap((fam) =>
    readdirSync(join(rulesDir, fam))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts' && !f.startsWith('_'))
      .map((f) => `${fam}/${f.replace(/\.ts$/, '')}`),
  )
  .sort();

function examples(page: string): { kind: 'wrong' | 'right'; example: RuleExample }[] {
  const text = readFileSync(join(docsDir, `${page}.md`), 'utf8');
  const out: { kind: 'wrong' | 'right'; example: RuleExample }[] = [];
  for (const m of text.matchAll(/```json example:(wrong|right)\n([\s\S]*?)```/g)) {
    out.push({ kind: m[1] as 'wrong' | 'right', example: JSON.parse(m[2] ?? '{}') as RuleExample });
  }
  return out;
}

describe('rule docs', () => {
  it('every rule has a page and every page a rule', () => {
    expect(pages).toEqual(RULES.map((r) => r.id).sort());
  });

  it('every rule file is registered under its own id', () => {
    expect(ruleFiles).toEqual(RULES.map((r) => r.id).sort());
  });

  it('the registry is sorted and ids are unique', () => {
    const ids = RULES.map((r) => r.id);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe.each(RULES.map((r) => [r.id, r] as const))('%s', (id, rule) => {
    it('has a page with a title line, the sections and at least one wrong and one right example', () => {
      const file = join(docsDir, `${id}.md`);
      expect(existsSync(file)).toBe(true);
      const text = readFileSync(file, 'utf8');
      expect(text.startsWith(`# ${id} — `)).toBe(true);
      expect(text).toContain('## What it checks');
      expect(text).toContain('## Why');
      const ex = examples(id);
      expect(ex.some((e) => e.kind === 'wrong')).toBe(true);
      expect(ex.some((e) => e.kind === 'right')).toBe(true);
    });

    it('its examples behave as the page says', () => {
      for (const { kind, example } of examples(id)) {
        const { model, options } = applyExample(example, referenceDisclosure());
        const parsed: Disclosure = DisclosureSchema.parse(model);
        const companions = (rule.companions ?? []).map(findRule).filter((r) => r !== undefined);
        const report = runRules(parsed, [rule, ...companions], options);
        const own = report.diagnostics.filter((d) => d.ruleId === id);
        if (kind === 'wrong') expect(own.length, `${id} wrong example`).toBeGreaterThan(0);
        else expect(own.map((d) => d.messageId), `${id} right example`).toEqual([]);
      }
    });
  });
});

describe('rules index', () => {
  it('docs/rules/README.md lists every rule with its default severity', () => {
    const index = readFileSync(join(docsDir, 'README.md'), 'utf8');
    for (const r of RULES) expect(index).toContain(`| [${r.id}](${r.id}.md) | ${r.defaultSeverity} |`);
    const listed = [...index.matchAll(/\| \[([a-z]+\/[a-z-]+)\]/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual(RULES.map((r) => r.id).sort());
  });
});
