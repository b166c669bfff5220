/**
 * The examples of the rule pages (docs/rules/<id>.md): a base model (the
 * reference disclosure, or an empty one) and a few changes by path. Kept as
 * data so that the pages stay readable and every example is run in the tests.
 */
import type { Diagnostic } from '../diagnostics/types.js';
import type { Disclosure, DisclosureInput } from '../model/schema.js';
import type { CheckOptions } from './engine/types.js';

export interface RuleExample {
  /** `reference` (the bundled reference disclosure) or `empty` (a unit with no forms). */
  readonly base: 'reference' | 'empty';
  /** Dot paths (`forms.T03.rows.1.values.project`) → new value; `null` deletes the key (a blank cell, or a form left out). */
  readonly set?: Readonly<Record<string, unknown>>;
  /** Array paths → elements appended (`performance.0.indicators`). */
  readonly append?: Readonly<Record<string, readonly unknown[]>>;
  /** Array paths → indexes removed. */
  readonly remove?: Readonly<Record<string, readonly number[]>>;
  /** Reading diagnostics to pass along (for rules whose findings come from reading a workbook). */
  readonly readDiagnostics?: readonly Diagnostic[];
}

export const EMPTY_MODEL: DisclosureInput = {
  schemaVersion: 1,
  unit: { name: '示例单位', year: 2024 },
  document: {},
  forms: {},
  performance: [],
};

function segments(path: string): (string | number)[] {
  return path.split('.').map((s) => (/^[0-9]+$/.test(s) ? Number(s) : s));
}

function parentOf(root: unknown, segs: (string | number)[]): Record<string | number, unknown> {
  let cur = root as Record<string | number, unknown>;
  for (const s of segs.slice(0, -1)) {
    if (cur[s] === undefined || cur[s] === null) cur[s] = {};
    cur = cur[s] as Record<string | number, unknown>;
  }
  return cur;
}

/** Applies an example to a copy of the base; returns plain JSON (validate it before use) and check options. */
export function applyExample(example: RuleExample, reference: Disclosure): { model: unknown; options: CheckOptions } {
  const base: unknown = JSON.parse(JSON.stringify(example.base === 'reference' ? reference : EMPTY_MODEL));
  for (const [path, indexes] of Object.entries(example.remove ?? {})) {
    const segs = segments(path);
    const arr = parentOf(base, segs)[segs[segs.length - 1] as string | number];
    if (Array.isArray(arr)) for (const i of [...indexes].sort((a, b) => b - a)) arr.splice(i, 1);
  }
  for (const [path, value] of Object.entries(example.set ?? {})) {
    const segs = segments(path);
    const parent = parentOf(base, segs);
    const last = segs[segs.length - 1] as string | number;
    if (value === null) delete parent[last];
    else parent[last] = value;
  }
  for (const [path, items] of Object.entries(example.append ?? {})) {
    const segs = segments(path);
    const parent = parentOf(base, segs);
    const last = segs[segs.length - 1] as string | number;
    const arr = Array.isArray(parent[last]) ? (parent[last] as unknown[]) : [];
    arr.push(...items);
    parent[last] = arr;
  }
  return { model: base, options: example.readDiagnostics ? { readDiagnostics: example.readDiagnostics } : {} };
}
