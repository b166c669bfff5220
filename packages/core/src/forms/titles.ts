/**
 * Finding forms by title anywhere in a sheet. A cell names a form when its
 * normalised text ends with the form's title or a variant; what precedes it
 * is a prefix staff add (a year, the unit's name, 表二, 部门预算公开表2：).
 *
 * The titles are those of a template profile (packages/core/src/profiles):
 * the reference's twelve forms by default, or the profile whose titles a
 * document names most (detectProfile). Besides the prefix, a title may carry
 * the unit's name and the unit after it (`…收支总体情况表单位名称：某局单位：万元`),
 * a qualifier in brackets (`…支出明细表（按支出功能分类科目）`, also on the next
 * line), and may be wrapped over two or three lines.
 */
import type { AmountUnit } from '../amount/amount.js';
import type { CellValue, Grid } from '../grid/grid.js';
import { DEFAULT_PROFILE, PROFILES } from '../profiles/registry.js';
import type { Profile, ProfileForm } from '../profiles/types.js';
import { isNoteText, normalizeLabel, normalizeWithOrigins, squash } from './text.js';
import type { AnyLayout, TableLayout, UnreadLayout } from './types.js';

export interface TitleHit {
  readonly row: number;
  readonly col: number;
  /** The layout of the form the title names (the first of `forms`). */
  readonly layout: AnyLayout | TableLayout | UnreadLayout;
  /** The profile's entries the title names, best first (layout variants of one table share a title). */
  readonly forms: readonly ProfileForm[];
  /** The title as published, without its prefix and whitespace (`收入总体情况表`). */
  readonly title: string;
  /** The whole cell, whitespace removed (`2024年预算项目支出绩效目标表`). */
  readonly text: string;
  /** The normalised prefix before the title (`2024年部门预算公开表`), possibly empty. */
  readonly prefix: string;
  /** The same prefix as typed, whitespace removed (for the unit's name). */
  readonly rawPrefix: string;
  /** A unit written in the title cell itself (`收入总体情况表（单位：万元）`). */
  readonly unit?: AmountUnit;
  /** A qualifier in brackets after or under the title, normalised (`(按支出功能分类科目-不含上年结转)`). */
  readonly qualifier?: string;
  /** The lines the title takes (a title wrapped over lines, a qualifier on its own line): 1 or more. */
  readonly lines: number;
}

interface TitleEntry {
  readonly key: string;
  readonly form: ProfileForm;
}

const entriesCache = new WeakMap<Profile, readonly TitleEntry[]>();

/** A profile's titles and variants, normalised, longest first. */
function entriesOf(profile: Profile): readonly TitleEntry[] {
  let entries = entriesCache.get(profile);
  if (!entries) {
    entries = profile.forms
      .flatMap((form) => [form.layout.title, ...form.layout.titleVariants].map((t) => ({ key: normalizeLabel(t), form })))
      .sort((a, b) => b.key.length - a.key.length);
    entriesCache.set(profile, entries);
  }
  return entries;
}

const MAX_TITLE_CELL = 160;
const MAX_PREFIX = 60;
/** A prefix that makes the title part of a sentence (详见收支总体情况表) or of a list. */
const NOT_A_PREFIX = /[。,;；!?]|(?:见|详见|参见|如|按|据|依照|参照|附|的|和|及|与|或)$/u;
const TRAILING_UNIT = /\(?(?:金额)?单位:(万元|元)\)?$/u;
const UNIT_NAME = /单位名称:/u;
const TRAILING_MARKS = /[:.。]+$/u;
/** A bracketed qualifier at the end of a title. */
const TRAILING_QUALIFIER = /\(([^()]*)\)$/u;
/** A line holding only a bracketed qualifier. */
const QUALIFIER_LINE = /^\([^()]{2,40}\)$/u;
/** A table's number on a line of its own above its title (表6): no part of the title. */
const TABLE_NUMBER = /^表[0-9一二三四五六七八九十]{1,3}$/u;
/** A line short enough to be part of a title wrapped over lines. */
const MAX_WRAPPED_LINE = 80;

interface Cut {
  readonly text: string;
  readonly unit?: AmountUnit;
  readonly qualifier?: string;
}

/** The title part of a normalised cell: the unit, the unit's name and qualifiers cut from its end. */
function cutTitle(full: string): Cut {
  let text = full;
  let unit: AmountUnit | undefined;
  const u = TRAILING_UNIT.exec(text);
  if (u) {
    unit = u[1] === '元' ? '元' : '万元';
    text = text.slice(0, u.index);
  }
  const n = UNIT_NAME.exec(text);
  if (n && n.index > 0) text = text.slice(0, n.index);
  text = text.replace(TRAILING_MARKS, '');
  const qualifiers: string[] = [];
  for (let i = 0; i < 2; i++) {
    const q = TRAILING_QUALIFIER.exec(text);
    if (!q || q.index === 0) break;
    qualifiers.unshift(q[0]);
    text = text.slice(0, q.index).replace(TRAILING_MARKS, '');
  }
  return { text, ...(unit ? { unit } : {}), ...(qualifiers.length > 0 ? { qualifier: qualifiers.join('') } : {}) };
}

function hitIn(value: CellValue, row: number, col: number, entries: readonly TitleEntry[]): TitleHit | undefined {
  if (typeof value !== 'string' || value.length > MAX_TITLE_CELL || !value.includes('表')) return undefined;
  const { text: full, origins } = normalizeWithOrigins(value);
  const { text, unit, qualifier } = cutTitle(full);
  for (let k = 0; k < entries.length; k++) {
    const { key } = entries[k] as TitleEntry;
    if (!text.endsWith(key)) continue;
    const start = text.length - key.length;
    const prefix = text.slice(0, start);
    if (prefix.length > MAX_PREFIX || NOT_A_PREFIX.test(prefix)) return undefined;
    // The title starts right after the prefix's last character (a quote dropped by normalisation stays in the title).
    const lastOfPrefix = start === 0 ? undefined : origins[start - 1];
    const from = lastOfPrefix === undefined ? 0 : lastOfPrefix + ((value.codePointAt(lastOfPrefix) ?? 0) > 0xffff ? 2 : 1);
    const to = origins[text.length] ?? value.length;
    // every entry of the same title: the variants of one table
    const forms = entries.filter((e) => e.key === key).map((e) => e.form);
    const first = forms[0] as ProfileForm;
    return {
      row,
      col,
      layout: first.layout,
      forms,
      title: squash(value.slice(from, to)),
      text: squash(value),
      prefix,
      rawPrefix: squash(value.slice(0, from)),
      ...(unit ? { unit } : {}),
      ...(qualifier !== undefined ? { qualifier } : {}),
      lines: 1,
    };
  }
  return undefined;
}

/** The only filled cell of a row, when it is text. */
function soleText(row: readonly CellValue[] | undefined): string | undefined {
  if (!Array.isArray(row)) return undefined;
  let found: string | undefined;
  for (const v of row) {
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) continue;
    if (typeof v !== 'string' || found !== undefined) return undefined;
    found = v;
  }
  return found;
}

/** Variants named by the title's qualifier (功能分类 / 经济分类) first. */
function byQualifier(hit: TitleHit): TitleHit {
  if (hit.forms.length < 2) return hit;
  const q = hit.qualifier ?? '';
  const named = hit.forms.filter((f) => f.qualifier !== undefined && q.includes(normalizeLabel(f.qualifier)));
  const plain = hit.forms.filter((f) => f.qualifier === undefined);
  const forms = named.length > 0 ? named : plain.length > 0 ? plain : hit.forms;
  return { ...hit, forms, layout: (forms[0] as ProfileForm).layout };
}

/** The title hit of a row: in a cell, or over the row and the next one or two (a wrapped title); with a qualifier line under it. */
function hitAt(rows: Grid['rows'], r: number, entries: readonly TitleEntry[]): TitleHit | undefined {
  const row = rows[r];
  if (!Array.isArray(row)) return undefined;
  let hit: TitleHit | undefined;
  for (let c = 0; c < row.length && !hit; c++) hit = hitIn(row[c] as CellValue, r, c, entries);
  if (!hit) {
    // A title wrapped over lines: none of its lines is a title (or a note) alone.
    const first = soleText(row);
    if (first !== undefined && first.length <= MAX_WRAPPED_LINE && !isNoteText(first) && !TABLE_NUMBER.test(normalizeLabel(first))) {
      const col = row.findIndex((v) => v === first);
      let joined = first;
      for (let k = 1; k <= 2 && !hit; k++) {
        const next = soleText(rows[r + k]);
        if (next === undefined || next.length > MAX_WRAPPED_LINE || hitIn(next, r + k, 0, entries)) break;
        joined += next;
        const h = hitIn(joined, r, col, entries);
        if (h) hit = { ...h, lines: k + 1 };
      }
    }
  }
  if (!hit) return undefined;
  const next = soleText(rows[r + hit.lines]);
  if (next !== undefined && QUALIFIER_LINE.test(normalizeLabel(next))) hit = { ...hit, qualifier: `${hit.qualifier ?? ''}${normalizeLabel(next)}`, lines: hit.lines + 1 };
  return byQualifier(hit);
}

/**
 * Title cells of a sheet, top to bottom, at most one per row (the leftmost),
 * among the titles of `profile` (by default the one the sheet's titles name
 * most). Titles on consecutive rows of one column are a list (a table of
 * contents), not forms, and are left out.
 */
export function findTitles(grid: Grid, profile?: Profile): TitleHit[] {
  const entries = entriesOf(profile ?? detectProfile([grid]));
  const hits: TitleHit[] = [];
  const rows = Array.isArray(grid.rows) ? grid.rows : [];
  for (let r = 0; r < rows.length; r++) {
    const hit = hitAt(rows, r, entries);
    if (hit) {
      hits.push(hit);
      r += hit.lines - 1;
    }
  }
  return hits.filter((h, i) => {
    const prev = hits[i - 1];
    const next = hits[i + 1];
    const adjacent = (o: TitleHit | undefined) => o !== undefined && Math.abs(o.row - h.row) === 1 && o.col === h.col;
    return !adjacent(prev) && !adjacent(next);
  });
}

/**
 * The profile whose titles a document's grids name most: the number of its
 * tables found by title (tables of contents left out). Ties go to the earlier
 * profile of the registry, the reference's first; a document naming no title
 * of any profile is read with the reference's.
 */
export function detectProfile(grids: readonly Grid[]): Profile {
  let best = DEFAULT_PROFILE;
  let bestScore = 0;
  for (const profile of PROFILES) {
    const named = new Set<ProfileForm>();
    for (const grid of grids) {
      if (!grid || !Array.isArray(grid.rows)) continue;
      for (const hit of findTitles(grid, profile)) for (const f of hit.forms) named.add(f);
    }
    // variants of one table count once
    const score = new Set([...named].map((f) => `${f.kind}:${f.layout.id}`)).size;
    if (score > bestScore) {
      best = profile;
      bestScore = score;
    }
  }
  return best;
}
