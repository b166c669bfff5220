/**
 * Checks an .xlsx file's bytes before ExcelJS sees them, so that hostile or
 * broken input ends in a one-line UserInputError instead of a crash, a hang or
 * an exhausted heap: magic bytes, the zip central directory (declared sizes,
 * compression ratios, entry count), every entry inflated within its declared
 * size, and each worksheet's rows, merges and column definitions.
 *
 * It also removes the parts that ExcelJS expands cell by cell although a Grid
 * never needs them (data validations and defined names: one validation on a
 * whole column costs ExcelJS two seconds and 200 MB), and notes the formula
 * cells whose cached value is an empty string (ExcelJS drops that value).
 */
import { parseA1 } from '@yusuan/core';
import { UserInputError } from '../errors.js';
import { ZipFormatError, buildZip, inflateEntry, rawEntryData, readZipDirectory, storedEntry, type ZipEntry, type ZipWriteEntry } from './zip.js';

/** Bounds on what a read accepts; every one of them turns into a UserInputError when exceeded. */
export interface XlsxReadLimits {
  /** Size of the file itself. */
  readonly maxFileBytes: number;
  /** Sum of the declared uncompressed sizes of all zip entries. */
  readonly maxTotalUncompressedBytes: number;
  /** Declared uncompressed size of one entry. */
  readonly maxEntryUncompressedBytes: number;
  /** Uncompressed : compressed, checked for entries larger than `compressionRatioMinBytes`. */
  readonly maxCompressionRatio: number;
  readonly compressionRatioMinBytes: number;
  /** Files in the zip. */
  readonly maxEntries: number;
  /** Highest row number of a worksheet. */
  readonly maxRowsPerSheet: number;
  /** Cells of a worksheet as read (row by row up to its last cell), and cells covered by merges. */
  readonly maxCellsPerSheet: number;
  readonly maxMergesPerSheet: number;
}

const MB = 1024 * 1024;

export const DEFAULT_XLSX_LIMITS: XlsxReadLimits = Object.freeze({
  maxFileBytes: 50 * MB,
  maxTotalUncompressedBytes: 200 * MB,
  maxEntryUncompressedBytes: 100 * MB,
  maxCompressionRatio: 200,
  compressionRatioMinBytes: 1 * MB,
  maxEntries: 10_000,
  maxRowsPerSheet: 200_000,
  maxCellsPerSheet: 10_000_000,
  maxMergesPerSheet: 10_000,
});

export function resolveLimits(limits?: Partial<XlsxReadLimits>): XlsxReadLimits {
  return { ...DEFAULT_XLSX_LIMITS, ...limits };
}

/** Excel's last column (XFD). */
const MAX_COLUMN = 16_384;

/** A UserInputError about a file that cannot be read. */
export function unreadable(label: string, zh: string, en: string, cause?: unknown): UserInputError {
  return new UserInputError({ 'zh-CN': `无法读取 ${label}：${zh}`, en: `cannot read ${label}: ${en}` }, cause === undefined ? undefined : { cause });
}

/** A size for messages: 1.5 MB, or 12 KB below a megabyte. */
export function megabytes(bytes: number): string {
  if (bytes < MB) return `${Math.ceil(bytes / 1024)} KB`;
  return `${Math.round((bytes / MB) * 10) / 10} MB`;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4", a local file header
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06]; // "PK\5\6": an archive that is nothing but its end record
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // OLE compound file: .xls, or an encrypted .xlsx

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Rejects a file that is not a zip, or is too large, before anything is parsed. */
export function checkMagic(bytes: Buffer, label: string, limits: XlsxReadLimits): void {
  if (bytes.length > limits.maxFileBytes) {
    throw unreadable(label, `文件过大（${megabytes(bytes.length)}），上限为 ${megabytes(limits.maxFileBytes)}`, `the file is too large (${megabytes(bytes.length)}; the limit is ${megabytes(limits.maxFileBytes)})`);
  }
  if (startsWith(bytes, CFB_MAGIC)) {
    throw unreadable(
      label,
      '文件已加密或为旧版 .xls 格式，请在 Excel 中另存为未加密的 .xlsx',
      'the file is encrypted or a legacy .xls workbook; save it as an unencrypted .xlsx in Excel',
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC) && !startsWith(bytes, EMPTY_ZIP_MAGIC)) {
    throw unreadable(label, '文件不是 .xlsx 工作簿（不是 zip 格式）', 'the file is not an .xlsx workbook (not a zip archive)');
  }
}

function zipFailure(error: ZipFormatError, label: string, limits: XlsxReadLimits): UserInputError {
  const entry = error.entry ?? '';
  switch (error.problem) {
    case 'no-directory':
      return unreadable(label, '工作簿已损坏或不完整（找不到 zip 目录，文件可能被截断）', 'the workbook is damaged or incomplete (no zip directory; the file may be truncated)', error);
    case 'bad-directory':
      return unreadable(label, '工作簿已损坏（zip 目录无效）', 'the workbook is damaged (invalid zip directory)', error);
    case 'bad-entry':
      return unreadable(label, `工作簿已损坏（${entry} 的数据不完整）`, `the workbook is damaged (the data of ${entry} is incomplete)`, error);
    case 'bad-data':
      return unreadable(label, `工作簿已损坏（${entry} 的压缩数据无效）`, `the workbook is damaged (the compressed data of ${entry} is invalid)`, error);
    case 'encrypted':
      return unreadable(label, '工作簿内容已加密，请在 Excel 中另存为未加密的 .xlsx', 'the workbook content is encrypted; save it as an unencrypted .xlsx in Excel', error);
    case 'unsupported-method':
      return unreadable(label, `工作簿已损坏或使用了不支持的压缩方式（${entry}）`, `the workbook is damaged or uses an unsupported compression method (${entry})`, error);
    case 'size-mismatch':
      return unreadable(
        label,
        `${entry} 解压后的大小与声明不符，可能是压缩炸弹或文件已损坏`,
        `${entry} does not inflate to its declared size: a zip bomb or a damaged file`,
        error,
      );
    case 'too-many-entries':
      return unreadable(label, `zip 中的文件超过 ${limits.maxEntries} 个，不是正常的工作簿`, `the zip holds more than ${limits.maxEntries} files; not a normal workbook`, error);
  }
}

/** Declared sizes against the limits, before anything is inflated. */
function checkDeclaredSizes(entries: readonly ZipEntry[], label: string, limits: XlsxReadLimits): void {
  let total = 0;
  for (const entry of entries) {
    const size = entry.uncompressedSize;
    if (size > limits.maxEntryUncompressedBytes) {
      throw unreadable(
        label,
        `其中 ${entry.name} 解压后有 ${megabytes(size)}，超过单个文件上限 ${megabytes(limits.maxEntryUncompressedBytes)}，可能是压缩炸弹`,
        `${entry.name} inflates to ${megabytes(size)}, above the per-file limit of ${megabytes(limits.maxEntryUncompressedBytes)}; possibly a zip bomb`,
      );
    }
    const ratio = size / Math.max(1, entry.compressedSize);
    if (size > limits.compressionRatioMinBytes && ratio > limits.maxCompressionRatio) {
      const shown = Math.round(ratio);
      throw unreadable(
        label,
        `其中 ${entry.name} 的压缩比为 ${shown}:1，超过上限 ${limits.maxCompressionRatio}:1，可能是压缩炸弹`,
        `${entry.name} has a compression ratio of ${shown}:1, above the limit of ${limits.maxCompressionRatio}:1; possibly a zip bomb`,
      );
    }
    total += size;
  }
  if (total > limits.maxTotalUncompressedBytes) {
    throw unreadable(
      label,
      `解压后共 ${megabytes(total)}，超过上限 ${megabytes(limits.maxTotalUncompressedBytes)}，可能是压缩炸弹`,
      `the content inflates to ${megabytes(total)}, above the limit of ${megabytes(limits.maxTotalUncompressedBytes)}; possibly a zip bomb`,
    );
  }
}

/** What the scan learnt about one worksheet. */
export interface SheetScan {
  /** Highest row number (rows without `r` continue from the previous one). */
  readonly rows: number;
  /** Formula cells whose cached value is an empty string (`<v></v>`), by A1 address. */
  readonly emptyStringFormulas: ReadonlySet<string>;
}

interface WorksheetScan extends SheetScan {
  readonly merges: number;
  readonly mergedCells: number;
  readonly maxColumn: number;
}

const ROW_TAG = /<row(?=[\s/>])([^>]*)>/g;
const MERGE_TAG = /<mergeCell(?=[\s/>])([^>]*)>/g;
const COL_TAG = /<col(?=[\s/>])([^>]*)>/g;
const EMPTY_VALUE = /<v\s*\/>|<v><\/v>/g;
const R_NUMBER = /(?:^|\s)r\s*=\s*["'](\d+)["']/;
const R_ADDRESS = /(?:^|\s)r\s*=\s*["']([A-Za-z]{1,3}\d+)["']/;
const T_STR = /(?:^|\s)t\s*=\s*["']str["']/;
const REF = /(?:^|\s)ref\s*=\s*["']([^"']*)["']/;
const MIN_MAX = /(?:^|\s)(?:min|max)\s*=\s*["'](\d+)["']/g;
const DATA_VALIDATIONS = /<dataValidations(?=[\s/>])[^>]*?(?:\/>|>[\s\S]*?<\/dataValidations>)/g;
const DEFINED_NAMES = /<definedNames(?=[\s/>])[^>]*?(?:\/>|>[\s\S]*?<\/definedNames>)/g;

function mergeArea(ref: string): number {
  const [from = '', to = from] = ref.split(':');
  const a = parseA1(from);
  const b = parseA1(to);
  if (!a || !b) return 0;
  return (Math.abs(b.row - a.row) + 1) * (Math.abs(b.col - a.col) + 1);
}

function isTagEnd(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '>' || ch === '/';
}

/** The `<c>` whose value is the empty `<v>` at `at`, when it is a formula cell of type str. */
function emptyStringFormulaAt(xml: string, at: number): string | undefined {
  let start = xml.lastIndexOf('<c', at);
  while (start >= 0 && !isTagEnd(xml[start + 2])) start = xml.lastIndexOf('<c', start - 1);
  if (start < 0) return undefined;
  const tagEnd = xml.indexOf('>', start);
  if (tagEnd < 0 || tagEnd > at || xml[tagEnd - 1] === '/') return undefined;
  const attrs = xml.slice(start + 2, tagEnd);
  const inside = xml.slice(tagEnd, at);
  if (!T_STR.test(attrs) || !inside.includes('<f') || inside.includes('</c>')) return undefined;
  return R_ADDRESS.exec(attrs)?.[1]?.toUpperCase();
}

/** Scans a worksheet part (decoded as latin1: markup is ASCII, bytes survive a round trip). */
function scanWorksheet(xml: string, limits: XlsxReadLimits): WorksheetScan {
  let rows = 0;
  let last = 0;
  for (const m of xml.matchAll(ROW_TAG)) {
    const r = R_NUMBER.exec(m[1] ?? '');
    last = r ? Number(r[1]) : last + 1;
    if (last > rows) rows = last;
    if (rows > limits.maxRowsPerSheet) break;
  }
  let merges = 0;
  let mergedCells = 0;
  for (const m of xml.matchAll(MERGE_TAG)) {
    merges += 1;
    mergedCells += mergeArea(REF.exec(m[1] ?? '')?.[1] ?? '');
    if (merges > limits.maxMergesPerSheet || mergedCells > limits.maxCellsPerSheet) break;
  }
  let maxColumn = 0;
  for (const m of xml.matchAll(COL_TAG)) {
    for (const n of (m[1] ?? '').matchAll(MIN_MAX)) maxColumn = Math.max(maxColumn, Number(n[1]));
  }
  const emptyStringFormulas = new Set<string>();
  for (const m of xml.matchAll(EMPTY_VALUE)) {
    const address = emptyStringFormulaAt(xml, m.index);
    if (address !== undefined) emptyStringFormulas.add(address);
  }
  return { rows, merges, mergedCells, maxColumn, emptyStringFormulas };
}

const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/g;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  return s.replace(ENTITY, (whole, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (named !== undefined) return NAMED[named] ?? whole;
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(dec);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function attribute(attrs: string, name: RegExp): string | undefined {
  const m = name.exec(attrs);
  return m ? decodeXml(m[1] ?? m[2] ?? '') : undefined;
}

const NAME_ATTR = /(?:^|\s)name\s*=\s*(?:"([^"]*)"|'([^']*)')/;
const REL_ID_ATTR = /(?:^|\s)[A-Za-z_][\w.-]*:id\s*=\s*(?:"([^"]*)"|'([^']*)')/;
const ID_ATTR = /(?:^|\s)Id\s*=\s*(?:"([^"]*)"|'([^']*)')/;
const TARGET_ATTR = /(?:^|\s)Target\s*=\s*(?:"([^"]*)"|'([^']*)')/;

/** Worksheet part path → sheet name, from xl/workbook.xml and its relationships. */
function sheetNamesByPart(workbookXml: string, relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship(?=[\s/>])([^>]*)>/g)) {
    const id = attribute(m[1] ?? '', ID_ATTR);
    const target = attribute(m[1] ?? '', TARGET_ATTR);
    if (id !== undefined && target !== undefined) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const names = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<sheet(?=[\s/>])([^>]*)>/g)) {
    const name = attribute(m[1] ?? '', NAME_ATTR);
    const id = attribute(m[1] ?? '', REL_ID_ATTR);
    const part = id === undefined ? undefined : targets.get(id);
    if (name !== undefined && part !== undefined) names.set(part, name);
  }
  return names;
}

/** The parts ExcelJS reads as worksheets (its own, unanchored pattern). */
const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;

export interface PreparedWorkbook {
  /** The bytes to give ExcelJS: the input, or a rebuilt archive without the parts a Grid does not need. */
  readonly bytes: Buffer;
  /** Scans by sheet name (or by part path when the workbook does not name the part). */
  readonly sheets: ReadonlyMap<string, SheetScan>;
}

function checkSheet(name: string, scan: WorksheetScan, label: string, limits: XlsxReadLimits): void {
  if (scan.rows > limits.maxRowsPerSheet) {
    throw unreadable(
      label,
      `工作表“${name}”超过 ${limits.maxRowsPerSheet} 行，请删除多余的行或拆分工作表`,
      `worksheet "${name}" has more than ${limits.maxRowsPerSheet} rows; delete the extra rows or split the sheet`,
    );
  }
  if (scan.merges > limits.maxMergesPerSheet || scan.mergedCells > limits.maxCellsPerSheet) {
    throw unreadable(
      label,
      `工作表“${name}”的合并单元格过多或过大（上限 ${limits.maxMergesPerSheet} 个、共 ${limits.maxCellsPerSheet} 个单元格）`,
      `worksheet "${name}" has too many or too large merged ranges (limits: ${limits.maxMergesPerSheet} ranges, ${limits.maxCellsPerSheet} cells)`,
    );
  }
  if (scan.maxColumn > MAX_COLUMN) {
    throw unreadable(label, `工作簿已损坏（工作表“${name}”的列定义超出 XFD 列）`, `the workbook is damaged (worksheet "${name}" defines columns beyond XFD)`);
  }
}

/**
 * Checks an .xlsx file's bytes against the limits and prepares them for
 * ExcelJS. Throws a UserInputError with a one-line message for anything that
 * is not a readable, reasonably sized workbook.
 */
export function prepareWorkbookBytes(bytes: Buffer, label: string, limits: XlsxReadLimits): PreparedWorkbook {
  checkMagic(bytes, label, limits);
  const entries = withZipErrors(() => readZipDirectory(bytes, limits.maxEntries), label, limits);
  if (entries.length === 0) throw unreadable(label, 'zip 压缩包是空的，其中没有工作表', 'the zip archive is empty: no worksheet');
  checkDeclaredSizes(entries, label, limits);

  const replaced = new Map<number, Buffer>();
  const scans = new Map<string, WorksheetScan>();
  let workbookXml = '';
  let relsXml = '';
  entries.forEach((entry, index) => {
    const content = withZipErrors(() => inflateEntry(bytes, entry), label, limits);
    const part = entry.name.startsWith('/') ? entry.name.slice(1) : entry.name;
    if (WORKSHEET_PART.test(part)) {
      const xml = content.toString('latin1');
      scans.set(part, scanWorksheet(xml, limits));
      if (xml.includes('<dataValidations')) replaced.set(index, Buffer.from(xml.replace(DATA_VALIDATIONS, ''), 'latin1'));
    } else if (part === 'xl/workbook.xml') {
      workbookXml = content.toString('utf8');
      const xml = content.toString('latin1');
      if (xml.includes('<definedNames')) replaced.set(index, Buffer.from(xml.replace(DEFINED_NAMES, ''), 'latin1'));
    } else if (part === 'xl/_rels/workbook.xml.rels') {
      relsXml = content.toString('utf8');
    }
  });

  const names = sheetNamesByPart(workbookXml, relsXml);
  const sheets = new Map<string, SheetScan>();
  for (const [part, scan] of scans) {
    const name = names.get(part) ?? part;
    checkSheet(name, scan, label, limits);
    sheets.set(name, { rows: scan.rows, emptyStringFormulas: scan.emptyStringFormulas });
  }
  if (replaced.size === 0) return { bytes, sheets };
  const rebuilt = entries.map((entry, index): ZipWriteEntry => {
    const content = replaced.get(index);
    if (content) return storedEntry(entry.name, content);
    return { name: entry.name, method: entry.method, crc32: entry.crc32, data: rawEntryData(bytes, entry), uncompressedSize: entry.uncompressedSize };
  });
  return { bytes: buildZip(rebuilt), sheets };
}

function withZipErrors<T>(run: () => T, label: string, limits: XlsxReadLimits): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof ZipFormatError) throw zipFailure(e, label, limits);
    throw e;
  }
}
