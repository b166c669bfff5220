/**
 * The column tree: leaves in order, depth, and the header rows and merges it
 * implies. A group spans its children; a leaf above the deepest level spans
 * down to the last header row.
 */
import type { ColumnNode, Leaf } from './types.js';

/** A stable id for what a leaf holds (`code:function:0`, `previous:total`, `gpb`). */
export function fieldOf(leaf: Leaf): string {
  switch (leaf.kind) {
    case 'code':
      return `code:${leaf.scheme}:${leaf.level}`;
    case 'name':
      return `name:${leaf.scheme}`;
    case 'label':
      return `label:${leaf.side}`;
    case 'amount':
      return leaf.side === undefined ? leaf.column : `${leaf.side}:${leaf.column}`;
    case 'indicator':
      return leaf.part;
    default:
      return leaf.kind;
  }
}

export interface LeafColumn {
  readonly leaf: Leaf;
  readonly field: string;
  readonly node: ColumnNode;
  /** Groups above the leaf, outermost first. */
  readonly ancestors: readonly ColumnNode[];
  /** Position among the leaves, left to right. */
  readonly index: number;
}

export function leavesOf(nodes: readonly ColumnNode[]): LeafColumn[] {
  const out: LeafColumn[] = [];
  const walk = (list: readonly ColumnNode[], ancestors: readonly ColumnNode[]): void => {
    for (const node of list) {
      if (node.children && node.children.length > 0) walk(node.children, [...ancestors, node]);
      else if (node.leaf) out.push({ leaf: node.leaf, field: fieldOf(node.leaf), node, ancestors, index: out.length });
    }
  };
  walk(nodes, []);
  return out;
}

export function treeDepth(nodes: readonly ColumnNode[]): number {
  let depth = 0;
  for (const n of nodes) depth = Math.max(depth, 1 + (n.children && n.children.length > 0 ? treeDepth(n.children) : 0));
  return depth;
}

/** The tree without the optional leaves `keep` rejects (groups left empty disappear). */
export function pruneOptional(nodes: readonly ColumnNode[], keep: (leaf: LeafColumn['field']) => boolean, inherited = false): ColumnNode[] {
  const out: ColumnNode[] = [];
  for (const n of nodes) {
    const optional = inherited || n.optional === true;
    if (n.children && n.children.length > 0) {
      const children = pruneOptional(n.children, keep, optional);
      if (children.length > 0) out.push(children.every((c, i) => c === n.children?.[i]) && children.length === n.children.length ? n : { ...n, children });
    } else if (n.leaf && (!optional || keep(fieldOf(n.leaf)))) {
      out.push(n);
    }
  }
  return out;
}

export type TemplateVars = Readonly<Record<string, string | number>>;

/** `{currentYear}年预算数` with `{ currentYear: 2024 }` → `2024年预算数`. */
export function fillTemplate(label: string, vars: TemplateVars): string {
  return label.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export interface HeaderCell {
  /** Zero-based row within the header block and column within the table. */
  readonly row: number;
  readonly col: number;
  readonly text: string;
  readonly rowSpan: number;
  readonly colSpan: number;
}

/** Header cells of a tree: one per node, with the spans its position implies. */
export function headerCells(nodes: readonly ColumnNode[], vars: TemplateVars): { depth: number; cells: HeaderCell[] } {
  const depth = treeDepth(nodes);
  const cells: HeaderCell[] = [];
  const walk = (list: readonly ColumnNode[], row: number, col: number): number => {
    let c = col;
    for (const node of list) {
      if (node.children && node.children.length > 0) {
        const width = walk(node.children, row + 1, c);
        cells.push({ row, col: c, text: fillTemplate(node.label, vars), rowSpan: 1, colSpan: width });
        c += width;
      } else {
        cells.push({ row, col: c, text: fillTemplate(node.label, vars), rowSpan: depth - row, colSpan: 1 });
        c += 1;
      }
    }
    return c - col;
  };
  walk(nodes, 0, 0);
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { depth, cells };
}

/** Every node of a tree, depth first. */
export function allNodes(nodes: readonly ColumnNode[]): ColumnNode[] {
  const out: ColumnNode[] = [];
  const walk = (list: readonly ColumnNode[]): void => {
    for (const n of list) {
      out.push(n);
      if (n.children) walk(n.children);
    }
  };
  walk(nodes);
  return out;
}
