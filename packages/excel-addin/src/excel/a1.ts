/** Rectangles of cells and their A1 addresses, as the adapter passes them to Office.js. */
import { a1, parseA1 } from '@yusuan/core';

/** Zero-based, inclusive. */
export interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function boxAddress(box: Box): string {
  const first = a1(box.top, box.left);
  return box.top === box.bottom && box.left === box.right ? first : `${first}:${a1(box.bottom, box.right)}`;
}

export function boxCells(box: Box): number {
  return (box.bottom - box.top + 1) * (box.right - box.left + 1);
}

/** `B3`, `A1:L4` or `$A$1:$B$2` as a box; undefined for anything else. */
export function parseRange(address: string): Box | undefined {
  const parts = address.split(':');
  if (parts.length > 2) return undefined;
  const p = parseA1(parts[0] ?? '');
  const q = parseA1(parts[1] ?? parts[0] ?? '');
  if (!p || !q) return undefined;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/**
 * The rectangles of a RangeAreas address (`'表 1'!A1:B2, '表 1'!C3`): sheet
 * names may be quoted (with '' for a quote) and contain commas or `!`.
 */
export function parseAreaList(address: string): Box[] {
  const boxes: Box[] = [];
  let i = 0;
  const n = address.length;
  while (i < n) {
    while (i < n && (address[i] === ',' || address[i] === ' ')) i++;
    if (i >= n) break;
    const begin = i;
    if (address[i] === "'") {
      i++;
      while (i < n && !(address[i] === "'" && address[i + 1] !== "'")) i += address[i] === "'" ? 2 : 1;
      i++;
    } else {
      while (i < n && address[i] !== '!' && address[i] !== ',') i++;
    }
    const start = address[i] === '!' ? i + 1 : begin;
    i = start;
    while (i < n && address[i] !== ',') i++;
    const box = parseRange(address.slice(start, i).trim());
    if (!box) throw new Error(`unexpected range address from Excel: ${address}`);
    boxes.push(box);
  }
  return boxes;
}
