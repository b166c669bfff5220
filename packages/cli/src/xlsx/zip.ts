/**
 * A small reader and writer of the zip container (PKWARE APPNOTE 6.3): the End
 * Of Central Directory record, the central directory (with zip64 sizes), the
 * data of one entry, inflation bounded by the declared size, and a writer for
 * rebuilt archives. It lets the reader check an .xlsx before ExcelJS (JSZip)
 * inflates it, without another dependency.
 */
import { crc32, inflateRawSync } from 'node:zlib';

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const MAX_COMMENT = 0xffff;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_UTF8 = 0x0800;

export const METHOD_STORED = 0;
export const METHOD_DEFLATED = 8;

/** What is wrong with an archive, for the caller to word. */
export type ZipProblem =
  | 'no-directory' // no End Of Central Directory record: not a zip, or truncated
  | 'bad-directory' // the directory points outside the file or is malformed
  | 'bad-entry' // an entry's local header or data lies outside the file
  | 'encrypted' // an entry is encrypted
  | 'unsupported-method' // neither stored nor deflated
  | 'size-mismatch' // the data does not inflate to the declared size
  | 'bad-data' // the deflate stream is corrupt
  | 'too-many-entries';

export class ZipFormatError extends Error {
  readonly problem: ZipProblem;
  /** The entry concerned, when there is one. */
  readonly entry: string | undefined;

  constructor(problem: ZipProblem, entry?: string) {
    super(entry === undefined ? `zip: ${problem}` : `zip: ${problem} (${entry})`);
    this.name = 'ZipFormatError';
    this.problem = problem;
    this.entry = entry;
  }
}

/** One central directory entry. Sizes are as declared, not yet verified. */
export interface ZipEntry {
  /** The name as JSZip sees it (UTF-8). */
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

function u64(bytes: Buffer, at: number): number {
  const n = bytes.readBigUInt64LE(at);
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('bad-directory');
  return Number(n);
}

function findEocd(bytes: Buffer): number {
  const last = bytes.length - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at -= 1) {
    if (bytes.readUInt32LE(at) === EOCD_SIGNATURE && at + EOCD_SIZE + bytes.readUInt16LE(at + 20) <= bytes.length) return at;
  }
  throw new ZipFormatError('no-directory');
}

interface Directory {
  readonly entries: number;
  readonly offset: number;
  readonly size: number;
  /** Where the directory must end: the (zip64) EOCD record. */
  readonly limit: number;
}

function readDirectoryLocation(bytes: Buffer): Directory {
  const eocd = findEocd(bytes);
  const disk = bytes.readUInt16LE(eocd + 4);
  const directoryDisk = bytes.readUInt16LE(eocd + 6);
  const entries = bytes.readUInt16LE(eocd + 10);
  const size = bytes.readUInt32LE(eocd + 12);
  const offset = bytes.readUInt32LE(eocd + 16);
  if (disk !== 0 || directoryDisk !== 0) throw new ZipFormatError('bad-directory');
  if (entries !== U16_MAX && size !== U32_MAX && offset !== U32_MAX) return { entries, offset, size, limit: eocd };
  // zip64: the locator sits right before the EOCD record and points at the zip64 EOCD record.
  const locator = eocd - 20;
  if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_LOCATOR_SIGNATURE) throw new ZipFormatError('bad-directory');
  const record = u64(bytes, locator + 8);
  if (record + 56 > locator || bytes.readUInt32LE(record) !== ZIP64_EOCD_SIGNATURE) throw new ZipFormatError('bad-directory');
  return { entries: u64(bytes, record + 32), size: u64(bytes, record + 40), offset: u64(bytes, record + 48), limit: record };
}

/** The zip64 extended information extra field (id 1) replaces 32-bit fields that hold 0xFFFFFFFF. */
function zip64Sizes(extra: Buffer, sizes: { uncompressed: number; compressed: number; offset: number }): void {
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    const end = at + 4 + length;
    if (end > extra.length) throw new ZipFormatError('bad-directory');
    if (id === 1) {
      let field = at + 4;
      const next = (): number => {
        if (field + 8 > end) throw new ZipFormatError('bad-directory');
        const value = u64(extra, field);
        field += 8;
        return value;
      };
      if (sizes.uncompressed === U32_MAX) sizes.uncompressed = next();
      if (sizes.compressed === U32_MAX) sizes.compressed = next();
      if (sizes.offset === U32_MAX) sizes.offset = next();
      return;
    }
    at = end;
  }
}

/**
 * The entries of the central directory, read from the End Of Central
 * Directory record backwards; nothing is inflated. Throws ZipFormatError.
 */
export function readZipDirectory(bytes: Buffer, maxEntries: number): ZipEntry[] {
  try {
    return readEntries(bytes, maxEntries);
  } catch (e) {
    // A read past the end of the buffer is a RangeError: the directory points outside the file.
    if (e instanceof ZipFormatError) throw e;
    throw new ZipFormatError('bad-directory');
  }
}

function readEntries(bytes: Buffer, maxEntries: number): ZipEntry[] {
  if (bytes.length < EOCD_SIZE) throw new ZipFormatError('no-directory');
  const directory = readDirectoryLocation(bytes);
  if (directory.entries > maxEntries) throw new ZipFormatError('too-many-entries');
  const end = directory.offset + directory.size;
  if (end > directory.limit || directory.entries * CENTRAL_SIZE > directory.size) throw new ZipFormatError('bad-directory');
  const entries: ZipEntry[] = [];
  let at = directory.offset;
  for (let i = 0; i < directory.entries; i += 1) {
    if (at + CENTRAL_SIZE > end || bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new ZipFormatError('bad-directory');
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const nameStart = at + CENTRAL_SIZE;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > end) throw new ZipFormatError('bad-directory');
    const sizes = { compressed: bytes.readUInt32LE(at + 20), uncompressed: bytes.readUInt32LE(at + 24), offset: bytes.readUInt32LE(at + 42) };
    zip64Sizes(bytes.subarray(extraStart, extraStart + extraLength), sizes);
    entries.push({
      name: bytes.toString('utf8', nameStart, extraStart),
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      crc32: bytes.readUInt32LE(at + 16),
      compressedSize: sizes.compressed,
      uncompressedSize: sizes.uncompressed,
      localHeaderOffset: sizes.offset,
    });
    at = next;
  }
  return entries;
}

/** The entry's data as stored in the archive (still compressed). */
export function rawEntryData(bytes: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (at + LOCAL_SIZE > bytes.length || bytes.readUInt32LE(at) !== LOCAL_SIGNATURE) throw new ZipFormatError('bad-entry', entry.name);
  const start = at + LOCAL_SIZE + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipFormatError('bad-entry', entry.name);
  return bytes.subarray(start, end);
}

/**
 * The entry's content, inflated with an output bound equal to its declared
 * size: a stream that would inflate to more is stopped at the bound, so a
 * central directory that lies about sizes cannot make it allocate more.
 */
export function inflateEntry(bytes: Buffer, entry: ZipEntry): Buffer {
  if ((entry.flags & FLAG_ENCRYPTED) !== 0) throw new ZipFormatError('encrypted', entry.name);
  const data = rawEntryData(bytes, entry);
  if (entry.method === METHOD_STORED) {
    if (data.length !== entry.uncompressedSize) throw new ZipFormatError('size-mismatch', entry.name);
    return data;
  }
  if (entry.method !== METHOD_DEFLATED) throw new ZipFormatError('unsupported-method', entry.name);
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (e) {
    const tooLarge = e instanceof RangeError || (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
    throw new ZipFormatError(tooLarge ? 'size-mismatch' : 'bad-data', entry.name);
  }
  if (out.length !== entry.uncompressedSize) throw new ZipFormatError('size-mismatch', entry.name);
  return out;
}

/** An entry to write: its data as it goes into the archive (compressed when `method` is deflated). */
export interface ZipWriteEntry {
  readonly name: string;
  readonly method: number;
  readonly crc32: number;
  readonly data: Buffer;
  readonly uncompressedSize: number;
}

/** A stored (uncompressed) entry. */
export function storedEntry(name: string, content: Buffer): ZipWriteEntry {
  return { name, method: METHOD_STORED, crc32: crc32(content), data: content, uncompressedSize: content.length };
}

/** A plain zip archive (no zip64; UTF-8 names; DOS date 1980-01-01). */
export function buildZip(entries: readonly ZipWriteEntry[]): Buffer {
  if (entries.length > U16_MAX) throw new RangeError('too many zip entries');
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const dosDate = (1 << 5) | 1; // 1980-01-01
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    if (entry.data.length > U32_MAX || entry.uncompressedSize > U32_MAX || offset > U32_MAX) throw new RangeError('zip too large');
    const local = Buffer.alloc(LOCAL_SIZE);
    local.writeUInt32LE(LOCAL_SIGNATURE, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(FLAG_UTF8, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(entry.crc32 >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(CENTRAL_SIZE);
    header.writeUInt32LE(CENTRAL_SIGNATURE, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    local.copy(header, 8, 6, 30);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    parts.push(local, name, entry.data);
    offset += LOCAL_SIZE + name.length + entry.data.length;
  }
  const directory = Buffer.concat(central);
  const eocd = Buffer.alloc(EOCD_SIZE);
  eocd.writeUInt32LE(EOCD_SIGNATURE, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(directory.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, eocd]);
}
