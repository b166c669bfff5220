/**
 * Rules are modules: an id, metadata (what it checks, the regulation it rests
 * on, Chinese and English message templates keyed by message id) and a check
 * over the model. `defineRule` types the message ids, so reporting an unknown
 * message id is a compile error.
 */
import type { Amount } from '../../amount/amount.js';
import type { Catalog } from '../../catalog/catalog.js';
import type { Diagnostic, Location, MessageData, MessageTemplate, Severity } from '../../diagnostics/types.js';
import type { Disclosure } from '../../model/schema.js';

export type RuleSeverity = Exclude<Severity, 'info'>;
export type SeveritySetting = RuleSeverity | 'off';

export type RuleFamily = 'struct' | 'code' | 'sum' | 'cross' | 'text' | 'perf' | 'amount';

export interface RuleMeta {
  /** One line: what the rule checks. */
  readonly title: MessageTemplate;
  /** The regulation or source the rule rests on (Chinese, as cited). */
  readonly source: string;
  /** Whether the rule rests only on the reference disclosure's practice. */
  readonly referenceOnly?: boolean;
}

export interface Catalogs {
  readonly function: Catalog;
  readonly economicDepartment: Catalog;
  readonly economicGovernment: Catalog;
  /** Whether the function catalogue is an official, complete one (a user file), so that unknown codes are errors. */
  readonly official: boolean;
}

/** A reference to one figure of the model: its path and what it means. */
export interface CellRef {
  readonly path: readonly (string | number)[];
  readonly location: Location;
}

export interface Term {
  readonly ref: CellRef;
  readonly coef: 1 | -1;
}

/** What a rule reports directly (findings that are not a failed equation). */
export interface Report<M extends string> {
  readonly messageId: M;
  readonly data?: MessageData;
  readonly location: Location;
  readonly path?: readonly (string | number)[];
  readonly expected?: string;
  readonly actual?: string;
  readonly related?: readonly Location[];
  /** Overrides the rule's severity for this finding (e.g. a warning rule escalating is never allowed; only downgrade). */
  readonly severity?: RuleSeverity;
}

/**
 * An equation Σ coef·value = 0 between figures (a total and its parts, two
 * forms' copies of one figure). Equations are not reported one by one: the
 * engine finds the cell that explains the failures (block, don't cascade).
 */
export interface Equation<M extends string> {
  readonly messageId: M;
  readonly data?: MessageData;
  /** terms[0] is the figure under check (a total, or the dependent copy); it is where a failure is shown when no single root explains it. */
  readonly terms: readonly Term[];
  /** Whether a 尾差 (|difference| ≤ 0.005 × (parts + 1)) is accepted as sum/rounding. Sums only; copies of one figure must match exactly. */
  readonly rounding?: boolean;
}

export interface RuleContext<M extends string> {
  readonly model: Disclosure;
  readonly catalogs: Catalogs;
  report(r: Report<M>): void;
  equation(e: Equation<M>): void;
  /** The amount at a path: undefined when blank, null when blocked (unreadable or on a blocked row). */
  amount(path: readonly (string | number)[]): Amount | undefined | null;
  /** Takes a figure (or a whole row: a path prefix) out of every equation: it was reported once already. */
  block(path: readonly (string | number)[]): void;
}

export interface Rule<M extends string = string> {
  readonly id: string;
  readonly family: RuleFamily;
  readonly type: 'problem' | 'suggestion';
  readonly defaultSeverity: RuleSeverity;
  readonly meta: RuleMeta;
  readonly messages: Readonly<Record<M, MessageTemplate>>;
  /** Rules whose findings this one depends on, run with it when it is tested alone (sum/rounding reports on the other sums' equations). */
  readonly companions?: readonly string[];
  check(ctx: RuleContext<M>): void;
}

export function defineRule<const M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}

export type AnyRule = Rule<string>;

export interface CheckOptions {
  /** Severity per rule id: 'off', 'warning' or 'error' (defaults from the rule catalogue). */
  readonly severities?: Readonly<Record<string, SeveritySetting>>;
  readonly catalogs?: Catalogs;
  /** Where each figure came from (sheet + cell or text line). */
  readonly sourceMap?: Readonly<Record<string, Location>>;
  /** Diagnostics of the reading step (unreadable cells, unknown columns); they block the figures they concern. */
  readonly readDiagnostics?: readonly Diagnostic[];
  /** `exact` (default): every difference is a finding; 尾差 within the rounding interval are reported as sum/rounding warnings. */
  readonly tolerance?: 'exact';
}
