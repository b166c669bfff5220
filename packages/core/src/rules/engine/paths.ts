import type { Location } from '../../diagnostics/types.js';
import { pathKey } from '../../diagnostics/types.js';

/** Reads a value at a model path; undefined where the path does not exist. */
export function getAt(root: unknown, path: readonly (string | number)[]): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/** The dot keys of a path's prefixes, shortest first: a, a.b, a.b.c. */
function prefixKeys(path: readonly (string | number)[]): string[] {
  const keys: string[] = [];
  let k = '';
  for (const seg of path) {
    k = k === '' ? String(seg) : `${k}.${seg}`;
    keys.push(k);
  }
  return keys;
}

/** Physical location (sheet + cell or line) of a path, looked up in a source map, falling back to its parents (a row's location for a missing cell). */
export function physicalLocation(sourceMap: Readonly<Record<string, Location>> | undefined, path: readonly (string | number)[] | undefined): Location {
  if (!sourceMap || !path) return {};
  const keys = prefixKeys(path);
  for (let n = path.length; n > 0; n--) {
    const hit = sourceMap[keys[n - 1] ?? ''];
    if (hit) {
      const out: { sheet?: string; cell?: string; line?: number } = {};
      if (hit.sheet !== undefined) out.sheet = hit.sheet;
      if (hit.cell !== undefined && n === path.length) out.cell = hit.cell;
      if (hit.line !== undefined) out.line = hit.line;
      if (out.cell === undefined && hit.cell !== undefined && n < path.length) {
        // a missing cell of a known row: point at the row's first cell so the user lands on the row
        out.cell = hit.cell;
      }
      return out;
    }
  }
  return {};
}

/** Blocked figures: a path is blocked when it or one of its ancestors was blocked. */
export class BlockSet {
  private readonly keys = new Set<string>();
  private readonly matchers: ((path: readonly (string | number)[]) => boolean)[] = [];

  add(path: readonly (string | number)[]): void {
    this.keys.add(pathKey(path));
  }

  /** Blocks every path a test accepts (the figures a document's profile does not publish). */
  addMatcher(test: (path: readonly (string | number)[]) => boolean): void {
    this.matchers.push(test);
  }

  has(path: readonly (string | number)[]): boolean {
    if (this.matchers.some((m) => m(path))) return true;
    if (this.keys.size === 0) return false;
    return prefixKeys(path).some((k) => this.keys.has(k));
  }
}
