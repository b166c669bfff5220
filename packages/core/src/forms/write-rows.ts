/**
 * Model → logical rows: for each body kind, the rows a form shows and, per
 * row, what goes under each leaf field. The engine (generate.ts) places them.
 */
import type { CodedForm, EconomicForm, Forms } from '../model/schema.js';
import { fieldOf } from './tree.js';
import type { Body, FixedRow, RowKind } from './types.js';

export type OutCell = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'amount'; readonly value: string };

export interface OutRow {
  readonly kind: RowKind;
  /** Styled as a 合计 row. */
  readonly total: boolean;
  /** Leaf field → content; a missing field is a blank cell. */
  readonly cells: ReadonlyMap<string, OutCell>;
}

type Values = Readonly<Record<string, string | undefined>>;
export type OverviewForm = NonNullable<Forms['T01'] | Forms['T04']>;
export type ThreePublicForm = NonNullable<Forms['T07']>;
export type ProjectForm = NonNullable<Forms['T11']>;

function putAmounts(cells: Map<string, OutCell>, values: Values, side?: string): void {
  for (const [k, v] of Object.entries(values)) if (v !== undefined) cells.set(side === undefined ? k : `${side}:${k}`, { kind: 'amount', value: v });
}

const text = (t: string): OutCell => ({ kind: 'text', text: t });

/** `2080107` with widths [3, 2, 2] → `208`, `01`, `07`. */
export function splitCode(code: string, widths: readonly number[]): string[] {
  const parts: string[] = [];
  let at = 0;
  for (const w of widths) {
    if (at >= code.length) break;
    parts.push(code.slice(at, at + w));
    at += w;
  }
  return parts;
}

const LEVEL_KINDS: readonly RowKind[] = ['class', 'item', 'subitem'];

function totalRow(body: Extract<Body, { total: unknown }>, total: { label?: string | undefined; values: Values } | undefined): OutRow[] {
  if (!total) return [];
  const cells = new Map<string, OutCell>();
  if (total.label !== undefined) cells.set(fieldOf(body.total.at), text(total.label));
  putAmounts(cells, total.values);
  return [{ kind: 'total', total: true, cells }];
}

function putCode(cells: Map<string, OutCell>, scheme: string, code: string, widths: readonly number[]): void {
  splitCode(code, widths).forEach((part, level) => cells.set(`code:${scheme}:${level}`, text(part)));
}

function levelKind(code: string, widths: readonly number[]): RowKind {
  return LEVEL_KINDS[splitCode(code, widths).length - 1] ?? 'subitem';
}

export function subjectRows(body: Extract<Body, { kind: 'subjects' }>, form: CodedForm): OutRow[] {
  const rows = totalRow(body, form.total);
  for (const r of form.rows) {
    const cells = new Map<string, OutCell>();
    putCode(cells, body.scheme, r.code, body.codeWidths);
    cells.set(`name:${body.scheme}`, text(r.name));
    putAmounts(cells, r.values);
    rows.push({ kind: levelKind(r.code, body.codeWidths), total: false, cells });
  }
  return rows;
}

export function economicRows(body: Extract<Body, { kind: 'economic' }>, form: EconomicForm): OutRow[] {
  const rows = totalRow(body, form.total);
  for (const r of form.rows) {
    const cells = new Map<string, OutCell>();
    putCode(cells, 'department', r.department.code, body.codeWidths);
    cells.set('name:department', text(r.department.name));
    if (r.government) {
      putCode(cells, 'government', r.government.code, body.codeWidths);
      cells.set('name:government', text(r.government.name));
    }
    putAmounts(cells, r.values);
    rows.push({ kind: levelKind(r.department.code, body.codeWidths), total: false, cells });
  }
  return rows;
}

export function projectRows(body: Extract<Body, { kind: 'projects' }>, form: ProjectForm): OutRow[] {
  const rows = totalRow(body, form.total);
  for (const r of form.rows) {
    const cells = new Map<string, OutCell>([['project', text(r.name)]]);
    if (r.type !== undefined) cells.set('projectType', text(r.type));
    putAmounts(cells, r.values);
    rows.push({ kind: 'project', total: false, cells });
  }
  return rows;
}

/** One row per layout pair; a side shows the model row with that key, or stays blank. */
export function pairedRows(body: Extract<Body, { kind: 'paired' }>, form: OverviewForm): OutRow[] {
  const find = (side: 'income' | 'expense', def: FixedRow | null) => (def ? (form[side] as ReadonlyArray<{ key: string; label: string; values: Values }>).find((r) => r.key === def.key) : undefined);
  return body.pairs.map(([inc, exp]) => {
    const cells = new Map<string, OutCell>();
    for (const [side, def] of [['income', inc], ['expense', exp]] as const) {
      const row = find(side, def);
      if (!row) continue;
      cells.set(`label:${side}`, text(row.label));
      putAmounts(cells, row.values, side);
    }
    return { kind: 'pair', total: (inc?.total ?? false) || (exp?.total ?? false), cells };
  });
}

/** T07: one row when either year has a figure, none otherwise. */
export function yearRows(form: ThreePublicForm): OutRow[] {
  const cells = new Map<string, OutCell>();
  putAmounts(cells, form.previous, 'previous');
  putAmounts(cells, form.current, 'current');
  return cells.size > 0 ? [{ kind: 'values', total: false, cells }] : [];
}
