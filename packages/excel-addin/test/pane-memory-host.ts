/**
 * An in-memory WorkbookHost for the pane's unit tests: sheets as grids, the
 * add-in's own sheets, marks and the selection, with the port's rules (a user's
 * sheet is never touched; an add-in sheet is replaced only when asked).
 */
import type { Diagnostic, Grid, SheetSpec } from '@yusuan/core';
import type { OwnedSheet, WorkbookHost, WorkbookSnapshot, WriteResult } from '../src/host.js';

export interface MemorySheet {
  name: string;
  grid: Grid;
  owner: OwnedSheet['kind'] | 'user';
}

export class MemoryHost implements WorkbookHost {
  readonly sheets: MemorySheet[];
  marks = new Set<string>();
  selection: { sheet: string; cell: string } | null = null;
  calls: string[] = [];
  /** Makes the next call of this method fail with this error. */
  failNext: { method: keyof WorkbookHost; error: unknown } | null = null;

  constructor(grids: readonly Grid[] = [], owned: readonly OwnedSheet[] = []) {
    this.sheets = grids.map((grid) => ({ name: grid.name, grid, owner: owned.find((o) => o.name === grid.name)?.kind ?? 'user' }));
  }

  private enter(method: keyof WorkbookHost): void {
    this.calls.push(method);
    if (this.failNext?.method === method) {
      const { error } = this.failNext;
      this.failNext = null;
      throw error;
    }
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name.toUpperCase() === name.toUpperCase());
  }

  async snapshot(): Promise<WorkbookSnapshot> {
    this.enter('snapshot');
    return {
      grids: this.sheets.map((s) => ({ ...s.grid, name: s.name })),
      owned: this.sheets.flatMap((s) => (s.owner === 'user' ? [] : [{ name: s.name, kind: s.owner }])),
    };
  }

  /** Each sheet under its name or the first free `name (n)`; an add-in sheet on the way is replaced only with replaceOwned. */
  async writeSheets(specs: readonly SheetSpec[], kind: OwnedSheet['kind'], options: { readonly replaceOwned: boolean }): Promise<WriteResult> {
    this.enter('writeSheets');
    const written: string[] = [];
    const replaced: string[] = [];
    const used = new Set<string>();
    for (const spec of specs) {
      for (let n = 1; ; n++) {
        const suffix = ` (${n})`;
        const name = n === 1 ? spec.name : `${spec.name.slice(0, 31 - suffix.length)}${suffix}`;
        if (used.has(name.toUpperCase())) continue;
        const existing = this.sheet(name);
        if (existing && !(existing.owner !== 'user' && options.replaceOwned)) continue;
        used.add(name.toUpperCase());
        const grid = { name, rows: spec.rows, ...(spec.merges ? { merges: spec.merges } : {}) };
        if (existing) {
          existing.grid = grid;
          existing.owner = kind;
          replaced.push(existing.name);
        } else this.sheets.push({ name, grid, owner: kind });
        written.push(name);
        break;
      }
    }
    return { written, replaced };
  }

  async mark(diagnostics: readonly Diagnostic[]): Promise<number> {
    this.enter('mark');
    const before = this.marks.size;
    for (const d of diagnostics) if (d.location.sheet !== undefined && d.location.cell !== undefined) this.marks.add(`${d.location.sheet}!${d.location.cell}`);
    return this.marks.size - before;
  }

  async clearMarks(): Promise<number> {
    this.enter('clearMarks');
    const n = this.marks.size;
    this.marks.clear();
    return n;
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.enter('select');
    if (!this.sheet(sheet)) throw Object.assign(new Error(`sheet ${sheet} not found`), { code: 'ItemNotFound' });
    this.selection = { sheet, cell };
  }
}
