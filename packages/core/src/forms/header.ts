/**
 * Matching a sheet's header to a layout's column tree. Each sheet column gets
 * a path: the distinct labels down its header rows, a merged cell's value
 * (given in its first cell, nulls elsewhere) standing for every cell of the
 * merge, a value repeated in every cell of a merge counted once. A column is
 * the first unused leaf whose label matches the path's last label and whose
 * groups agree with the path's other known labels; a column under a group
 * label only (科目编码 over one column) takes the group's first leaf.
 */
import { parseA1, type CellValue, type Grid } from '../grid/grid.js';
import { cellText, isBlank, isNumeric } from './cells.js';
import { isTotalLabel, normalizeLabel } from './text.js';
import { allNodes, leavesOf, treeDepth, type LeafColumn } from './tree.js';
import type { ColumnNode } from './types.js';

interface Range {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

/** Merged ranges by their top row. */
export type MergeIndex = ReadonlyMap<number, readonly Range[]>;

export function indexMerges(grid: Grid): MergeIndex {
  const out = new Map<number, Range[]>();
  const merges = Array.isArray(grid.merges) ? grid.merges : [];
  for (const m of merges) {
    if (typeof m !== 'string') continue;
    const [a, b] = m.split(':');
    const p = a === undefined ? undefined : parseA1(a);
    const q = b === undefined ? p : parseA1(b);
    if (!p || !q) continue;
    const range = { r0: Math.min(p.row, q.row), c0: Math.min(p.col, q.col), r1: Math.max(p.row, q.row), c1: Math.max(p.col, q.col) };
    const list = out.get(range.r0);
    if (list) list.push(range);
    else out.set(range.r0, [range]);
  }
  return out;
}

type Captures = Record<string, number>;

interface Matcher {
  readonly node: ColumnNode;
  test(label: string): Captures | undefined;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(node: ColumnNode): Matcher {
  const exact = new Set<string>();
  const patterns: { re: RegExp; names: string[] }[] = [];
  for (const text of [node.label, ...(node.aliases ?? [])]) {
    if (!/\{\w+\}/.test(text)) {
      exact.add(normalizeLabel(text));
      continue;
    }
    const names: string[] = [];
    const source = text
      .split(/(\{\w+\})/)
      .map((part) => {
        const m = /^\{(\w+)\}$/.exec(part);
        if (m) {
          names.push(m[1] ?? '');
          return '(\\d{4})';
        }
        return escape(normalizeLabel(part));
      })
      .join('');
    patterns.push({ re: new RegExp(`^${source}$`, 'u'), names });
  }
  return {
    node,
    test(label) {
      if (exact.has(label)) return {};
      for (const { re, names } of patterns) {
        const m = re.exec(label);
        if (m) return Object.fromEntries(names.map((n, i) => [n, Number(m[i + 1])]));
      }
      return undefined;
    },
  };
}

interface CompiledTree {
  readonly leaves: readonly LeafColumn[];
  readonly depth: number;
  readonly matchers: ReadonlyMap<ColumnNode, Matcher>;
  readonly groups: readonly ColumnNode[];
  /** Every plain (non-template) label and alias of the tree, normalised. */
  readonly words: readonly string[];
}

const compiled = new WeakMap<readonly ColumnNode[], CompiledTree>();

function compileTree(columns: readonly ColumnNode[]): CompiledTree {
  let tree = compiled.get(columns);
  if (!tree) {
    const nodes = allNodes(columns);
    tree = {
      leaves: leavesOf(columns),
      depth: treeDepth(columns),
      matchers: new Map(nodes.map((n) => [n, compile(n)])),
      groups: nodes.filter((n) => n.children && n.children.length > 0),
      words: [...new Set(nodes.flatMap((n) => [n.label, ...(n.aliases ?? [])]).filter((t) => !/\{\w+\}/.test(t)).map(normalizeLabel))],
    };
    compiled.set(columns, tree);
  }
  return tree;
}

function matchAny(tree: CompiledTree, label: string): boolean {
  for (const m of tree.matchers.values()) if (m.test(label)) return true;
  return false;
}

export interface HeaderLabel {
  readonly text: string;
  readonly row: number;
  readonly col: number;
}

export interface HeaderMatch {
  /** Header rows [start, end). */
  readonly start: number;
  readonly end: number;
  /** Sheet column → the leaf it holds. */
  readonly columns: ReadonlyMap<number, LeafColumn>;
  /** Values captured from template labels (`{currentYear}年预算数`). */
  readonly vars: Readonly<Captures>;
  /** Header cells that name no column of the layout. */
  readonly unknown: readonly HeaderLabel[];
}

const HEADER_WINDOW = 40;

function rowOf(grid: Grid, r: number): readonly CellValue[] {
  const row = grid.rows[r];
  return Array.isArray(row) ? row : [];
}

/**
 * A header word wrapped over two rows (`财政专户管理` above `事业收入`, `上级补助收`
 * above `入`): when the upper part names nothing of the tree, the two parts
 * joined are the word. A word whose last character was pushed into the first
 * row of figures (`对附属单位上缴收` … `入0.00`) is the tree's only word it begins.
 */
function joinWrapped(tree: CompiledTree, path: HeaderLabel[]): HeaderLabel[] {
  if (path.length < 2) return path;
  const upper = path[path.length - 2] as HeaderLabel;
  const lower = path[path.length - 1] as HeaderLabel;
  if (matchAny(tree, upper.text)) return path;
  const joined = upper.text + lower.text;
  if (matchAny(tree, joined)) return [...path.slice(0, -2), { ...upper, text: joined }];
  if (matchAny(tree, lower.text)) return path;
  const longer = tree.words.filter((w) => w.length === joined.length + 1 && w.startsWith(joined));
  return longer.length === 1 ? [...path.slice(0, -2), { ...upper, text: longer[0] as string }] : path;
}

/** A 合计 row without figures (an empty form's): a row of the body, not of the header. */
function totalRowAlone(row: readonly CellValue[]): boolean {
  const filled = row.filter((v) => !isBlank(v));
  return filled.length === 1 && typeof filled[0] === 'string' && isTotalLabel(filled[0]);
}

function labelsMatched(tree: CompiledTree, row: readonly CellValue[]): number {
  let n = 0;
  for (const v of row) if (typeof v === 'string' && v.length <= 80 && matchAny(tree, normalizeLabel(v))) n++;
  return n;
}

/** Each cell of a header row left blank inside a merge → the merge's first cell, each cell filled at most once. */
function coverOf(merges: MergeIndex, start: number, end: number, width: number): ([number, number] | undefined)[][] {
  const cover: ([number, number] | undefined)[][] = [];
  const next: number[][] = [];
  for (let h = start; h < end; h++) {
    cover.push(new Array<[number, number] | undefined>(width).fill(undefined));
    next.push(Array.from({ length: width + 1 }, (_v, i) => i));
  }
  const find = (arr: number[], i: number): number => {
    let root = i;
    while (arr[root] !== root) root = arr[root] ?? root;
    let cur = i;
    while (arr[cur] !== root) {
      const n = arr[cur] ?? root;
      arr[cur] = root;
      cur = n;
    }
    return root;
  };
  for (let r = start; r < end; r++) {
    for (const m of merges.get(r) ?? []) {
      for (let h = Math.max(m.r0, start); h <= Math.min(m.r1, end - 1); h++) {
        const line = cover[h - start] as ([number, number] | undefined)[];
        const nx = next[h - start] as number[];
        const last = Math.min(m.c1, width - 1);
        if (m.c0 > last) continue;
        for (let c = find(nx, Math.max(m.c0, 0)); c <= last; c = find(nx, c)) {
          line[c] = [m.r0, m.c0];
          nx[c] = c + 1;
        }
      }
    }
  }
  return cover;
}

function ancestorsAgree(tree: CompiledTree, known: readonly string[], ancestors: readonly ColumnNode[]): Captures | undefined {
  const captures: Captures = {};
  let a = 0;
  for (const label of known) {
    let hit: Captures | undefined;
    while (a < ancestors.length && !hit) {
      hit = tree.matchers.get(ancestors[a] as ColumnNode)?.test(label);
      a++;
    }
    if (!hit) return undefined;
    Object.assign(captures, hit);
  }
  return captures;
}

function descendants(node: ColumnNode, leaves: readonly LeafColumn[]): LeafColumn[] {
  return leaves.filter((l) => l.ancestors.includes(node));
}

/**
 * The header of a layout's table below `from` (within `to`): its rows, and the
 * leaf each column holds. Undefined when no row carries the layout's header words.
 */
export function findHeader(grid: Grid, columns: readonly ColumnNode[], merges: MergeIndex, from: number, to: number): HeaderMatch | undefined {
  const tree = compileTree(columns);
  const limit = Math.min(to, from + HEADER_WINDOW, grid.rows.length);
  const need = Math.min(2, tree.leaves.length);
  let start = -1;
  for (let r = from; r < limit; r++) {
    if (labelsMatched(tree, rowOf(grid, r)) >= need) {
      start = r;
      break;
    }
  }
  if (start < 0) return undefined;
  let end = start + 1;
  while (end < Math.min(to, grid.rows.length) && end - start < tree.depth) {
    const row = rowOf(grid, end);
    if (row.some((v) => isNumeric(v)) || labelsMatched(tree, row) === 0 || totalRowAlone(row)) break;
    end++;
  }
  // Upper header rows with a single word of the tree (a group over the columns below, 部门预算 / 本级财政拨款).
  for (let k = 1; k < tree.depth && start - 1 >= from; k++) {
    const above = rowOf(grid, start - 1);
    if (above.some((v) => isNumeric(v)) || labelsMatched(tree, above) === 0) break;
    start--;
  }

  let width = 0;
  for (let r = start; r < end; r++) width = Math.max(width, rowOf(grid, r).length);
  const cover = coverOf(merges, start, end, width);
  const paths: HeaderLabel[][] = [];
  for (let c = 0; c < width; c++) {
    const path: HeaderLabel[] = [];
    for (let r = start; r < end; r++) {
      let v = rowOf(grid, r)[c];
      let at: [number, number] = [r, c];
      if (isBlank(v)) {
        const top = cover[r - start]?.[c];
        if (top && top[0] >= start) {
          v = rowOf(grid, top[0])[top[1]];
          at = top;
        }
      }
      if (isBlank(v)) continue;
      const text = normalizeLabel(cellText(v));
      if (text !== '' && text !== path[path.length - 1]?.text) path.push({ text, row: at[0], col: at[1] });
    }
    paths.push(joinWrapped(tree, path));
  }

  const used = new Set<LeafColumn>();
  const assigned = new Map<number, LeafColumn>();
  const vars: Captures = {};
  const known = (path: readonly HeaderLabel[]) => path.slice(0, -1).map((l) => l.text).filter((t) => matchAny(tree, t));
  paths.forEach((path, c) => {
    const last = path[path.length - 1];
    if (!last) return;
    for (const leaf of tree.leaves) {
      const own = used.has(leaf) ? undefined : tree.matchers.get(leaf.node)?.test(last.text);
      if (!own) continue;
      const caps = ancestorsAgree(tree, known(path), leaf.ancestors);
      if (!caps) continue;
      used.add(leaf);
      assigned.set(c, leaf);
      Object.assign(vars, caps, own);
      return;
    }
  });
  const unknown: HeaderLabel[] = [];
  paths.forEach((path, c) => {
    const last = path[path.length - 1];
    if (!last || assigned.has(c)) return;
    for (const g of tree.groups) {
      const inner = descendants(g, tree.leaves);
      const first = inner[0];
      const own = tree.matchers.get(g)?.test(last.text);
      if (!first || !own || inner.some((l) => used.has(l))) continue;
      const ancestors = first.ancestors.slice(0, first.ancestors.indexOf(g));
      const caps = ancestorsAgree(tree, known(path), ancestors);
      if (!caps) continue;
      for (const l of inner) used.add(l);
      assigned.set(c, first);
      Object.assign(vars, caps, own);
      return;
    }
    unknown.push(last);
  });
  if (assigned.size === 0) return undefined;
  return { start, end, columns: assigned, vars, unknown };
}
