/**
 * The fake `Excel` and `Office` globals over a FakeWorkbook, and their
 * installation on a global object (Node's globalThis in vitest, `window` in a
 * headless browser page).
 */
import { FAKE_ERROR_CODES, FakeOfficeError, unsupported } from './errors.js';
import type { FakeWorkbook } from './model.js';
import { FakeRequestContext } from './proxies.js';

export interface FakeExcel {
  run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
  readonly ErrorCodes: Readonly<Record<string, string>>;
  readonly ConditionalFormatType: Readonly<Record<string, string>>;
}

export interface FakeOffice {
  readonly HostType: Readonly<Record<string, string>>;
  readonly PlatformType: Readonly<Record<string, string>>;
  readonly context: {
    readonly host: string;
    readonly platform: string;
    readonly displayLanguage: string;
    readonly requirements: { isSetSupported(name: string, minVersion?: string): boolean };
  };
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
  readonly actions: { associate(name: string, handler: (event: unknown) => unknown): void };
  /** Ribbon command handlers registered with Office.actions.associate (fake only). */
  readonly _handlers: Map<string, (event: unknown) => unknown>;
}

export interface InstallOptions {
  /** The ExcelApi requirement set the host reports (default 1.13). */
  readonly apiVersion?: string;
  readonly platform?: string;
  /** Office's UI language (default zh-CN). */
  readonly displayLanguage?: string;
}

function versionAtLeast(have: string, need: string): boolean {
  const a = have.split('.').map(Number);
  const b = need.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

/** `Excel` over the workbook: Excel.run creates a context, runs the batch and sends what is still queued. */
export function createFakeExcel(workbook: FakeWorkbook): FakeExcel {
  return {
    async run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
      if (typeof batch !== 'function') throw unsupported('Excel.run with anything but a batch function');
      const context = new FakeRequestContext(workbook);
      const result = await batch(context);
      if (context._queue.length > 0) await context.sync();
      return result;
    },
    ErrorCodes: {
      accessDenied: 'AccessDenied',
      apiNotFound: 'ApiNotFound',
      generalException: 'GeneralException',
      insertDeleteConflict: 'InsertDeleteConflict',
      invalidArgument: 'InvalidArgument',
      invalidOperation: 'InvalidOperation',
      invalidSelection: 'InvalidSelection',
      itemAlreadyExists: 'ItemAlreadyExists',
      itemNotFound: 'ItemNotFound',
      responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
    },
    ConditionalFormatType: { custom: 'Custom' },
  };
}

/** `Office` for an Excel host supporting ExcelApi up to `apiVersion`. */
export function createFakeOffice(workbook: FakeWorkbook, options: InstallOptions = {}): FakeOffice {
  const host = 'Excel';
  const platform = options.platform ?? 'OfficeOnline';
  const handlers = new Map<string, (event: unknown) => unknown>();
  return {
    HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
    context: {
      host,
      platform,
      displayLanguage: options.displayLanguage ?? 'zh-CN',
      requirements: {
        isSetSupported(name: string, minVersion?: string): boolean {
          if (name !== 'ExcelApi') return false;
          return versionAtLeast(workbook.apiVersion, minVersion ?? '1.1');
        },
      },
    },
    onReady(callback) {
      const info = { host, platform };
      callback?.(info);
      return Promise.resolve(info);
    },
    actions: {
      associate(name, handler) {
        handlers.set(name, handler);
      },
    },
    _handlers: handlers,
  };
}

export interface InstalledFake {
  readonly workbook: FakeWorkbook;
  readonly Excel: FakeExcel;
  readonly Office: FakeOffice;
  /** Restores the globals that were there before. */
  uninstall(): void;
}

/** Sets `Excel`, `Office` and `OfficeExtension` on the scope (globalThis or a browser window). */
export function installFakeOffice(scope: object, workbook: FakeWorkbook, options: InstallOptions = {}): InstalledFake {
  if (options.apiVersion !== undefined) workbook.apiVersion = options.apiVersion;
  const target = scope as Record<string, unknown>;
  const before = { Excel: target.Excel, Office: target.Office, OfficeExtension: target.OfficeExtension };
  const excel = createFakeExcel(workbook);
  const office = createFakeOffice(workbook, options);
  target.Excel = excel;
  target.Office = office;
  target.OfficeExtension = { Error: FakeOfficeError, ErrorCodes: FAKE_ERROR_CODES };
  return {
    workbook,
    Excel: excel,
    Office: office,
    uninstall() {
      for (const [k, v] of Object.entries(before)) {
        if (v === undefined) delete target[k];
        else target[k] = v;
      }
    },
  };
}
