/**
 * The proxy objects of the fake Excel API, behaving like Office.js: every
 * method and property setter only queues an action; `context.sync()` runs the
 * queue against the model in order; a property can be read only after it was
 * loaded and synced (or set locally), otherwise PropertyNotLoaded is thrown.
 * Members outside the modelled subset throw at once. Each sync is counted and
 * its request and response sizes are measured against the payload limit.
 */
import { boxAddress, boxCells, intersects, parseBox, quoteSheet, type Box } from './a1.js';
import { FAKE_ERROR_CODES, FakeOfficeError, notLoaded, unsupported } from './errors.js';
import {
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  MAX_MERGED_AREAS,
  parseInput,
  type BorderSide,
  type ConditionalEdge,
  type FakeBorder,
  type FakeCellFormat,
  type FakeConditionalFormat,
  type FakeSheet,
  type FakeValue,
  type FakeWorkbook,
  type SyncRecord,
} from './model.js';

type Scalars = Record<string, (state: SyncRecord) => unknown>;

interface Action {
  readonly bytes: number;
  readonly run: (state: SyncRecord) => void;
  /** Called when a failed sync never ran the action. */
  readonly abandon?: () => void;
}

const ACTION_OVERHEAD = 40;
const ALWAYS_ALLOWED = new Set(['then', 'toJSON', 'constructor', 'asymmetricMatch', 'nodeType', 'tagName', 'inspect', 'toString', 'valueOf', 'length']);

function fail(code: string, message: string): never {
  throw new FakeOfficeError(code, message);
}

/** UTF-8 length of a string, without TextEncoder allocations. */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? 'null');
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

/** Wraps an object so that reading or setting a member it does not have throws. */
function strict<T extends object>(obj: T, label: () => string): T {
  return new Proxy(obj, {
    get(t, p, r) {
      if (typeof p === 'string' && !(p in t) && !/^[_$@]/.test(p) && !ALWAYS_ALLOWED.has(p)) throw unsupported(`${label()}.${p}`);
      return Reflect.get(t, p, r) as unknown;
    },
    set(t, p, v, r) {
      if (typeof p === 'string' && !(p in t) && !p.startsWith('_')) throw unsupported(`setting ${label()}.${p}`);
      return Reflect.set(t, p, v, r);
    },
  });
}

function parseLoad(props: unknown): string[][] {
  if (props === undefined) return [];
  const list = typeof props === 'string' ? props.split(',') : Array.isArray(props) && props.every((p) => typeof p === 'string') ? (props as string[]) : undefined;
  if (!list) throw unsupported('load() with an options object');
  return list.map((p) => p.trim()).filter((p) => p !== '').map((p) => p.split('/').map((s) => s.trim()));
}

// ---------------------------------------------------------------- context

export class FakeRequestContext {
  readonly workbook: FakeWorkbookObject;
  _queue: Action[] = [];

  constructor(readonly _model: FakeWorkbook) {
    this.workbook = new FakeWorkbookObject(this);
    return strict(this, () => 'RequestContext');
  }

  _enqueue(bytes: number, run: (state: SyncRecord) => void, abandon?: () => void): void {
    this._queue.push(abandon ? { bytes: bytes + ACTION_OVERHEAD, run, abandon } : { bytes: bytes + ACTION_OVERHEAD, run });
  }

  _require(version: string, what: string): void {
    if (!versionAtLeast(this._model.apiVersion, version)) fail(FAKE_ERROR_CODES.apiNotFound, `${what} needs ExcelApi ${version}; this host has ${this._model.apiVersion}`);
  }

  _countResponse(state: SyncRecord, bytes: number): void {
    state.responseBytes += bytes;
    if (state.responseBytes > this._model.payloadLimitBytes) {
      fail(FAKE_ERROR_CODES.responsePayloadSizeLimitExceeded, `The response payload size has exceeded the limit (${this._model.payloadLimitBytes} bytes).`);
    }
  }

  /** Sends the queued actions: one round trip, counted and measured. */
  async sync(): Promise<void> {
    const queue = this._queue;
    this._queue = [];
    const state: SyncRecord = { actions: queue.length, requestBytes: queue.reduce((n, a) => n + a.bytes, 0), responseBytes: 0, cellsRead: 0, cellsWritten: 0 };
    this._model.syncLog.push(state);
    await Promise.resolve();
    let done = 0;
    try {
      const injected = this._model.failSync?.(this._model.syncLog.length);
      if (injected) throw injected;
      if (state.requestBytes > this._model.payloadLimitBytes) {
        fail(FAKE_ERROR_CODES.requestPayloadSizeLimitExceeded, `The request payload size has exceeded the limit (${this._model.payloadLimitBytes} bytes).`);
      }
      for (const action of queue) {
        action.run(state);
        done++;
      }
    } catch (e) {
      // Objects that the failed request was to create never exist: using them later fails.
      for (const action of queue.slice(done)) action.abandon?.();
      throw e;
    }
  }
}

// ---------------------------------------------------------------- base classes

export class FakeClientResult<T> {
  _value: T | undefined;
  _ready = false;

  constructor() {
    return strict(this, () => 'ClientResult');
  }

  get value(): T {
    if (!this._ready) throw notLoaded('value');
    return this._value as T;
  }
}

abstract class ClientObject {
  _target: unknown = undefined;
  _synced = false;
  /** Set when the request that was to create this object failed. */
  _dead = false;
  readonly _loaded = new Map<string, unknown>();
  readonly _navs = new Map<string, ClientObject>();

  constructor(
    readonly _ctx: FakeRequestContext,
    readonly _parent: ClientObject | undefined,
    readonly _resolver: (parent: unknown) => unknown,
  ) {
    return strict(this, () => this._label);
  }

  abstract get _label(): string;

  get context(): FakeRequestContext {
    return this._ctx;
  }

  get isNullObject(): boolean {
    if (!this._synced) throw notLoaded('isNullObject');
    return this._target === null;
  }

  /** Scalar properties that load() can fetch. */
  _scalars(_target: unknown): Scalars {
    return {};
  }

  /** Navigation properties that a load path may go through. */
  _navNames(): readonly string[] {
    return [];
  }

  _alive(_target: unknown): boolean {
    return true;
  }

  _resolve(): unknown {
    if (this._dead) fail(FAKE_ERROR_CODES.invalidObjectPath, `${this._label} was never created: the request that created it failed`);
    if (this._target === undefined) {
      const parent = this._parent ? this._parent._resolve() : this._ctx._model;
      this._target = parent === null ? null : this._resolver(parent);
    }
    if (this._target !== null && !this._alive(this._target)) fail(FAKE_ERROR_CODES.invalidObjectPath, `${this._label} no longer exists`);
    return this._target;
  }

  /** A non-null target, for actions that change something. */
  _resolveLive(): unknown {
    const t = this._resolve();
    if (t === null) fail(FAKE_ERROR_CODES.itemNotFound, `${this._label} is a null object`);
    return t;
  }

  /** A child proxy reached by a property (same object on every access). */
  _nav<T extends ClientObject>(name: string, make: () => T): T {
    let child = this._navs.get(name);
    if (!child) {
      child = make();
      this._navs.set(name, child);
    }
    return child as T;
  }

  /** Queues the creation of an object returned by a method, so that its path is evaluated in order at sync. */
  _instantiate(): this {
    this._ctx._enqueue(
      16,
      () => {
        this._resolve();
        this._synced = true;
      },
      () => {
        if (this._target === undefined) this._dead = true;
      },
    );
    return this;
  }

  load(props?: string | string[]): this {
    const paths = parseLoad(props);
    this._ctx._enqueue(utf8Length(JSON.stringify(props ?? '')), (state) => this._execLoad(paths, state));
    return this;
  }

  _execLoad(paths: readonly string[][], state: SyncRecord): void {
    const target = this._resolve();
    this._synced = true;
    if (target === null) return;
    const scalars = this._scalars(target);
    const list = paths.length === 0 || paths.some((p) => p.length === 0) ? [...Object.keys(scalars).map((k) => [k]), ...paths.filter((p) => p.length > 0)] : paths;
    for (const [head = '', ...rest] of list) {
      const read = scalars[head];
      if (read) {
        if (rest.length > 0) fail(FAKE_ERROR_CODES.invalidArgument, `${this._label}.${head} is not a navigation property`);
        const value = read(state);
        this._loaded.set(head, value);
        this._ctx._countResponse(state, jsonBytes({ [head]: value }));
      } else if (this._navNames().includes(head)) {
        const child = (this as unknown as Record<string, ClientObject>)[head];
        child?._execLoad(rest.length > 0 ? [rest] : [], state);
      } else {
        throw unsupported(`loading ${this._label}.${head}`);
      }
    }
  }

  _get<T>(name: string): T {
    if (!this._loaded.has(name)) throw notLoaded(name);
    return this._loaded.get(name) as T;
  }

  /** Sets a property locally and queues the change. */
  _set(name: string, value: unknown, apply: (target: unknown, state: SyncRecord) => void): void {
    this._loaded.set(name, value);
    this._ctx._enqueue(jsonBytes(value), (state) => apply(this._resolveLive(), state));
  }

  /** Queues a method call. */
  _call(args: unknown, apply: (target: unknown, state: SyncRecord) => void): void {
    this._ctx._enqueue(jsonBytes(args ?? null), (state) => apply(this._resolveLive(), state));
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

abstract class ClientCollection<T extends ClientObject> extends ClientObject {
  _items: T[] | undefined;

  get items(): T[] {
    if (!this._items) throw notLoaded('items');
    return this._items;
  }

  abstract _list(target: unknown): unknown[];
  abstract _wrap(item: unknown): T;

  override _execLoad(paths: readonly string[][], state: SyncRecord): void {
    const target = this._resolve();
    this._synced = true;
    if (target === null) return;
    const itemPaths = paths.map((p) => (p[0] === 'items' ? p.slice(1) : p));
    const items = this._list(target).map((m) => {
      const item = this._wrap(m);
      item._target = m;
      item._synced = true;
      item._execLoad(itemPaths, state);
      this._ctx._countResponse(state, 2);
      return item;
    });
    this._items = items;
  }
}

// ---------------------------------------------------------------- workbook and worksheets

export class FakeWorkbookObject extends ClientObject {
  constructor(ctx: FakeRequestContext) {
    super(ctx, undefined, (wb) => wb);
    this._target = ctx._model;
    this._synced = true;
  }

  get _label(): string {
    return 'Workbook';
  }

  get worksheets(): FakeWorksheetCollection {
    return this._nav('worksheets', () => new FakeWorksheetCollection(this._ctx, this, (wb) => wb));
  }
}

export class FakeWorksheetCollection extends ClientCollection<FakeWorksheet> {
  get _label(): string {
    return 'WorksheetCollection';
  }

  _list(target: unknown): unknown[] {
    return [...(target as FakeWorkbook).sheets];
  }

  _wrap(item: unknown): FakeWorksheet {
    return new FakeWorksheet(this._ctx, undefined, () => item);
  }

  private sheetObject(resolve: (wb: FakeWorkbook) => FakeSheet | null): FakeWorksheet {
    return new FakeWorksheet(this._ctx, this, (wb) => resolve(wb as FakeWorkbook))._instantiate();
  }

  getItem(key: string): FakeWorksheet {
    return this.sheetObject((wb) => wb.sheet(key) ?? fail(FAKE_ERROR_CODES.itemNotFound, `The requested resource doesn't exist (worksheet "${key}").`));
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return this.sheetObject((wb) => {
      this._ctx._require('1.4', 'WorksheetCollection.getItemOrNullObject');
      return wb.sheet(key) ?? null;
    });
  }

  add(name?: string): FakeWorksheet {
    return this.sheetObject((wb) => wb.addSheet(name));
  }

  getActiveWorksheet(): FakeWorksheet {
    return this.sheetObject((wb) => wb.active ?? fail(FAKE_ERROR_CODES.itemNotFound, 'No active worksheet.'));
  }

  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this._call(null, (wb) => {
      result._value = (wb as FakeWorkbook).sheets.length;
      result._ready = true;
    });
    return result;
  }
}

export class FakeWorksheet extends ClientObject {
  get _label(): string {
    const t = this._target as FakeSheet | null | undefined;
    return t ? `Worksheet(${t.name})` : 'Worksheet';
  }

  override _alive(target: unknown): boolean {
    return !(target as FakeSheet).deleted;
  }

  override _scalars(target: unknown): Scalars {
    const s = target as FakeSheet;
    return {
      id: () => s.id,
      name: () => s.name,
      position: () => s.workbook.sheets.indexOf(s),
      visibility: () => s.visibility,
    };
  }

  override _navNames(): readonly string[] {
    return ['customProperties', 'freezePanes', 'pageLayout'];
  }

  get id(): string {
    return this._get('id');
  }

  get name(): string {
    return this._get('name');
  }

  set name(value: string) {
    this._set('name', value, (t) => {
      const s = t as FakeSheet;
      s.workbook.checkName(value, s);
      s.name = value;
    });
  }

  get position(): number {
    return this._get('position');
  }

  set position(value: number) {
    this._set('position', value, (t) => {
      const s = t as FakeSheet;
      s.workbook.moveSheet(s, value);
    });
  }

  get visibility(): string {
    return this._get('visibility');
  }

  set visibility(value: 'Visible' | 'Hidden' | 'VeryHidden') {
    this._set('visibility', value, (t) => {
      const s = t as FakeSheet;
      if (!['Visible', 'Hidden', 'VeryHidden'].includes(value)) fail(FAKE_ERROR_CODES.invalidArgument, `visibility ${String(value)}`);
      const others = s.workbook.sheets.filter((x) => x !== s && x.visibility === 'Visible');
      if (value !== 'Visible' && others.length === 0) fail(FAKE_ERROR_CODES.invalidOperation, 'A workbook must contain at least one visible worksheet.');
      s.visibility = value;
    });
  }

  get customProperties(): FakeWorksheetCustomPropertyCollection {
    return this._nav('customProperties', () => new FakeWorksheetCustomPropertyCollection(this._ctx, this, (s) => {
      this._ctx._require('1.12', 'Worksheet.customProperties');
      return s;
    }));
  }

  get freezePanes(): FakeWorksheetFreezePanes {
    return this._nav('freezePanes', () => new FakeWorksheetFreezePanes(this._ctx, this, (s) => {
      this._ctx._require('1.7', 'Worksheet.freezePanes');
      return s;
    }));
  }

  get pageLayout(): FakePageLayoutObject {
    return this._nav('pageLayout', () => new FakePageLayoutObject(this._ctx, this, (s) => {
      this._ctx._require('1.9', 'Worksheet.pageLayout');
      return s;
    }));
  }

  /** A range by sheet-local address; the whole sheet without one. */
  getRange(address?: string): FakeRange {
    return new FakeRange(this._ctx, this, (s) => {
      const box = address === undefined ? parseBox('A:XFD') : parseBox(address);
      if (!box) fail(FAKE_ERROR_CODES.invalidArgument, `The argument is invalid or missing or has an incorrect format (address "${String(address)}").`);
      return { sheet: s as FakeSheet, box };
    })._instantiate();
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this._ctx, this, (s) => {
      this._ctx._require('1.4', 'Worksheet.getUsedRangeOrNullObject');
      const box = (s as FakeSheet).usedBox(valuesOnly === true);
      return box ? { sheet: s as FakeSheet, box } : null;
    })._instantiate();
  }

  activate(): void {
    this._call(null, (t) => {
      const s = t as FakeSheet;
      if (s.visibility !== 'Visible') fail(FAKE_ERROR_CODES.invalidOperation, 'A hidden worksheet cannot be activated.');
      s.workbook.active = s;
    });
  }

  delete(): void {
    this._call(null, (t) => {
      const s = t as FakeSheet;
      s.workbook.deleteSheet(s);
    });
  }
}

// ---------------------------------------------------------------- custom properties, freeze panes, page layout

interface PropertyTarget {
  readonly sheet: FakeSheet;
  readonly prop: { key: string; value: string };
}

export class FakeWorksheetCustomPropertyCollection extends ClientCollection<FakeWorksheetCustomProperty> {
  get _label(): string {
    return 'WorksheetCustomPropertyCollection';
  }

  _list(target: unknown): unknown[] {
    const s = target as FakeSheet;
    return s.customProperties.map((prop) => ({ sheet: s, prop }));
  }

  _wrap(item: unknown): FakeWorksheetCustomProperty {
    return new FakeWorksheetCustomProperty(this._ctx, undefined, () => item);
  }

  private find(s: FakeSheet, key: string): PropertyTarget | null {
    const prop = s.customProperties.find((p) => p.key.toLowerCase() === key.toLowerCase());
    return prop ? { sheet: s, prop } : null;
  }

  add(key: string, value: string): FakeWorksheetCustomProperty {
    return new FakeWorksheetCustomProperty(this._ctx, this, (t) => {
      const s = t as FakeSheet;
      if (key.trim() === '' || key.length > 255) fail(FAKE_ERROR_CODES.invalidArgument, `custom property key "${key}"`);
      s.setCustomProperty(key, String(value));
      return this.find(s, key);
    })._instantiate();
  }

  getItem(key: string): FakeWorksheetCustomProperty {
    return new FakeWorksheetCustomProperty(this._ctx, this, (t) => this.find(t as FakeSheet, key) ?? fail(FAKE_ERROR_CODES.itemNotFound, `custom property "${key}"`))._instantiate();
  }

  getItemOrNullObject(key: string): FakeWorksheetCustomProperty {
    return new FakeWorksheetCustomProperty(this._ctx, this, (t) => this.find(t as FakeSheet, key))._instantiate();
  }

  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this._call(null, (t) => {
      result._value = (t as FakeSheet).customProperties.length;
      result._ready = true;
    });
    return result;
  }
}

export class FakeWorksheetCustomProperty extends ClientObject {
  get _label(): string {
    return 'WorksheetCustomProperty';
  }

  override _alive(target: unknown): boolean {
    const t = target as PropertyTarget;
    return !t.sheet.deleted && t.sheet.customProperties.includes(t.prop);
  }

  override _scalars(target: unknown): Scalars {
    const t = target as PropertyTarget;
    return { key: () => t.prop.key, value: () => t.prop.value };
  }

  get key(): string {
    return this._get('key');
  }

  get value(): string {
    return this._get('value');
  }

  set value(v: string) {
    this._set('value', v, (t) => {
      (t as PropertyTarget).prop.value = String(v);
    });
  }

  delete(): void {
    this._call(null, (t) => {
      const p = t as PropertyTarget;
      p.sheet.customProperties = p.sheet.customProperties.filter((x) => x !== p.prop);
    });
  }
}

export class FakeWorksheetFreezePanes extends ClientObject {
  get _label(): string {
    return 'WorksheetFreezePanes';
  }

  private count(n: number | undefined, what: string): number {
    const v = n ?? 1;
    if (!Number.isInteger(v) || v < 0) fail(FAKE_ERROR_CODES.invalidArgument, `${what} ${String(n)}`);
    return v;
  }

  freezeRows(count?: number): void {
    this._call(count, (t) => {
      (t as FakeSheet).freeze = { rows: this.count(count, 'freezeRows'), columns: 0 };
    });
  }

  freezeColumns(count?: number): void {
    this._call(count, (t) => {
      (t as FakeSheet).freeze = { rows: 0, columns: this.count(count, 'freezeColumns') };
    });
  }

  freezeAt(frozenRange: string | FakeRange): void {
    const address = typeof frozenRange === 'string' ? frozenRange : undefined;
    this._call(address ?? 'range', (t) => {
      const box = address !== undefined ? parseBox(address) : (frozenRange as FakeRange)._box();
      if (!box || box.top !== 0 || box.left !== 0) fail(FAKE_ERROR_CODES.invalidArgument, 'freezeAt needs a range starting at A1');
      (t as FakeSheet).freeze = { rows: box.bottom + 1, columns: box.right + 1 };
    });
  }

  unfreeze(): void {
    this._call(null, (t) => {
      (t as FakeSheet).freeze = null;
    });
  }
}

export class FakePageLayoutObject extends ClientObject {
  get _label(): string {
    return 'PageLayout';
  }

  private get layout(): FakeSheet['pageLayout'] {
    return (this._resolveLive() as FakeSheet).pageLayout;
  }

  override _scalars(target: unknown): Scalars {
    const p = (target as FakeSheet).pageLayout;
    return {
      orientation: () => p.orientation,
      paperSize: () => p.paperSize,
      zoom: () => ({ ...p.zoom }),
      centerHorizontally: () => p.centerHorizontally,
      leftMargin: () => p.margins.left,
      rightMargin: () => p.margins.right,
      topMargin: () => p.margins.top,
      bottomMargin: () => p.margins.bottom,
      headerMargin: () => p.margins.header,
      footerMargin: () => p.margins.footer,
    };
  }

  override _navNames(): readonly string[] {
    return ['headersFooters'];
  }

  get orientation(): string {
    return this._get('orientation');
  }

  set orientation(v: string) {
    this._set('orientation', v, () => {
      if (v !== 'Landscape' && v !== 'Portrait') fail(FAKE_ERROR_CODES.invalidArgument, `orientation ${v}`);
      this.layout.orientation = v;
    });
  }

  get paperSize(): string {
    return this._get('paperSize');
  }

  set paperSize(v: string) {
    this._set('paperSize', v, () => {
      this.layout.paperSize = v;
    });
  }

  get zoom(): FakeSheet['pageLayout']['zoom'] {
    return this._get('zoom');
  }

  set zoom(v: FakeSheet['pageLayout']['zoom']) {
    this._set('zoom', v, () => {
      const ok = (n: unknown) => n === undefined || (typeof n === 'number' && Number.isInteger(n) && n >= 0);
      if (!ok(v.horizontalFitToPages) || !ok(v.verticalFitToPages) || !ok(v.scale)) fail(FAKE_ERROR_CODES.invalidArgument, 'zoom');
      this.layout.zoom = { ...v };
    });
  }

  get centerHorizontally(): boolean {
    return this._get('centerHorizontally');
  }

  set centerHorizontally(v: boolean) {
    this._set('centerHorizontally', v, () => {
      this.layout.centerHorizontally = v;
    });
  }

  private margin(name: keyof FakeSheet['pageLayout']['margins'], v: number): void {
    this._set(`${name}Margin`, v, () => {
      if (!(v >= 0)) fail(FAKE_ERROR_CODES.invalidArgument, `${name} margin ${v}`);
      this.layout.margins[name] = v;
    });
  }

  get leftMargin(): number {
    return this._get('leftMargin');
  }
  set leftMargin(v: number) {
    this.margin('left', v);
  }
  get rightMargin(): number {
    return this._get('rightMargin');
  }
  set rightMargin(v: number) {
    this.margin('right', v);
  }
  get topMargin(): number {
    return this._get('topMargin');
  }
  set topMargin(v: number) {
    this.margin('top', v);
  }
  get bottomMargin(): number {
    return this._get('bottomMargin');
  }
  set bottomMargin(v: number) {
    this.margin('bottom', v);
  }
  get headerMargin(): number {
    return this._get('headerMargin');
  }
  set headerMargin(v: number) {
    this.margin('header', v);
  }
  get footerMargin(): number {
    return this._get('footerMargin');
  }
  set footerMargin(v: number) {
    this.margin('footer', v);
  }

  get headersFooters(): FakeHeaderFooterGroup {
    return this._nav('headersFooters', () => new FakeHeaderFooterGroup(this._ctx, this, (s) => s));
  }

  setPrintTitleRows(titleRows: string): void {
    if (typeof titleRows !== 'string') throw unsupported('setPrintTitleRows with a Range');
    this._call(titleRows, (t) => {
      const box = parseBox(titleRows);
      if (!box || box.left !== 0 || box.right !== 16_383) fail(FAKE_ERROR_CODES.invalidArgument, `print title rows "${titleRows}" are not whole rows`);
      (t as FakeSheet).pageLayout.printTitleRows = `$${box.top + 1}:$${box.bottom + 1}`;
    });
  }
}

export class FakeHeaderFooterGroup extends ClientObject {
  get _label(): string {
    return 'HeaderFooterGroup';
  }

  override _navNames(): readonly string[] {
    return ['defaultForAllPages'];
  }

  get defaultForAllPages(): FakeHeaderFooter {
    return this._nav('defaultForAllPages', () => new FakeHeaderFooter(this._ctx, this, (s) => s));
  }
}

export class FakeHeaderFooter extends ClientObject {
  get _label(): string {
    return 'HeaderFooter';
  }

  override _scalars(target: unknown): Scalars {
    return { centerFooter: () => (target as FakeSheet).pageLayout.centerFooter };
  }

  get centerFooter(): string {
    return this._get('centerFooter');
  }

  set centerFooter(v: string) {
    this._set('centerFooter', v, (t) => {
      (t as FakeSheet).pageLayout.centerFooter = v;
    });
  }
}

// ---------------------------------------------------------------- ranges

interface RangeTarget {
  readonly sheet: FakeSheet;
  readonly box: Box;
}

function valueOut(v: FakeValue | undefined): string | number | boolean {
  if (v === undefined) return '';
  return typeof v === 'object' ? v.error : v;
}

function valueType(v: FakeValue | undefined): string {
  if (v === undefined) return 'Empty';
  if (typeof v === 'object') return 'Error';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return 'String';
}

function matrix<T>(t: RangeTarget, state: SyncRecord, ctx: FakeRequestContext, cell: (r: number, c: number) => T): T[][] {
  const cells = boxCells(t.box);
  // At least three bytes a cell ("",): refuse before building an impossible answer.
  ctx._countResponse(state, cells * 3);
  state.responseBytes -= cells * 3;
  state.cellsRead += cells;
  const out: T[][] = [];
  for (let r = t.box.top; r <= t.box.bottom; r++) {
    const row: T[] = [];
    for (let c = t.box.left; c <= t.box.right; c++) row.push(cell(r, c));
    out.push(row);
  }
  return out;
}

function checkShape(t: RangeTarget, rows: unknown, what: string): unknown[][] {
  const height = t.box.bottom - t.box.top + 1;
  const width = t.box.right - t.box.left + 1;
  if (!Array.isArray(rows) || rows.length !== height || !rows.every((r) => Array.isArray(r) && r.length === width)) {
    fail(FAKE_ERROR_CODES.invalidArgument, `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what} for ${boxAddress(t.box)}).`);
  }
  return rows as unknown[][];
}

export class FakeRange extends ClientObject {
  get _label(): string {
    const t = this._target as RangeTarget | null | undefined;
    return t ? `Range(${t.sheet.name}!${boxAddress(t.box)})` : 'Range';
  }

  override _alive(target: unknown): boolean {
    return !(target as RangeTarget).sheet.deleted;
  }

  _box(): Box {
    return (this._resolveLive() as RangeTarget).box;
  }

  override _scalars(target: unknown): Scalars {
    const t = target as RangeTarget;
    const s = t.sheet;
    return {
      address: () => `${quoteSheet(s.name)}!${boxAddress(t.box)}`,
      rowIndex: () => t.box.top,
      columnIndex: () => t.box.left,
      rowCount: () => t.box.bottom - t.box.top + 1,
      columnCount: () => t.box.right - t.box.left + 1,
      cellCount: () => boxCells(t.box),
      values: (state) => matrix(t, state, this._ctx, (r, c) => (this.hiddenByMerge(s, r, c) ? '' : valueOut(s.value(r, c)))),
      valueTypes: (state) => matrix(t, state, this._ctx, (r, c) => (this.hiddenByMerge(s, r, c) ? 'Empty' : valueType(s.value(r, c)))),
      numberFormat: (state) => matrix(t, state, this._ctx, (r, c) => s.numberFormat(r, c)),
    };
  }

  private hiddenByMerge(s: FakeSheet, r: number, c: number): boolean {
    const m = s.merges.length > 0 ? s.mergeAt(r, c) : undefined;
    return m !== undefined && (m.top !== r || m.left !== c);
  }

  override _navNames(): readonly string[] {
    return ['format'];
  }

  get address(): string {
    return this._get('address');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }

  get values(): unknown[][] {
    return this._get('values');
  }

  set values(rows: unknown[][]) {
    this._set('values', rows, (target, state) => {
      const t = target as RangeTarget;
      const input = checkShape(t, rows, 'values');
      input.forEach((row, i) =>
        row.forEach((v, j) => {
          const r = t.box.top + i;
          const c = t.box.left + j;
          if (v === null) return;
          let value: FakeValue | undefined;
          if (typeof v === 'string') value = parseInput(v, t.sheet.cell(r, c)?.numberFormat);
          else if (typeof v === 'number' && Number.isFinite(v)) value = v;
          else if (typeof v === 'boolean') value = v;
          else fail(FAKE_ERROR_CODES.invalidArgument, `cannot store ${String(v)} in a cell`);
          if (value !== undefined && this.hiddenByMerge(t.sheet, r, c)) fail(FAKE_ERROR_CODES.invalidOperation, `${boxAddress({ top: r, left: c, bottom: r, right: c })} lies under a merged area`);
          t.sheet.storeValue(r, c, value);
          state.cellsWritten += 1;
        }),
      );
    });
  }

  get numberFormat(): string[][] {
    return this._get('numberFormat');
  }

  set numberFormat(rows: string[][]) {
    this._set('numberFormat', rows, (target) => {
      const t = target as RangeTarget;
      checkShape(t, rows, 'numberFormat').forEach((row, i) =>
        row.forEach((f, j) => {
          if (f === null) return;
          if (typeof f !== 'string') fail(FAKE_ERROR_CODES.invalidArgument, 'a number format is a string');
          t.sheet.storeNumberFormat(t.box.top + i, t.box.left + j, f);
        }),
      );
    });
  }

  get format(): FakeRangeFormat {
    return this._nav('format', () => new FakeRangeFormat(this._ctx, this, (t) => t));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return this._nav('conditionalFormats', () => new FakeConditionalFormatCollection(this._ctx, this, (t) => {
      this._ctx._require('1.6', 'Range.conditionalFormats');
      return t;
    }));
  }

  merge(across?: boolean): void {
    this._call(across ?? false, (target) => {
      this._ctx._require('1.2', 'Range.merge');
      const t = target as RangeTarget;
      t.sheet.merge(t.box, across === true);
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this._ctx, this, (target) => {
      this._ctx._require('1.13', 'Range.getMergedAreasOrNullObject');
      const t = target as RangeTarget;
      const boxes = t.sheet.mergesStartingIn(t.box);
      if (boxes.length > MAX_MERGED_AREAS) fail(FAKE_ERROR_CODES.generalException, `There was an internal error while processing the request (more than ${MAX_MERGED_AREAS} merged areas).`);
      return boxes.length === 0 ? null : { sheet: t.sheet, boxes };
    })._instantiate();
  }

  select(): void {
    this._call(null, (target) => {
      const t = target as RangeTarget;
      if (t.sheet.workbook.active !== t.sheet) fail(FAKE_ERROR_CODES.invalidSelection, 'The current selection is invalid for this operation (the sheet is not active).');
      t.sheet.workbook.selection = { sheet: t.sheet.name, address: boxAddress(t.box) };
    });
  }
}

interface AreasTarget {
  readonly sheet: FakeSheet;
  readonly boxes: readonly Box[];
}

export class FakeRangeAreas extends ClientObject {
  get _label(): string {
    return 'RangeAreas';
  }

  override _alive(target: unknown): boolean {
    return !(target as AreasTarget).sheet.deleted;
  }

  override _scalars(target: unknown): Scalars {
    const t = target as AreasTarget;
    return {
      address: () => t.boxes.map((b) => `${quoteSheet(t.sheet.name)}!${boxAddress(b)}`).join(', '),
      areaCount: () => t.boxes.length,
      cellCount: () => t.boxes.reduce((n, b) => n + boxCells(b), 0),
    };
  }

  override _navNames(): readonly string[] {
    return ['areas'];
  }

  get address(): string {
    return this._get('address');
  }
  get areaCount(): number {
    return this._get('areaCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }

  get areas(): FakeRangeCollection {
    return this._nav('areas', () => new FakeRangeCollection(this._ctx, this, (t) => t));
  }
}

export class FakeRangeCollection extends ClientCollection<FakeRange> {
  get _label(): string {
    return 'RangeCollection';
  }

  _list(target: unknown): unknown[] {
    const t = target as AreasTarget;
    return t.boxes.map((box) => ({ sheet: t.sheet, box }));
  }

  _wrap(item: unknown): FakeRange {
    return new FakeRange(this._ctx, undefined, () => item);
  }
}

// ---------------------------------------------------------------- range formats

/** The one value every cell of the box shares, or null (Excel's answer for mixed formats). */
function uniform<T>(t: RangeTarget, read: (f: FakeCellFormat | undefined) => T): T | null {
  let first = true;
  let out: T | null = null;
  let stored = 0;
  for (const [, , cell] of t.sheet.cellsIn(t.box)) {
    stored++;
    const v = read(cell.format);
    if (first) out = v;
    else if (JSON.stringify(v) !== JSON.stringify(out)) return null;
    first = false;
  }
  if (stored < boxCells(t.box)) {
    const v = read(undefined);
    if (!first && JSON.stringify(v) !== JSON.stringify(out)) return null;
    out = v;
  }
  return out;
}

abstract class FormatPart extends ClientObject {
  protected target(t: unknown): RangeTarget {
    return t as RangeTarget;
  }

  protected setFormat(name: string, value: unknown, check: boolean, change: (f: FakeCellFormat) => void): void {
    this._set(name, value, (t, state) => {
      if (!check) fail(FAKE_ERROR_CODES.invalidArgument, `${this._label}.${name} = ${JSON.stringify(value)}`);
      const r = this.target(t);
      r.sheet.formatBox(r.box, change);
      state.cellsWritten += boxCells(r.box);
    });
  }
}

const H_ALIGN = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];

export class FakeRangeFormat extends FormatPart {
  get _label(): string {
    return 'RangeFormat';
  }

  override _scalars(target: unknown): Scalars {
    const t = this.target(target);
    const widths = () => {
      const set = new Set<number>();
      for (let c = t.box.left; c <= t.box.right && set.size < 2; c++) set.add(t.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
      return set.size === 1 ? [...set][0] : null;
    };
    const heights = () => {
      const set = new Set<number>();
      for (let r = t.box.top; r <= t.box.bottom && set.size < 2; r++) set.add(t.sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT);
      return set.size === 1 ? [...set][0] : null;
    };
    return {
      columnWidth: widths,
      rowHeight: heights,
      horizontalAlignment: () => uniform(t, (f) => f?.horizontalAlignment ?? 'General'),
      verticalAlignment: () => uniform(t, (f) => f?.verticalAlignment ?? 'Bottom'),
      wrapText: () => uniform(t, (f) => f?.wrapText ?? false),
    };
  }

  override _navNames(): readonly string[] {
    return ['font', 'fill', 'borders'];
  }

  get font(): FakeRangeFont {
    return this._nav('font', () => new FakeRangeFont(this._ctx, this, (t) => t));
  }

  get fill(): FakeRangeFill {
    return this._nav('fill', () => new FakeRangeFill(this._ctx, this, (t) => t));
  }

  get borders(): FakeRangeBorderCollection {
    return this._nav('borders', () => new FakeRangeBorderCollection(this._ctx, this, (t) => t));
  }

  get columnWidth(): number {
    return this._get('columnWidth');
  }

  set columnWidth(v: number) {
    this._set('columnWidth', v, (t) => {
      if (!(typeof v === 'number' && v >= 0 && v <= 255 * 8)) fail(FAKE_ERROR_CODES.invalidArgument, `columnWidth ${v}`);
      const r = this.target(t);
      for (let c = r.box.left; c <= r.box.right; c++) r.sheet.columnWidths.set(c, v);
    });
  }

  get rowHeight(): number {
    return this._get('rowHeight');
  }

  set rowHeight(v: number) {
    this._set('rowHeight', v, (t) => {
      if (!(typeof v === 'number' && v >= 0 && v <= 409)) fail(FAKE_ERROR_CODES.invalidArgument, `rowHeight ${v}`);
      const r = this.target(t);
      for (let row = r.box.top; row <= r.box.bottom; row++) r.sheet.rowHeights.set(row, v);
    });
  }

  get horizontalAlignment(): string {
    return this._get('horizontalAlignment');
  }

  set horizontalAlignment(v: string) {
    this.setFormat('horizontalAlignment', v, H_ALIGN.includes(v), (f) => {
      f.horizontalAlignment = v;
    });
  }

  get verticalAlignment(): string {
    return this._get('verticalAlignment');
  }

  set verticalAlignment(v: string) {
    this.setFormat('verticalAlignment', v, V_ALIGN.includes(v), (f) => {
      f.verticalAlignment = v;
    });
  }

  get wrapText(): boolean {
    return this._get('wrapText');
  }

  set wrapText(v: boolean) {
    this.setFormat('wrapText', v, typeof v === 'boolean', (f) => {
      f.wrapText = v;
    });
  }
}

const COLOUR = /^#[0-9A-Fa-f]{6}$/;

export class FakeRangeFont extends FormatPart {
  get _label(): string {
    return 'RangeFont';
  }

  override _scalars(target: unknown): Scalars {
    const t = this.target(target);
    return {
      name: () => uniform(t, (f) => f?.fontName ?? 'Calibri'),
      size: () => uniform(t, (f) => f?.fontSize ?? 11),
      bold: () => uniform(t, (f) => f?.bold ?? false),
      italic: () => uniform(t, (f) => f?.italic ?? false),
      color: () => uniform(t, (f) => f?.fontColor ?? '#000000'),
    };
  }

  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this.setFormat('name', v, typeof v === 'string' && v !== '', (f) => {
      f.fontName = v;
    });
  }
  get size(): number {
    return this._get('size');
  }
  set size(v: number) {
    this.setFormat('size', v, typeof v === 'number' && v >= 1 && v <= 409, (f) => {
      f.fontSize = v;
    });
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this.setFormat('bold', v, typeof v === 'boolean', (f) => {
      f.bold = v;
    });
  }
  get italic(): boolean {
    return this._get('italic');
  }
  set italic(v: boolean) {
    this.setFormat('italic', v, typeof v === 'boolean', (f) => {
      f.italic = v;
    });
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this.setFormat('color', v, COLOUR.test(v), (f) => {
      f.fontColor = v.toUpperCase();
    });
  }
}

export class FakeRangeFill extends FormatPart {
  get _label(): string {
    return 'RangeFill';
  }

  override _scalars(target: unknown): Scalars {
    const t = this.target(target);
    return { color: () => uniform(t, (f) => f?.fillColor ?? null) };
  }

  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this.setFormat('color', v, COLOUR.test(v), (f) => {
      f.fillColor = v.toUpperCase();
    });
  }
}

type BorderIndex = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal';
const BORDER_INDEXES: readonly BorderIndex[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'];
const BORDER_STYLES = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];
const BORDER_WEIGHTS = ['Hairline', 'Thin', 'Medium', 'Thick'];

/** Which side of which cells a border index of a box paints. */
function borderCells(box: Box, index: BorderIndex): { side: BorderSide; box: Box }[] {
  switch (index) {
    case 'EdgeTop':
      return [{ side: 'top', box: { ...box, bottom: box.top } }];
    case 'EdgeBottom':
      return [{ side: 'bottom', box: { ...box, top: box.bottom } }];
    case 'EdgeLeft':
      return [{ side: 'left', box: { ...box, right: box.left } }];
    case 'EdgeRight':
      return [{ side: 'right', box: { ...box, left: box.right } }];
    case 'InsideHorizontal':
      return box.bottom > box.top
        ? [
            { side: 'bottom', box: { ...box, bottom: box.bottom - 1 } },
            { side: 'top', box: { ...box, top: box.top + 1 } },
          ]
        : [];
    case 'InsideVertical':
      return box.right > box.left
        ? [
            { side: 'right', box: { ...box, right: box.right - 1 } },
            { side: 'left', box: { ...box, left: box.left + 1 } },
          ]
        : [];
  }
}

export class FakeRangeBorderCollection extends ClientObject {
  get _label(): string {
    return 'RangeBorderCollection';
  }

  getItem(index: string): FakeRangeBorder {
    if (!BORDER_INDEXES.includes(index as BorderIndex)) throw unsupported(`border ${index}`);
    return new FakeRangeBorder(this._ctx, this, (t) => ({ range: t as RangeTarget, index: index as BorderIndex }));
  }
}

interface BorderTarget {
  readonly range: RangeTarget;
  readonly index: BorderIndex;
}

export class FakeRangeBorder extends ClientObject {
  get _label(): string {
    return 'RangeBorder';
  }

  override _scalars(target: unknown): Scalars {
    const t = target as BorderTarget;
    const read = (field: keyof FakeBorder, fallback: string | null) => () => {
      const values = new Set<string>();
      for (const { side, box } of borderCells(t.range.box, t.index)) {
        const v = uniform({ sheet: t.range.sheet, box }, (f) => f?.borders?.[side]?.[field] ?? fallback);
        values.add(JSON.stringify(v));
      }
      return values.size === 1 ? (JSON.parse([...values][0] ?? 'null') as unknown) : null;
    };
    return { sideIndex: () => t.index, style: read('style', 'None'), color: read('color', '#000000'), weight: read('weight', 'Thin') };
  }

  private change(name: keyof FakeBorder, v: string, ok: boolean): void {
    this._set(name, v, (target, state) => {
      if (!ok) fail(FAKE_ERROR_CODES.invalidArgument, `border ${name} ${v}`);
      const t = target as BorderTarget;
      for (const { side, box } of borderCells(t.range.box, t.index)) {
        t.range.sheet.formatBox(box, (f) => {
          const borders = { ...f.borders };
          if (name === 'style' && v === 'None') delete borders[side];
          else borders[side] = { ...borders[side], [name]: name === 'color' ? v.toUpperCase() : v };
          f.borders = borders;
          if (Object.keys(borders).length === 0) delete f.borders;
        });
        state.cellsWritten += boxCells(box);
      }
    });
  }

  get sideIndex(): string {
    return this._get('sideIndex');
  }
  get style(): string {
    return this._get('style');
  }
  set style(v: string) {
    this.change('style', v, BORDER_STYLES.includes(v));
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this.change('color', v, COLOUR.test(v));
  }
  get weight(): string {
    return this._get('weight');
  }
  set weight(v: string) {
    this.change('weight', v, BORDER_WEIGHTS.includes(v));
  }
}

// ---------------------------------------------------------------- conditional formats

interface CfTarget {
  readonly sheet: FakeSheet;
  readonly cf: FakeConditionalFormat;
}

export class FakeConditionalFormatCollection extends ClientCollection<FakeConditionalFormatObject> {
  get _label(): string {
    return 'ConditionalFormatCollection';
  }

  _list(target: unknown): unknown[] {
    const t = target as RangeTarget;
    return t.sheet.conditionalFormats.filter((cf) => intersects(cf.box, t.box)).map((cf) => ({ sheet: t.sheet, cf }));
  }

  _wrap(item: unknown): FakeConditionalFormatObject {
    return new FakeConditionalFormatObject(this._ctx, undefined, () => item);
  }

  /** A new rule on this range, at the top of the sheet's rules (priority 0). */
  add(type: string): FakeConditionalFormatObject {
    if (type !== 'Custom') throw unsupported(`conditional format type ${type}`);
    return new FakeConditionalFormatObject(this._ctx, this, (target) => {
      const t = target as RangeTarget;
      const cf: FakeConditionalFormat = { id: t.sheet.workbook.nextId('cf'), type, box: t.box, stopIfTrue: false, format: { borders: {} } };
      t.sheet.conditionalFormats.unshift(cf);
      return { sheet: t.sheet, cf };
    })._instantiate();
  }

  getItem(id: string): FakeConditionalFormatObject {
    return new FakeConditionalFormatObject(this._ctx, this, (target) => {
      const t = target as RangeTarget;
      const cf = t.sheet.conditionalFormats.find((x) => x.id === id) ?? fail(FAKE_ERROR_CODES.itemNotFound, `conditional format ${id}`);
      return { sheet: t.sheet, cf };
    })._instantiate();
  }

  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this._call(null, (target) => {
      result._value = this._list(target).length;
      result._ready = true;
    });
    return result;
  }
}

/** Excel.ConditionalFormat (the model type is FakeConditionalFormat). */
export class FakeConditionalFormatObject extends ClientObject {
  get _label(): string {
    return 'ConditionalFormat';
  }

  override _alive(target: unknown): boolean {
    const t = target as CfTarget;
    return !t.sheet.deleted && t.sheet.conditionalFormats.includes(t.cf);
  }

  override _scalars(target: unknown): Scalars {
    const t = target as CfTarget;
    return {
      id: () => t.cf.id,
      type: () => t.cf.type,
      priority: () => t.sheet.conditionalFormats.indexOf(t.cf),
      stopIfTrue: () => t.cf.stopIfTrue,
    };
  }

  override _navNames(): readonly string[] {
    return ['custom', 'customOrNullObject'];
  }

  get id(): string {
    return this._get('id');
  }
  get type(): string {
    return this._get('type');
  }

  get priority(): number {
    return this._get('priority');
  }

  set priority(v: number) {
    this._set('priority', v, (target) => {
      const t = target as CfTarget;
      const list = t.sheet.conditionalFormats;
      if (!Number.isInteger(v)) fail(FAKE_ERROR_CODES.invalidArgument, `priority ${v}`);
      list.splice(list.indexOf(t.cf), 1);
      const at = v < 0 ? Math.max(0, list.length + 1 + v) : Math.min(v, list.length);
      list.splice(at, 0, t.cf);
    });
  }

  get stopIfTrue(): boolean {
    return this._get('stopIfTrue');
  }

  set stopIfTrue(v: boolean) {
    this._set('stopIfTrue', v, (target) => {
      (target as CfTarget).cf.stopIfTrue = v;
    });
  }

  get custom(): FakeCustomConditionalFormat {
    return this._nav('custom', () =>
      new FakeCustomConditionalFormat(this._ctx, this, (target) => {
        const t = target as CfTarget;
        return t.cf.type === 'Custom' ? t : fail(FAKE_ERROR_CODES.invalidArgument, `the conditional format is of type ${t.cf.type}, not Custom`);
      }),
    );
  }

  get customOrNullObject(): FakeCustomConditionalFormat {
    return this._nav('customOrNullObject', () => new FakeCustomConditionalFormat(this._ctx, this, (target) => ((target as CfTarget).cf.type === 'Custom' ? target : null)));
  }

  getRange(): FakeRange {
    return new FakeRange(this._ctx, this, (target) => {
      const t = target as CfTarget;
      return { sheet: t.sheet, box: t.cf.box };
    })._instantiate();
  }

  delete(): void {
    this._call(null, (target) => {
      const t = target as CfTarget;
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((x) => x !== t.cf);
    });
  }
}

export class FakeCustomConditionalFormat extends ClientObject {
  get _label(): string {
    return 'CustomConditionalFormat';
  }

  override _navNames(): readonly string[] {
    return ['rule', 'format'];
  }

  get rule(): FakeConditionalFormatRule {
    return this._nav('rule', () => new FakeConditionalFormatRule(this._ctx, this, (t) => t));
  }

  get format(): FakeConditionalRangeFormat {
    return this._nav('format', () => new FakeConditionalRangeFormat(this._ctx, this, (t) => t));
  }
}

export class FakeConditionalFormatRule extends ClientObject {
  get _label(): string {
    return 'ConditionalFormatRule';
  }

  override _scalars(target: unknown): Scalars {
    return { formula: () => (target as CfTarget).cf.formula ?? null };
  }

  get formula(): string {
    return this._get('formula');
  }

  set formula(v: string) {
    this._set('formula', v, (target) => {
      if (typeof v !== 'string' || !v.startsWith('=')) fail(FAKE_ERROR_CODES.invalidArgument, `formula ${String(v)}`);
      (target as CfTarget).cf.formula = v;
    });
  }
}

export class FakeConditionalRangeFormat extends ClientObject {
  get _label(): string {
    return 'ConditionalRangeFormat';
  }

  override _navNames(): readonly string[] {
    return ['fill', 'font', 'borders'];
  }

  get fill(): FakeConditionalRangeFill {
    return this._nav('fill', () => new FakeConditionalRangeFill(this._ctx, this, (t) => t));
  }

  get font(): FakeConditionalRangeFont {
    return this._nav('font', () => new FakeConditionalRangeFont(this._ctx, this, (t) => t));
  }

  get borders(): FakeConditionalRangeBorderCollection {
    return this._nav('borders', () => new FakeConditionalRangeBorderCollection(this._ctx, this, (t) => t));
  }
}

export class FakeConditionalRangeFill extends ClientObject {
  get _label(): string {
    return 'ConditionalRangeFill';
  }

  override _scalars(target: unknown): Scalars {
    return { color: () => (target as CfTarget).cf.format.fillColor ?? null };
  }

  get color(): string {
    return this._get('color');
  }

  set color(v: string) {
    this._set('color', v, (target) => {
      if (!COLOUR.test(v)) fail(FAKE_ERROR_CODES.invalidArgument, `colour ${v}`);
      (target as CfTarget).cf.format.fillColor = v.toUpperCase();
    });
  }
}

export class FakeConditionalRangeFont extends ClientObject {
  get _label(): string {
    return 'ConditionalRangeFont';
  }

  override _scalars(target: unknown): Scalars {
    const f = (target as CfTarget).cf.format;
    return { color: () => f.fontColor ?? null, bold: () => f.bold ?? null };
  }

  get color(): string {
    return this._get('color');
  }

  set color(v: string) {
    this._set('color', v, (target) => {
      if (!COLOUR.test(v)) fail(FAKE_ERROR_CODES.invalidArgument, `colour ${v}`);
      (target as CfTarget).cf.format.fontColor = v.toUpperCase();
    });
  }

  get bold(): boolean {
    return this._get('bold');
  }

  set bold(v: boolean) {
    this._set('bold', v, (target) => {
      (target as CfTarget).cf.format.bold = v;
    });
  }
}

const CF_EDGES: readonly ConditionalEdge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];

export class FakeConditionalRangeBorderCollection extends ClientObject {
  get _label(): string {
    return 'ConditionalRangeBorderCollection';
  }

  getItem(index: string): FakeConditionalRangeBorder {
    if (!CF_EDGES.includes(index as ConditionalEdge)) throw unsupported(`conditional border ${index}`);
    return new FakeConditionalRangeBorder(this._ctx, this, (t) => ({ cf: t as CfTarget, edge: index as ConditionalEdge }));
  }
}

interface CfBorderTarget {
  readonly cf: CfTarget;
  readonly edge: ConditionalEdge;
}

export class FakeConditionalRangeBorder extends ClientObject {
  get _label(): string {
    return 'ConditionalRangeBorder';
  }

  override _scalars(target: unknown): Scalars {
    const t = target as CfBorderTarget;
    const b = () => t.cf.cf.format.borders[t.edge];
    return { sideIndex: () => t.edge, style: () => b()?.style ?? 'None', color: () => b()?.color ?? null };
  }

  private change(name: 'style' | 'color', v: string, ok: boolean): void {
    this._set(name, v, (target) => {
      if (!ok) fail(FAKE_ERROR_CODES.invalidArgument, `conditional border ${name} ${v}`);
      const t = target as CfBorderTarget;
      const borders = t.cf.cf.format.borders;
      borders[t.edge] = { ...borders[t.edge], [name]: name === 'color' ? v.toUpperCase() : v };
    });
  }

  get sideIndex(): string {
    return this._get('sideIndex');
  }
  get style(): string {
    return this._get('style');
  }
  set style(v: string) {
    this.change('style', v, BORDER_STYLES.includes(v));
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this.change('color', v, COLOUR.test(v));
  }
}
