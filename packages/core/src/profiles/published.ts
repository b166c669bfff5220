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
import { DEFAULT_PROFILE, profileById, standardForms } from './registry.js';
import type { Profile } from './types.js';

type Path = readonly (string | number)[];

const TABULAR: ReadonlySet<FormId> = new Set(['T02', 'T03', 'T05', 'T06', 'T08', 'T09', 'T10', 'T11', 'T12']);

function columnsOf(form: FormId, side: string | undefined): readonly ColumnKey[] {
  if (form === 'T01') return side === 'expense' ? FORM_COLUMNS.T01Expense : FORM_COLUMNS.T01Income;
  if (form === 'T04') return side === 'expense' ? FORM_COLUMNS.T04Expense : FORM_COLUMNS.T04Income;
  return FORM_COLUMNS[form as keyof typeof FORM_COLUMNS] ?? [];
}

type Published = ReadonlyMap<FormId, ReadonlyMap<string, ReadonlySet<string>>>;

const publishedCache = new WeakMap<Profile, Published>();

/** The amount columns each of a profile's standard forms has, by side ('' for forms without sides), over all its variants. */
function publishedOf(profile: Profile): Published {
  let out = publishedCache.get(profile);
  if (out) return out;
  const map = new Map<FormId, Map<string, Set<string>>>();
  for (const form of FORM_IDS) {
    const entries = standardForms(profile, form);
    if (entries.length === 0) continue;
    const sides = new Map<string, Set<string>>();
    for (const e of entries) {
      for (const l of leavesOf(e.layout.columns)) {
        if (l.leaf.kind !== 'amount') continue;
        const side = l.leaf.side ?? '';
        let set = sides.get(side);
        if (!set) sides.set(side, (set = new Set()));
        set.add(l.leaf.column);
      }
    }
    map.set(form, sides);
  }
  out = map;
  publishedCache.set(profile, out);
  return out;
}

function sidesOf(form: FormId): readonly string[] {
  return form === 'T01' || form === 'T04' ? ['income', 'expense'] : form === 'T07' ? ['previous', 'current'] : [''];
}

/**
 * Whether a column of a form is one the document's profile publishes. Every
 * column is, for a profile yusuan does not know and for forms the profile does
 * not map.
 */
export function publishesColumn(model: Disclosure, form: FormId, side: string, column: string): boolean {
  const sides = publishedSides(model, form);
  return sides === undefined || (sides.get(side)?.has(column) ?? false);
}

/** The columns a form of the document's profile has, by side; undefined where every column is published. */
export function publishedSides(model: Disclosure, form: FormId): ReadonlyMap<string, ReadonlySet<string>> | undefined {
  const profile = profileById(model.document.profile);
  return profile ? publishedOf(profile).get(form) : undefined;
}

interface Unpublished {
  /** form → side ('' for forms without sides) → column keys the profile's table does not have. */
  readonly columns: ReadonlyMap<FormId, ReadonlyMap<string, ReadonlySet<string>>>;
  /** T01/T04: whether a row not printed is unknown rather than zero. */
  readonly absentRowsUnknown: boolean;
}

function unpublishedOf(model: Disclosure): Unpublished | undefined {
  const profile = profileById(model.document.profile);
  // The reference's forms publish every column they define; the keys other
  // templates added are never read for it and stay blank.
  if (!profile || profile === DEFAULT_PROFILE) return undefined;
  const published = publishedOf(profile);
  const columns = new Map<FormId, Map<string, Set<string>>>();
  for (const form of FORM_IDS) {
    if (model.forms[form] === undefined) continue;
    const have = published.get(form);
    if (!have) continue;
    const missing = new Map<string, Set<string>>();
    for (const side of sidesOf(form)) {
      const cols = have.get(side) ?? new Set<string>();
      const lack = new Set(columnsOf(form, side === '' ? undefined : side).filter((c) => !cols.has(c)));
      if (lack.size > 0) missing.set(side, lack);
    }
    if (missing.size > 0) columns.set(form, missing);
  }
  return { columns, absentRowsUnknown: profile.absentOverviewRows === 'unknown' };
}

/**
 * A test for the model paths a document's profile does not publish, or
 * undefined where every path is published (the reference's profile, or a
 * profile yusuan does not know, read as the reference's twelve forms).
 */
export function unpublishedPaths(model: Disclosure): ((path: Path) => boolean) | undefined {
  const u = unpublishedOf(model);
  if (!u || (u.columns.size === 0 && !u.absentRowsUnknown)) return undefined;
  return (path) => {
    if (path[0] !== 'forms') return false;
    const form = path[1] as FormId;
    if ((form === 'T01' || form === 'T04') && u.absentRowsUnknown && typeof path[3] === 'string' && path[3].startsWith('#')) return true;
    const lack = u.columns.get(form);
    if (!lack) return false;
    const last = path[path.length - 1];
    if (typeof last !== 'string') return false;
    if (form === 'T01' || form === 'T04') return path[4] === 'values' && (lack.get(String(path[2])) ?? EMPTY).has(last);
    if (form === 'T07') return path.length === 4 && (lack.get(String(path[2])) ?? EMPTY).has(last);
    if (TABULAR.has(form)) return path[path.length - 2] === 'values' && (lack.get('') ?? EMPTY).has(last);
    return false;
  };
}

const EMPTY: ReadonlySet<string> = new Set();
