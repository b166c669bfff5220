/**
 * The port between the task pane and a workbook. The pane (UI) talks only to a
 * WorkbookHost; the Office.js adapter (excel/adapter.ts) implements it against
 * Excel, and tests use the same adapter over a strict in-memory fake of the
 * Excel API. Everything checked, summed or laid out comes from @yusuan/core.
 */
import type { Diagnostic, Grid, SheetSpec } from '@yusuan/core';

/** A sheet the add-in created (it may replace or delete only these). */
export interface OwnedSheet {
  readonly name: string;
  /** What the add-in wrote there: the standard forms, or the input template. */
  readonly kind: 'forms' | 'template' | 'report';
}

export interface WorkbookSnapshot {
  /** Every worksheet's used range as a Grid (values and merges). */
  readonly grids: readonly Grid[];
  /** Sheets this add-in created earlier. */
  readonly owned: readonly OwnedSheet[];
}

export interface WriteResult {
  /** Names of the sheets written (new names where a user's sheet already had the wanted one). */
  readonly written: readonly string[];
  /** Add-in sheets that were replaced. */
  readonly replaced: readonly string[];
}

export interface WorkbookHost {
  /** Reads the whole workbook in a constant number of round trips. */
  snapshot(): Promise<WorkbookSnapshot>;
  /**
   * Writes generated sheets. A sheet whose name belongs to the user is never touched: the
   * new sheet gets another name. An add-in sheet of the same name is replaced only when
   * `replaceOwned` is true (the pane asks the user first).
   */
  writeSheets(sheets: readonly SheetSpec[], kind: OwnedSheet['kind'], options: { readonly replaceOwned: boolean }): Promise<WriteResult>;
  /** Marks the cells of findings in a way that can be removed completely (never the user's own formats). */
  mark(diagnostics: readonly Diagnostic[]): Promise<number>;
  /** Removes every mark this add-in made, and nothing else. */
  clearMarks(): Promise<number>;
  /** Activates a sheet and selects a cell. */
  select(sheet: string, cell: string): Promise<void>;
}
