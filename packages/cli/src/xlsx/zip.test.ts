import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MB, zipOf } from './__fixtures__/zip-bytes.js';
import { METHOD_STORED, ZipFormatError, buildZip, inflateEntry, readZipDirectory, storedEntry, type ZipProblem } from './zip.js';

function problemOf(run: () => unknown): ZipProblem | undefined {
  try {
    run();
  } catch (e) {
    if (e instanceof ZipFormatError) return e.problem;
    throw e;
  }
  return undefined;
}

/** A one-entry zip64 archive: sizes and offset only in the zip64 extra field, counts only in the zip64 EOCD record. */
function zip64Of(name: string, content: Buffer): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(45, 4);
  local.writeUInt16LE(0x0800, 6);
  local.writeUInt16LE(METHOD_STORED, 8);
  local.writeUInt32LE(crc32(content), 14);
  local.writeUInt32LE(0xffffffff, 18);
  local.writeUInt32LE(0xffffffff, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  local.writeUInt16LE(20, 28);
  const localExtra = Buffer.alloc(20);
  localExtra.writeUInt16LE(1, 0);
  localExtra.writeUInt16LE(16, 2);
  localExtra.writeBigUInt64LE(BigInt(content.length), 4);
  localExtra.writeBigUInt64LE(BigInt(content.length), 12);
  const head = Buffer.concat([local, nameBytes, localExtra, content]);

  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(45, 4);
  central.writeUInt16LE(45, 6);
  central.writeUInt16LE(0x0800, 8);
  central.writeUInt16LE(METHOD_STORED, 10);
  central.writeUInt32LE(crc32(content), 16);
  central.writeUInt32LE(0xffffffff, 20);
  central.writeUInt32LE(0xffffffff, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt16LE(28, 30);
  central.writeUInt32LE(0xffffffff, 42);
  const centralExtra = Buffer.alloc(28);
  centralExtra.writeUInt16LE(1, 0);
  centralExtra.writeUInt16LE(24, 2);
  centralExtra.writeBigUInt64LE(BigInt(content.length), 4);
  centralExtra.writeBigUInt64LE(BigInt(content.length), 12);
  centralExtra.writeBigUInt64LE(0n, 20);
  const directory = Buffer.concat([central, nameBytes, centralExtra]);

  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(1n, 24);
  record.writeBigUInt64LE(1n, 32);
  record.writeBigUInt64LE(BigInt(directory.length), 40);
  record.writeBigUInt64LE(BigInt(head.length), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(head.length + directory.length), 8);
  locator.writeUInt32LE(1, 16);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(0xffff, 8);
  eocd.writeUInt16LE(0xffff, 10);
  eocd.writeUInt32LE(0xffffffff, 12);
  eocd.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([head, directory, record, locator, eocd]);
}

describe('zip reader', () => {
  it('reads the directory and inflates stored and deflated entries of a built archive', () => {
    const text = Buffer.from('<worksheet>一般公共预算</worksheet>'.repeat(50), 'utf8');
    const bytes = zipOf([{ name: 'xl/worksheets/sheet1.xml', content: text }, { name: 'docProps/说明.xml', content: Buffer.from('<p/>') }]);
    const entries = readZipDirectory(bytes, 10);
    expect(entries.map((e) => [e.name, e.uncompressedSize])).toEqual([
      ['xl/worksheets/sheet1.xml', text.length],
      ['docProps/说明.xml', 4],
    ]);
    expect(entries[0]?.compressedSize).toBeLessThan(text.length);
    expect(inflateEntry(bytes, entries[0]!).equals(text)).toBe(true);
    const stored = buildZip([storedEntry('a.xml', Buffer.from('<a/>'))]);
    const [entry] = readZipDirectory(stored, 10);
    expect(entry?.method).toBe(METHOD_STORED);
    expect(inflateEntry(stored, entry!).toString()).toBe('<a/>');
  });

  it('reads zip64 sizes, offsets and counts', () => {
    const bytes = zip64Of('xl/workbook.xml', Buffer.from('<workbook/>'));
    const [entry] = readZipDirectory(bytes, 10);
    expect(entry).toMatchObject({ name: 'xl/workbook.xml', uncompressedSize: 11, compressedSize: 11, localHeaderOffset: 0 });
    expect(inflateEntry(bytes, entry!).toString()).toBe('<workbook/>');
  });

  it('finds the directory behind an archive comment', () => {
    const bytes = zipOf([{ name: 'a.xml', content: Buffer.from('<a/>') }]);
    const comment = Buffer.from('备注 comment');
    const withComment = Buffer.concat([bytes, comment]);
    withComment.writeUInt16LE(comment.length, bytes.length - 2);
    expect(readZipDirectory(withComment, 10).map((e) => e.name)).toEqual(['a.xml']);
  });

  it('names what is wrong with a broken archive', () => {
    const good = zipOf([{ name: 'a.xml', content: Buffer.from('<a>'.repeat(100)) }]);
    expect(problemOf(() => readZipDirectory(good.subarray(0, good.length >> 1), 10))).toBe('no-directory');
    expect(problemOf(() => readZipDirectory(Buffer.from('PK\x03\x04 not really'), 10))).toBe('no-directory');

    const badOffset = Buffer.from(good);
    badOffset.writeUInt32LE(good.length + 100, good.length - 6);
    expect(problemOf(() => readZipDirectory(badOffset, 10))).toBe('bad-directory');

    const badLocal = Buffer.from(good);
    badLocal.writeUInt32LE(0, 0);
    const [entry] = readZipDirectory(badLocal, 10);
    expect(problemOf(() => inflateEntry(badLocal, entry!))).toBe('bad-entry');

    const lying = zipOf([{ name: 'a.xml', content: Buffer.alloc(10 * MB), declaredSize: 1024 }]);
    expect(problemOf(() => inflateEntry(lying, readZipDirectory(lying, 10)[0]!))).toBe('size-mismatch');
    const short = zipOf([{ name: 'a.xml', content: Buffer.alloc(100), declaredSize: 200 }]);
    expect(problemOf(() => inflateEntry(short, readZipDirectory(short, 10)[0]!))).toBe('size-mismatch');

    const corrupt = zipOf([{ name: 'a.xml', deflated: Buffer.from([0xff, 0xff, 0xff, 0xff]), declaredSize: 10 }]);
    expect(problemOf(() => inflateEntry(corrupt, readZipDirectory(corrupt, 10)[0]!))).toBe('bad-data');

    const method = Buffer.from(good);
    const directoryOffset = method.readUInt32LE(method.length - 6);
    method.writeUInt16LE(12, directoryOffset + 10); // bzip2
    expect(problemOf(() => inflateEntry(method, readZipDirectory(method, 10)[0]!))).toBe('unsupported-method');

    const encrypted = Buffer.from(good);
    encrypted.writeUInt16LE(0x0801, directoryOffset + 8);
    expect(problemOf(() => inflateEntry(encrypted, readZipDirectory(encrypted, 10)[0]!))).toBe('encrypted');

    const many = zipOf(Array.from({ length: 5 }, (_, i) => ({ name: `${i}.xml`, content: Buffer.from('<a/>') })));
    expect(problemOf(() => readZipDirectory(many, 4))).toBe('too-many-entries');
    expect(readZipDirectory(many, 5)).toHaveLength(5);
  });

  it('stops inflating a lying entry at its declared size', () => {
    const deflated = deflateRawSync(Buffer.alloc(50 * MB));
    const lying = zipOf([{ name: 'a.xml', deflated, declaredSize: 1 }]);
    const started = performance.now();
    expect(problemOf(() => inflateEntry(lying, readZipDirectory(lying, 10)[0]!))).toBe('size-mismatch');
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
