/**
 * The pane's behaviour without a DOM: state, and one method per button. The
 * view (view.ts) renders the state and calls these methods; tests drive them
 * directly against an in-memory WorkbookHost.
 *
 * Every workbook access goes through the WorkbookHost port; every finding,
 * form and template comes from @yusuan/core.
 */
import type { CheckResult, Diagnostic, SheetSpec } from '@yusuan/core';
import type { OwnedSheet, WorkbookHost, WorkbookSnapshot, WriteResult } from '../host.js';
import { errorMessage } from './errors.js';
import { cellOf, cellRef, countBySeverity, matchesFilter, type SeverityFilter } from './findings.js';
import { t, type Lang, type MessageData, type MessageKey } from './i18n.js';
import { generationPlan, ownedConflicts, renamedSheets, reportJson, reportSheet, templateSheets, validateSnapshot, type ReportFile } from './plans.js';

export type ActionId = 'validate' | 'select' | 'mark' | 'clear' | 'generate' | 'template' | 'export';

/** A status line: a message key and its data (rendered in the current language), or the text of an error. */
export type Status =
  | { readonly tone: 'info' | 'success'; readonly key: MessageKey; readonly data?: MessageData; readonly notes?: readonly Note[] }
  | { readonly tone: 'error'; readonly error: unknown };

/** A further line under a status: a message and a list of sheet names. */
export interface Note {
  readonly key: MessageKey;
  readonly data?: MessageData;
  readonly sheets?: readonly string[];
}

export type ConfirmChoice = 'replace' | 'keep' | 'cancel';

export interface Confirmation {
  readonly action: 'generate' | 'template' | 'export';
  /** The add-in sheets that would be replaced. */
  readonly sheets: readonly string[];
}

export interface PaneState {
  readonly lang: Lang;
  /** False on hosts below ExcelApi 1.13: every action is disabled. */
  readonly supported: boolean;
  readonly busy: ActionId | null;
  readonly status: Status | null;
  readonly result: CheckResult | null;
  readonly filter: SeverityFilter;
  readonly confirm: Confirmation | null;
  /** Index (into result.diagnostics) of the finding selected last. */
  readonly selected: number | null;
}

export interface PaneOptions {
  /** Interface language; Chinese by default. */
  readonly lang?: Lang;
  /** Whether the host has ExcelApi 1.13; true by default. */
  readonly supported?: boolean;
  /** Hands a file to the user (the view downloads it through a Blob link). */
  readonly download?: (file: ReportFile) => void;
}

type Listener = (state: PaneState) => void;

export class PaneController {
  private current: PaneState;
  private readonly listeners = new Set<Listener>();
  private pendingAnswer: ((choice: ConfirmChoice) => void) | null = null;

  constructor(
    private readonly host: WorkbookHost,
    private readonly options: PaneOptions = {},
  ) {
    this.current = {
      lang: options.lang ?? 'zh-CN',
      supported: options.supported ?? true,
      busy: null,
      status: null,
      result: null,
      filter: 'all',
      confirm: null,
      selected: null,
    };
  }

  get state(): PaneState {
    return this.current;
  }

  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private update(patch: Partial<PaneState>): void {
    this.current = { ...this.current, ...patch };
    for (const l of this.listeners) l(this.current);
  }

  setLang(lang: Lang): void {
    this.update({ lang });
  }

  setFilter(filter: SeverityFilter): void {
    this.update({ filter });
  }

  /** The findings the current filter shows. */
  visibleDiagnostics(): Diagnostic[] {
    return (this.current.result?.diagnostics ?? []).filter((d) => matchesFilter(d, this.current.filter));
  }

  /** Runs one action: nothing else runs meanwhile; a failure becomes an error status, never an exception. */
  private async run<T>(action: ActionId, body: () => Promise<T>): Promise<T | undefined> {
    if (!this.current.supported || this.current.busy !== null) return undefined;
    this.update({ busy: action, status: null });
    try {
      return await body();
    } catch (error) {
      this.update({ status: { tone: 'error', error } });
      return undefined;
    } finally {
      this.update({ busy: null, confirm: null });
      this.pendingAnswer = null;
    }
  }

  /** Reads the workbook and checks it. */
  validate(): Promise<CheckResult | undefined> {
    return this.run('validate', async () => this.check(await this.host.snapshot()));
  }

  private check(snapshot: WorkbookSnapshot): CheckResult {
    const result = validateSnapshot(snapshot);
    const counts = countBySeverity(result.diagnostics);
    this.update({
      result,
      selected: null,
      status:
        result.diagnostics.length === 0
          ? { tone: 'success', key: 'validatedClean' }
          : { tone: 'info', key: 'validated', data: { errors: counts.error, warnings: counts.warning } },
    });
    return result;
  }

  /** Activates the finding's sheet and selects its cell. */
  select(index: number): Promise<void> {
    const d = this.current.result?.diagnostics[index];
    const at = d ? cellOf(d) : undefined;
    if (!at) return Promise.resolve();
    return this.run('select', async () => {
      await this.host.select(at.sheet, at.cell);
      this.update({ selected: index, status: { tone: 'info', key: 'selected', data: { where: cellRef(at.sheet, at.cell) } } });
    });
  }

  /** Marks the cells of the findings the filter shows, replacing earlier marks (validating first where needed). */
  mark(): Promise<number | undefined> {
    return this.run('mark', async () => {
      if (!this.current.result) this.check(await this.host.snapshot());
      // The marks show exactly the findings listed now, not those of an earlier check.
      await this.host.clearMarks();
      const count = await this.host.mark(this.visibleDiagnostics().filter((d) => cellOf(d) !== undefined));
      this.update({ status: count > 0 ? { tone: 'success', key: 'marked', data: { count } } : { tone: 'info', key: 'markedNone' } });
      return count;
    });
  }

  /** Removes every mark the add-in made. */
  clearMarks(): Promise<number | undefined> {
    return this.run('clear', async () => {
      const count = await this.host.clearMarks();
      this.update({ status: count > 0 ? { tone: 'success', key: 'cleared', data: { count } } : { tone: 'info', key: 'clearedNone' } });
      return count;
    });
  }

  /** Generates the standard forms into new sheets (from the input sheets, or from the forms found). */
  generate(): Promise<WriteResult | undefined> {
    return this.run('generate', async () => {
      const snapshot = await this.host.snapshot();
      const plan = generationPlan(snapshot);
      if (!plan.ok) {
        this.update({ status: { tone: 'info', key: 'nothingToGenerate' } });
        return undefined;
      }
      const written = await this.write('generate', plan.sheets, 'forms', snapshot);
      if (written) this.reportWrite(plan.source === 'input' ? 'generatedFromInput' : 'generatedFromForms', plan.sheets, written);
      return written;
    });
  }

  /** Inserts the empty input workbook (底稿) sheets. */
  insertTemplate(): Promise<WriteResult | undefined> {
    return this.run('template', async () => {
      const snapshot = await this.host.snapshot();
      const sheets = templateSheets();
      const written = await this.write('template', sheets, 'template', snapshot);
      if (written) this.reportWrite('templateInserted', sheets, written);
      return written;
    });
  }

  /** Downloads the JSON report and writes the report sheet (validating first where needed). */
  exportReport(): Promise<ReportFile | undefined> {
    return this.run('export', async () => {
      const snapshot = await this.host.snapshot();
      const result = this.current.result ?? this.check(snapshot);
      const lang = this.current.lang;
      const file = reportJson(result, lang, t(lang, 'reportFile'));
      this.options.download?.(file);
      const sheet = reportSheet(result, lang);
      const written = await this.write('export', [sheet], 'report', snapshot);
      if (written) this.reportWrite('reportWritten', [sheet], written, { sheet: written.written[0] ?? sheet.name });
      return file;
    });
  }

  /** Answers the open confirmation dialog. */
  answer(choice: ConfirmChoice): void {
    const resolve = this.pendingAnswer;
    this.pendingAnswer = null;
    this.update({ confirm: null });
    resolve?.(choice);
  }

  private ask(confirm: Confirmation): Promise<ConfirmChoice> {
    return new Promise((resolve) => {
      this.pendingAnswer = resolve;
      this.update({ confirm });
    });
  }

  /**
   * Writes sheets. Where the add-in's earlier output would be replaced, asks first:
   * replace it, keep it and add new sheets, or cancel. Undefined when cancelled.
   */
  private async write(action: Confirmation['action'], sheets: readonly SheetSpec[], kind: OwnedSheet['kind'], snapshot: WorkbookSnapshot): Promise<WriteResult | undefined> {
    const conflicts = ownedConflicts(sheets, snapshot);
    if (conflicts.length === 0) return this.host.writeSheets(sheets, kind, { replaceOwned: false });
    const choice = await this.ask({ action, sheets: conflicts });
    if (choice === 'cancel') {
      this.update({ status: { tone: 'info', key: 'cancelled' } });
      return undefined;
    }
    return this.host.writeSheets(sheets, kind, { replaceOwned: choice === 'replace' });
  }

  private reportWrite(key: MessageKey, sheets: readonly SheetSpec[], written: WriteResult, data: MessageData = {}): void {
    const notes: Note[] = [];
    if (written.replaced.length > 0) notes.push({ key: 'replacedSheets', data: { count: written.replaced.length } });
    const renamed = renamedSheets(sheets, written.written);
    if (renamed.length > 0) notes.push({ key: 'renamedSheets', sheets: renamed });
    this.update({ status: { tone: 'success', key, data: { count: written.written.length, ...data }, notes } });
  }

  /** The text of an error status in the current language. */
  errorText(error: unknown): string {
    return errorMessage(error, this.current.lang);
  }
}
