/** Where a parse puts what it finds: diagnostics (sorted at the end) and the source map. */
import type { Diagnostic, FormRef, Location, MessageData } from '../diagnostics/types.js';
import { pathKey } from '../diagnostics/types.js';
import { NO_CACHED_VALUE, a1 } from '../grid/grid.js';
import { FORM_DIAGNOSTICS, type FormMessageId } from './messages.js';

type Path = readonly (string | number)[];

export class Sink {
  readonly sourceMap: Record<string, Location> = {};
  private readonly found: { d: Diagnostic; key: readonly number[] }[] = [];

  report(gridIndex: number, row: number, col: number, messageId: FormMessageId, data: MessageData, location: Location): void {
    // an amount cell holding a formula without a saved result is no typing error: say so
    const id: FormMessageId = messageId === 'notANumber' && data.text === NO_CACHED_VALUE ? 'noCachedValue' : messageId;
    const { ruleId, severity } = FORM_DIAGNOSTICS[id];
    this.found.push({ d: { ruleId, severity, messageId: id, data, location }, key: [gridIndex, row, col, this.found.length] });
  }

  /** Diagnostics by workbook position (sheet order, row, column), then in the order found. */
  diagnostics(): Diagnostic[] {
    return this.found
      .slice()
      .sort((a, b) => {
        for (let i = 0; i < a.key.length; i++) {
          const d = (a.key[i] ?? 0) - (b.key[i] ?? 0);
          if (d !== 0) return d;
        }
        return 0;
      })
      .map((f) => f.d);
  }
}

/** One table being read: its sheet, its form, and helpers that locate what is read. */
export class TableScope {
  constructor(
    readonly sink: Sink,
    readonly gridIndex: number,
    readonly sheet: string,
    readonly form: FormRef,
    readonly project?: string,
    /** For a table beyond the standard forms (model.tables): its title; `form` is then not part of its locations. */
    readonly table?: string,
  ) {}

  location(row: number, col: number, path: Path | undefined, rowKey?: string, columnKey?: string): Location {
    if (this.table !== undefined) {
      return { table: this.table, ...(rowKey !== undefined ? { rowKey } : {}), ...(columnKey !== undefined ? { columnKey } : {}), ...(path !== undefined ? { path } : {}), sheet: this.sheet, cell: a1(row, col) };
    }
    return {
      form: this.form,
      ...(rowKey !== undefined ? { rowKey } : {}),
      ...(columnKey !== undefined ? { columnKey } : {}),
      ...(this.project !== undefined ? { project: this.project } : {}),
      ...(path !== undefined ? { path } : {}),
      sheet: this.sheet,
      cell: a1(row, col),
    };
  }

  /** Records where the model value at `path` (or at the path key `path`) was read. */
  map(path: Path | string, row: number, col: number, rowKey?: string, columnKey?: string): void {
    if (this.table !== undefined) {
      this.sink.sourceMap[typeof path === 'string' ? path : pathKey(path)] = this.location(row, col, undefined, rowKey, columnKey);
      return;
    }
    const loc: { form: FormRef; rowKey?: string; columnKey?: string; project?: string; sheet: string; cell: string } = { form: this.form, sheet: this.sheet, cell: a1(row, col) };
    if (rowKey !== undefined) loc.rowKey = rowKey;
    if (columnKey !== undefined) loc.columnKey = columnKey;
    if (this.project !== undefined) loc.project = this.project;
    this.sink.sourceMap[typeof path === 'string' ? path : pathKey(path)] = loc;
  }

  report(messageId: FormMessageId, data: MessageData, row: number, col: number, path?: Path, rowKey?: string, columnKey?: string): void {
    this.sink.report(this.gridIndex, row, col, messageId, data, this.location(row, col, path, rowKey, columnKey));
  }

  withProject(project: string): TableScope {
    return new TableScope(this.sink, this.gridIndex, this.sheet, this.form, project, this.table);
  }
}
