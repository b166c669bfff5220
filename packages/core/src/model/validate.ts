import { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { describePath, type Lang, type PathSegment } from './paths.js';
import { DisclosureSchema, type Disclosure } from './schema.js';

export interface ModelIssue {
  /** Machine path into the model, e.g. `["forms","T02","rows",3,"values","gpb"]`. */
  path: PathSegment[];
  /** The path in words (Chinese by default). */
  where: string;
  message: string;
}

export type ModelValidation = { ok: true; model: Disclosure } | { ok: false; issues: ModelIssue[] };

const errorMaps = { 'zh-CN': zhCN().localeError, en: en().localeError } as const;

/** Validates untrusted input (parsed JSON) against the model; never throws. */
export function validateDisclosure(input: unknown, lang: Lang = 'zh-CN'): ModelValidation {
  const result = DisclosureSchema.safeParse(input, { error: errorMaps[lang] });
  if (result.success) return { ok: true, model: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((iss) => {
      const path = iss.path.filter((p): p is PathSegment => typeof p !== 'symbol');
      return { path, where: describePath(path, lang), message: iss.message };
    }),
  };
}

/** One line per issue: `表二 收入总体情况表 › 第 4 行 › 一般公共预算：金额须为…`. */
export function formatModelIssues(issues: readonly ModelIssue[], lang: Lang = 'zh-CN'): string {
  const sep = lang === 'zh-CN' ? '：' : ': ';
  return issues.map((i) => `${i.where}${sep}${i.message}`).join('\n');
}

/** The model's JSON Schema (draft 2020-12), for systems that produce input for yusuan. */
export function disclosureJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(DisclosureSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}
