/**
 * What a profile's tables publish, for the rules engine: a figure in a column
 * the profile's table does not have (表五 of a template without 人员支出) is not
 * a zero but unknown, and so is a row of T01/T04 that a profile with varying
 * overview rows does not print. The engine takes such figures out of every
 * equation instead of reading them as blanks.
 */
import { leavesOf } from '../forms/tree.js';
import type { Disclosure } from '../model/schema.js';
import { FORM_COLUMNS, FORM_IDS, type ColumnKey, type FormId } from '../model/columns.js';
import { profileById, standardForms } from './registry.js';

type Path = readonly (string | number)[];

const TABULAR: ReadonlySet<FormId> = new Set(['T02', 'T03', 'T05', 'T06', 'T08', 'T09', 'T10', 'T11', 'T12']);

function columnsOf(form: FormId, side: string | undefined): readonly ColumnKey[] {
  if (form === 'T01') return side === 'expense' ? FORM_COLUMNS.T01Expense : FORM_COLUMNS.T01Income;
  if (form === 'T04') return side === 'expense' ? FORM_COLUMNS.T04Expense : FORM_COLUMNS.T04Income;
  return FORM_COLUMNS[form as keyof typeof FORM_COLUMNS] ?? [];
}

interface Unpublished {
  /** form → side ('' for forms without sides) → column keys the profile's table does not have. */
  readonly columns: ReadonlyMap<FormId, ReadonlyMap<string, ReadonlySet<string>>>;
  /** T01/T04: whether a row not printed is unknown rather than zero. */
  readonly absentRowsUnknown: boolean;
}

function unpublishedOf(model: Disclosure): Unpublished | undefined {
  const profile = profileById(model.document.profile);
  if (!profile) return undefined;
  const columns = new Map<FormId, Map<string, Set<string>>>();
  for (const form of FORM_IDS) {
    if (model.forms[form] === undefined) continue;
    const entries = standardForms(profile, form);
    if (entries.length === 0) continue;
    const published = new Map<string, Set<string>>();
    for (const e of entries) {
      for (const l of leavesOf(e.layout.columns)) {
        if (l.leaf.kind !== 'amount') continue;
        const side = l.leaf.side ?? '';
        let set = published.get(side);
        if (!set) published.set(side, (set = new Set()));
        set.add(l.leaf.column);
      }
    }
    const sides = form === 'T01' || form === 'T04' ? ['income', 'expense'] : form === 'T07' ? ['previous', 'current'] : [''];
    const missing = new Map<string, Set<string>>();
    for (const side of sides) {
      const have = published.get(side) ?? new Set<string>();
      const lack = new Set(columnsOf(form, side === '' ? undefined : side).filter((c) => !have.has(c)));
      if (lack.size > 0) missing.set(side, lack);
    }
    if (missing.size > 0) columns.set(form, missing);
  }
  return { columns, absentRowsUnknown: profile.absentOverviewRows === 'unknown' };
}

const cache = new WeakMap<Disclosure, Unpublished | undefined>();

/**
 * A test for the model paths a document's profile does not publish, or
 * undefined where every path is published (an unknown profile is read as the
 * reference's twelve forms, which publish all of their columns).
 */
export function unpublishedPaths(model: Disclosure): ((path: Path) => boolean) | undefined {
  if (!cache.has(model)) cache.set(model, unpublishedOf(model));
  const u = cache.get(model);
  if (!u || (u.columns.size === 0 && !u.absentRowsUnknown)) return undefined;
  return (path) => {
    if (path[0] !== 'forms') return false;
    const form = path[1] as FormId;
    if ((form === 'T01' || form === 'T04') && u.absentRowsUnknown && typeof path[3] === 'string' && path[3].startsWith('#')) return true;
    const lack = u.columns.get(form);
    if (!lack) return false;
    const last = path[path.length - 1];
    if (typeof last !== 'string') return false;
    if (form === 'T01' || form === 'T04') return path[4] === 'values' && (lack.get(String(path[2])) ?? new Set()).has(last);
    if (form === 'T07') return path.length === 4 && (lack.get(String(path[2])) ?? new Set()).has(last);
    if (TABULAR.has(form)) return path[path.length - 2] === 'values' && (lack.get('') ?? new Set()).has(last);
    return false;
  };
}
