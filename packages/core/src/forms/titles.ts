/**
 * Finding forms by title anywhere in a sheet. A cell names a form when its
 * normalised text ends with the form's title or a variant; what precedes it
 * is a prefix staff add (a year, the unit's name, 表二, 部门预算公开表2：).
 */
import type { AmountUnit } from '../amount/amount.js';
import type { CellValue, Grid } from '../grid/grid.js';
import { FORM_LAYOUTS, PERFORMANCE_LAYOUT } from './layouts/index.js';
import { normalizeLabel, normalizeWithOrigins, squash } from './text.js';
import type { AnyLayout } from './types.js';

export interface TitleHit {
  readonly row: number;
  readonly col: number;
  readonly layout: AnyLayout;
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
}

const TITLES: readonly { readonly key: string; readonly layout: AnyLayout }[] = [...Object.values(FORM_LAYOUTS), PERFORMANCE_LAYOUT]
  .flatMap((layout) => [layout.title, ...layout.titleVariants].map((t) => ({ key: normalizeLabel(t), layout })))
  .sort((a, b) => b.key.length - a.key.length);

const MAX_TITLE_CELL = 160;
const MAX_PREFIX = 60;
/** A prefix that makes the title part of a sentence (详见收支总体情况表) or of a list. */
const NOT_A_PREFIX = /[。,;；!?]|(?:见|详见|参见|如|按|据|依照|参照|附|的|和|及|与|或)$/u;
const TRAILING_UNIT = /\(?(?:金额)?单位:(万元|元)\)?$/u;
const TRAILING_MARKS = /[:.。]+$/u;

function hitIn(value: CellValue, row: number, col: number): TitleHit | undefined {
  if (typeof value !== 'string' || value.length > MAX_TITLE_CELL || !value.includes('表')) return undefined;
  const { text: full, origins } = normalizeWithOrigins(value);
  let text = full;
  let unit: AmountUnit | undefined;
  const u = TRAILING_UNIT.exec(text);
  if (u) {
    unit = u[1] === '元' ? '元' : '万元';
    text = text.slice(0, u.index);
  }
  text = text.replace(TRAILING_MARKS, '');
  for (const { key, layout } of TITLES) {
    if (!text.endsWith(key)) continue;
    const start = text.length - key.length;
    const prefix = text.slice(0, start);
    if (prefix.length > MAX_PREFIX || NOT_A_PREFIX.test(prefix)) return undefined;
    // The title starts right after the prefix's last character (a quote dropped by normalisation stays in the title).
    const lastOfPrefix = start === 0 ? undefined : origins[start - 1];
    const from = lastOfPrefix === undefined ? 0 : lastOfPrefix + ((value.codePointAt(lastOfPrefix) ?? 0) > 0xffff ? 2 : 1);
    const to = origins[text.length] ?? value.length;
    return { row, col, layout, title: squash(value.slice(from, to)), text: squash(value), prefix, rawPrefix: squash(value.slice(0, from)), ...(unit ? { unit } : {}) };
  }
  return undefined;
}

/**
 * Title cells of a sheet, top to bottom, at most one per row (the leftmost).
 * Titles on consecutive rows of one column are a list (a table of contents),
 * not forms, and are left out.
 */
export function findTitles(grid: Grid): TitleHit[] {
  const hits: TitleHit[] = [];
  const rows = grid.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!Array.isArray(row)) continue;
    for (let c = 0; c < row.length; c++) {
      const hit = hitIn(row[c] as CellValue, r, c);
      if (hit) {
        hits.push(hit);
        break;
      }
    }
  }
  return hits.filter((h, i) => {
    const prev = hits[i - 1];
    const next = hits[i + 1];
    const adjacent = (o: TitleHit | undefined) => o !== undefined && Math.abs(o.row - h.row) === 1 && o.col === h.col;
    return !adjacent(prev) && !adjacent(next);
  });
}
