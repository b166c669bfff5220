/**
 * Entry of the fake-Office bundle the browser test injects into the task pane
 * page before any of its scripts run (esbuild builds it into an IIFE in the
 * test). It builds the fixture workbook the test put on
 * `window.__YUSUAN_FIXTURE__`, installs the fake `Office` and `Excel` on the
 * window, adds the dialog API the ribbon commands use, and exposes the
 * workbook to the test as `window.__fake` (plain data only).
 */
import type { Grid } from '@yusuan/core';
import { fakeWorkbookFromGrids, installFakeOffice, type FakeCellFormat } from './fake-office/index.js';

export interface BrowserFixture {
  readonly grids: readonly Grid[];
  readonly apiVersion?: string;
  /** The user's own cell formats. */
  readonly formats?: readonly { readonly sheet: string; readonly range: string; readonly format: FakeCellFormat }[];
  /** The user's own conditional formats. */
  readonly conditionalFormats?: readonly { readonly sheet: string; readonly range: string; readonly formula: string; readonly fillColor: string }[];
}

/** A dialog opened by a ribbon command, as the test sees it. */
export interface OpenedDialog {
  readonly url: string;
  readonly options: unknown;
  closed: boolean;
}

const w = window as unknown as {
  __YUSUAN_FIXTURE__?: BrowserFixture;
  __fake?: unknown;
  Office?: Record<string, unknown> & { context: Record<string, unknown> };
};

const fixture = w.__YUSUAN_FIXTURE__;
if (fixture) {
  const workbook = fakeWorkbookFromGrids(fixture.grids);
  for (const f of fixture.formats ?? []) workbook.requireSheet(f.sheet).setFormat(f.range, f.format);
  for (const cf of fixture.conditionalFormats ?? []) workbook.requireSheet(cf.sheet).addConditionalFormat({ range: cf.range, formula: cf.formula, fillColor: cf.fillColor });
  const installed = installFakeOffice(window, workbook, fixture.apiVersion === undefined ? {} : { apiVersion: fixture.apiVersion });

  // The dialog API of Office.context.ui, which the fake Excel does not model: it records
  // what a command opens and lets the test answer as the dialog page would.
  const dialogs: OpenedDialog[] = [];
  const handlers = new Map<string, (arg: unknown) => void>();
  const office = w.Office;
  if (office) {
    office.AsyncResultStatus = { Succeeded: 'succeeded', Failed: 'failed' };
    office.EventType = { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' };
    office.context.displayLanguage = 'zh-CN';
    office.context.ui = {
      displayDialogAsync(url: string, options: unknown, callback: (result: unknown) => void) {
        const dialog: OpenedDialog = { url, options, closed: false };
        dialogs.push(dialog);
        callback({
          status: 'succeeded',
          value: {
            addEventHandler: (type: string, handler: (arg: unknown) => void) => handlers.set(type, handler),
            close: () => {
              dialog.closed = true;
            },
          },
        });
      },
    };
  }

  const cellsWithMarks = (markFormula: string) =>
    workbook.sheets.flatMap((s) => s.conditionalFormats.filter((cf) => cf.formula?.replace(/\s+/g, '').toUpperCase() === markFormula.replace(/\s+/g, '').toUpperCase()).map((cf) => ({ sheet: s.name, box: cf.box })));

  w.__fake = {
    sheetNames: () => workbook.sheets.map((s) => s.name),
    selection: () => (workbook.selection ? { ...workbook.selection } : null),
    activeSheet: () => workbook.active?.name ?? null,
    /** Sheets as plain data (cells, formats, conditional formats …): the named ones, or all. */
    sheets: (names?: readonly string[]) => JSON.parse(JSON.stringify(workbook.sheets.filter((s) => !names || names.includes(s.name)).map((s) => s.snapshot()))) as unknown,
    sheet: (name: string) => JSON.parse(JSON.stringify(workbook.requireSheet(name).snapshot())) as unknown,
    grid: (name: string) => workbook.requireSheet(name).grid(),
    owner: (name: string) => workbook.requireSheet(name).customProperty('yusuan.owner') ?? null,
    marks: (markFormula: string) => cellsWithMarks(markFormula),
    syncCount: () => workbook.syncCount,
    handlers: () => [...installed.Office._handlers.keys()],
    runCommand: (name: string) =>
      new Promise<boolean>((resolve) => {
        const handler = installed.Office._handlers.get(name);
        if (!handler) throw new Error(`no ribbon command ${name}`);
        void handler({ completed: () => resolve(true) });
      }),
    dialogs: () => dialogs.map((d) => ({ ...d })),
    /** Answers the open dialog as result.html does when its 关闭 button is clicked. */
    closeDialog: () => handlers.get('dialogMessageReceived')?.({ message: 'close' }),
  };
}
