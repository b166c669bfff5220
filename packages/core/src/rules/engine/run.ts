/**
 * Runs the rules over a model: collects every finding (never stopping at the
 * first), evaluates the equations, finds root causes, applies configured
 * severities and sorts the result deterministically.
 */
import { Amount, convert, type AmountUnit } from '../../amount/amount.js';
import { bundledCatalogs } from '../../catalog/bundled.js';
import type { Diagnostic, Location, MessageData, MessageTemplate } from '../../diagnostics/types.js';
import { pathKey } from '../../diagnostics/types.js';
import { FORM_IDS, type FormId } from '../../model/columns.js';
import { unpublishedPaths } from '../../profiles/published.js';
import { canonicalAmount, type Disclosure } from '../../model/schema.js';
import { describeLocation } from './describe.js';
import { ENGINE_MESSAGES } from './messages.js';
import { BlockSet, getAt, physicalLocation } from './paths.js';
import { reconcile, type EvaluatedEquation } from './reconcile.js';
import type { AnyRule, Catalogs, CheckOptions, Equation, Report, RuleSeverity, SeveritySetting } from './types.js';

export interface CheckReport {
  readonly diagnostics: readonly Diagnostic[];
  readonly errorCount: number;
  readonly warningCount: number;
}

interface PendingEquation {
  readonly rule: AnyRule;
  readonly eq: Equation<string>;
}

const ROUNDING_RULE = 'sum/rounding';
const STEP = Amount.of('0.005');

function severityOf(rule: { id: string; defaultSeverity: RuleSeverity }, options: CheckOptions): SeveritySetting {
  const s = options.severities?.[rule.id];
  return s ?? rule.defaultSeverity;
}

export function defaultCatalogs(): Catalogs {
  const b = bundledCatalogs();
  return { function: b.function, economicDepartment: b.economicDepartment, economicGovernment: b.economicGovernment, official: false };
}

function withPhysical(loc: Location, options: CheckOptions, path?: readonly (string | number)[]): Location {
  const p = path ?? loc.path;
  const phys = physicalLocation(options.sourceMap, p);
  return { ...loc, ...(p ? { path: [...p] } : {}), ...phys };
}

/** The unit a figure was published in: its form's or table's, else the document's. */
function unitAt(model: Disclosure, path: readonly (string | number)[]): AmountUnit {
  if (path[0] === 'narrative' && path[1] === 'figures') {
    const unit = model.narrative?.figures[path[2] as number]?.unit;
    return unit === '元' || unit === '万元' ? unit : model.document.amountUnit;
  }
  const own = path[0] === 'forms' ? model.forms[path[1] as FormId]?.unit : path[0] === 'tables' ? model.tables?.[path[1] as number]?.unit : undefined;
  return own ?? model.document.amountUnit;
}

/** The figure at a path in the document's unit: a table stating the other unit is converted exactly (万元 = 10 000 元) before it is compared. */
function amountAt(model: Disclosure, path: readonly (string | number)[]): Amount | undefined {
  const v = getAt(model, path);
  if (typeof v !== 'string') return undefined;
  const r = Amount.parse(v);
  if (r.kind !== 'amount') return undefined;
  const unit = unitAt(model, path);
  return unit === model.document.amountUnit ? r.amount : convert(r.amount, unit, model.document.amountUnit);
}

/** Runs `rules` over `model`. Rule order is the registry order; output order does not depend on it. */
export function runRules(model: Disclosure, rules: readonly AnyRule[], options: CheckOptions = {}): CheckReport {
  const catalogs = options.catalogs ?? defaultCatalogs();
  const blocked = new BlockSet();
  // Figures the document's template profile does not publish are unknown, not zero.
  const unpublished = unpublishedPaths(model);
  if (unpublished) blocked.addMatcher(unpublished);
  const diagnostics: Diagnostic[] = [];
  const pending: PendingEquation[] = [];

  for (const d of options.readDiagnostics ?? []) {
    if (d.location.path) blocked.add(d.location.path);
    const sev = options.severities?.[d.ruleId];
    if (sev === 'off') continue;
    diagnostics.push(sev ? { ...d, severity: sev } : d);
  }

  const active = rules.filter((r) => severityOf(r, options) !== 'off');
  for (const rule of active) {
    const severity = severityOf(rule, options) as RuleSeverity;
    const ctx = {
      model,
      catalogs,
      report(r: Report<string>) {
        const path = r.path ?? r.location.path;
        const sev: RuleSeverity = r.severity === 'warning' ? 'warning' : severity;
        diagnostics.push({
          ruleId: rule.id,
          severity: sev,
          messageId: r.messageId,
          data: r.data ?? {},
          location: withPhysical(r.location, options, path),
          ...(r.expected !== undefined ? { expected: r.expected } : {}),
          ...(r.actual !== undefined ? { actual: r.actual } : {}),
          ...(r.related ? { related: r.related.map((l) => withPhysical(l, options)) } : {}),
        });
      },
      equation(eq: Equation<string>) {
        pending.push({ rule, eq });
      },
      amount(path: readonly (string | number)[]) {
        return blocked.has(path) ? null : amountAt(model, path);
      },
      block(path: readonly (string | number)[]) {
        blocked.add(path);
      },
    };
    rule.check(ctx);
  }

  // Evaluate equations; blocked figures take their equations out of the check.
  const evaluated: EvaluatedEquation[] = [];
  const owners: PendingEquation[] = [];
  const roundingSeverity = options.severities?.[ROUNDING_RULE] ?? 'warning';
  for (const p of pending) {
    if (p.eq.terms.some((t) => blocked.has(t.ref.path))) continue;
    const values = p.eq.terms.map((t) => amountAt(model, t.ref.path));
    let residual = Amount.ZERO;
    p.eq.terms.forEach((t, i) => {
      const v = values[i] ?? Amount.ZERO;
      residual = t.coef === 1 ? residual.plus(v) : residual.minus(v);
    });
    const failed = !residual.isZero();
    evaluated.push({ index: evaluated.length, terms: p.eq.terms, residual, values, failed });
    owners.push(p);
  }

  const { roots, unexplained } = reconcile(evaluated);
  // A root is reported under the most local of its checks: sums inside a form before
  // comparisons between forms, and those before the narrative.
  const FAMILY_RANK: Record<string, number> = { sum: 0, cross: 1, text: 2 };
  const ROW_FIRST: Record<string, number> = { 'sum/row': 0, 'sum/rollup': 1, 'sum/project-total': 2, 'sum/overview': 3, 'sum/balance': 4 };
  const rank = (r: AnyRule) => [FAMILY_RANK[r.family] ?? 9, ROW_FIRST[r.id] ?? 9, active.indexOf(r)];
  const ruleOrder = new Map(active.map((r) => [r.id, rank(r)]));
  const compareRank = (a: AnyRule, b: AnyRule) => {
    const x = ruleOrder.get(a.id) ?? [];
    const y = ruleOrder.get(b.id) ?? [];
    for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
    return 0;
  };
  for (const root of roots) {
    const owner = root.equations
      .map((i) => owners[i])
      .filter((o): o is PendingEquation => o !== undefined)
      .sort((a, b) => compareRank(a.rule, b.rule))[0];
    if (!owner) continue;
    const rootKey = pathKey(root.ref.path);
    const related = new Map<string, Location>();
    for (const i of root.equations) {
      for (const t of evaluated[i]?.terms ?? []) {
        const k = pathKey(t.ref.path);
        if (k !== rootKey && !related.has(k)) related.set(k, withPhysical(t.ref.location, options, t.ref.path));
      }
    }
    const actual = root.actual ?? Amount.ZERO;
    const data: MessageData = {
      where: describeLocation(root.ref.location),
      actual: canonicalAmount(actual),
      expected: canonicalAmount(root.expected),
      difference: canonicalAmount(actual.minus(root.expected)),
      count: related.size,
    };
    diagnostics.push({
      ruleId: owner.rule.id,
      severity: severityOf(owner.rule, options) as RuleSeverity,
      messageId: 'rootCause',
      data,
      location: withPhysical(root.ref.location, options, root.ref.path),
      expected: canonicalAmount(root.expected),
      actual: canonicalAmount(actual),
      related: [...related.values()],
    });
  }
  for (const i of unexplained) {
    const ev = evaluated[i];
    const owner = owners[i];
    const head = ev?.terms[0];
    if (!ev || !owner || !head) continue;
    const actual = ev.values[0] ?? Amount.ZERO;
    const expected = head.coef === 1 ? actual.minus(ev.residual) : actual.plus(ev.residual);
    // A 尾差 that no single wrong figure explains: reported as sum/rounding, not as an error.
    // each published (non-blank) part carries at most half a cent of rounding; blanks are exact
    const parts = Math.max(1, ev.values.slice(1).filter((v) => v !== undefined).length);
    const tolerance = STEP.times(parts + 1);
    if (owner.eq.rounding && ev.residual.abs().cmp(tolerance) <= 0) {
      if (roundingSeverity === 'off') continue;
      diagnostics.push({
        ruleId: ROUNDING_RULE,
        severity: roundingSeverity,
        messageId: 'rounding',
        data: { where: describeLocation(head.ref.location), actual: canonicalAmount(actual), expected: canonicalAmount(expected), difference: canonicalAmount(ev.residual.abs()), parts, tolerance: canonicalAmount(tolerance) },
        location: withPhysical(head.ref.location, options, head.ref.path),
        expected: canonicalAmount(expected),
        actual: canonicalAmount(actual),
        related: ev.terms.slice(1).map((t) => withPhysical(t.ref.location, options, t.ref.path)),
      });
      continue;
    }
    diagnostics.push({
      ruleId: owner.rule.id,
      severity: severityOf(owner.rule, options) as RuleSeverity,
      messageId: owner.eq.messageId,
      data: {
        ...(owner.eq.data ?? {}),
        where: describeLocation(head.ref.location),
        actual: canonicalAmount(actual),
        expected: canonicalAmount(expected),
        difference: canonicalAmount(actual.minus(expected)),
      },
      location: withPhysical(head.ref.location, options, head.ref.path),
      expected: canonicalAmount(expected),
      actual: canonicalAmount(actual),
      related: ev.terms.slice(1).map((t) => withPhysical(t.ref.location, options, t.ref.path)),
    });
  }

  const sorted = sortDiagnostics(diagnostics);
  return {
    diagnostics: sorted,
    errorCount: sorted.filter((d) => d.severity === 'error').length,
    warningCount: sorted.filter((d) => d.severity === 'warning').length,
  };
}

const FORM_ORDER = new Map<string, number>([...FORM_IDS.map((f, i) => [f, i] as const), ['P', 12], ['N', 13]]);

function cellOrder(cell: string | undefined): [number, number] {
  const m = /^([A-Z]+)([0-9]+)$/.exec(cell ?? '');
  if (!m) return [Number.MAX_SAFE_INTEGER, 0];
  let col = 0;
  for (const ch of m[1] ?? '') col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]), col];
}

/** Deterministic order: physical position where known (sheet, row, column / line), then form, path, rule and message. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => {
    const [row, col] = cellOrder(d.location.cell);
    return [
      FORM_ORDER.get(d.location.form ?? '') ?? 99,
      d.location.sheet ?? '\uffff',
      d.location.line ?? row,
      col,
      d.location.path ? d.location.path.map((x) => (typeof x === 'number' ? String(x).padStart(6, '0') : x)).join('.') : '',
      d.location.project ?? '',
      d.location.rowKey ?? '',
      d.location.columnKey ?? '',
      d.ruleId,
      d.messageId,
      JSON.stringify(d.data),
    ] as const;
  };
  return [...list]
    .map((d) => ({ d, k: key(d) }))
    .sort((a, b) => {
      for (let i = 0; i < a.k.length; i++) {
        const x = a.k[i];
        const y = b.k[i];
        if (x === y) continue;
        if (typeof x === 'number' && typeof y === 'number') return x - y;
        return String(x) < String(y) ? -1 : 1;
      }
      return 0;
    })
    .map((x) => x.d);
}

/** The template of a diagnostic's message: the rule's own, or the engine's for root causes and 尾差. */
export function messageTemplate(rules: readonly AnyRule[], d: Diagnostic): MessageTemplate | undefined {
  const rule = rules.find((r) => r.id === d.ruleId);
  const own = rule?.messages[d.messageId];
  if (own) return own;
  return (ENGINE_MESSAGES as Record<string, MessageTemplate>)[d.messageId];
}
