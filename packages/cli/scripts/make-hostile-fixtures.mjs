#!/usr/bin/env node
// Generates the hostile .xlsx inputs of test/hostile-inputs.test.ts, byte for byte
// the same on every run (fixed zip dates, no timestamps), with the project's own
// zip writer (src/xlsx/zip.ts, loaded through esbuild: Node 20 does not run
// TypeScript).
//
//   node packages/cli/scripts/make-hostile-fixtures.mjs              the small ones → test/fixtures/hostile/ (committed)
//   node packages/cli/scripts/make-hostile-fixtures.mjs --out DIR    the small ones → DIR
//   node packages/cli/scripts/make-hostile-fixtures.mjs --large DIR  the large ones → DIR (never committed)
// --out and --large may be given together.
//
// The large ones are a sheet of 1,000,000 rows (about 3 MB) and a zip bomb that
// declares 1.1 GB and really inflates to it from 1.1 MB of deflated zeros.
import { Buffer } from 'node:buffer';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { build } from 'esbuild';

const cliDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SMALL_DIR = join(cliDir, 'test', 'fixtures', 'hostile');
const MB = 1024 * 1024;

/** The project's zip writer, compiled from its TypeScript source. */
async function loadZipWriter() {
  const result = await build({
    entryPoints: [join(cliDir, 'src', 'xlsx', 'zip.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

const zip = await loadZipWriter();

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The parts of a minimal .xlsx package (no styles, no shared strings) with the given sheets. */
function packageParts(sheetNames) {
  const overrides = sheetNames
    .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
    .join('');
  const sheets = sheetNames.map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const rels = sheetNames.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  return [
    [
      '[Content_Types].xml',
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}</Types>`,
    ],
    ['_rels/.rels', `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets}</sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `${XML}<Relationships xmlns="${PKG_REL}">${rels}</Relationships>`],
  ];
}

function text(s) {
  return s.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c] ?? c);
}

/** Worksheet XML of rows of inline strings and numbers. */
function sheetXml(rows) {
  const body = rows
    .map((cells, r) => {
      const cs = cells
        .map((v, c) => {
          const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
          return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${text(v)}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cs}</row>`;
    })
    .join('');
  return `${XML}<worksheet xmlns="${MAIN}"><sheetData>${body}</sheetData></worksheet>`;
}

function deflated(name, content) {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  return { name, method: zip.METHOD_DEFLATED, crc32: crc32(bytes), data: deflateRawSync(bytes), uncompressedSize: bytes.length };
}

function xlsx(parts, extra = []) {
  return zip.buildZip([...parts.map(([name, content]) => deflated(name, content)), ...extra]);
}

/** A small, valid workbook: one sheet of plain text and numbers that is no budget form. */
function plainWorkbook() {
  const rows = [
    ['会议签到表'],
    ['姓名', '部门', '人数'],
    ['张三', '办公室', 3],
    ['李四', '财务科', 5],
  ];
  return xlsx([...packageParts(['Sheet1']), ['xl/worksheets/sheet1.xml', sheetXml(rows)]]);
}

/**
 * The container of a password-protected .xlsx: an OLE compound file (magic
 * D0 CF 11 E0 A1 B1 1A E1) whose directory names the EncryptionInfo and
 * EncryptedPackage streams, as Excel writes it; the streams are empty here.
 */
function encryptedWorkbook() {
  const SECTOR = 512;
  const FREE = 0xffffffff;
  const END = 0xfffffffe;
  const FATSECT = 0xfffffffd;
  const header = Buffer.alloc(SECTOR, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 28); // byte order mark
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(0x1000, 56); // mini stream cutoff
  header.writeUInt32LE(END, 60); // first mini FAT sector
  header.writeUInt32LE(END, 68); // first DIFAT sector
  for (let i = 0; i < 109; i += 1) header.writeUInt32LE(i === 0 ? 0 : FREE, 76 + i * 4);
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  fat.writeUInt32LE(END, 4);
  const directory = Buffer.alloc(SECTOR, 0);
  const entry = (i, name, type, child, right) => {
    const at = i * 128;
    const utf16 = Buffer.from(`${name}\0`, 'utf16le');
    utf16.copy(directory, at);
    directory.writeUInt16LE(utf16.length, at + 64);
    directory.writeUInt8(type, at + 66); // 5 root, 2 stream
    directory.writeUInt8(1, at + 67); // black
    directory.writeUInt32LE(FREE, at + 68); // left sibling
    directory.writeUInt32LE(right, at + 72);
    directory.writeUInt32LE(child, at + 76);
    directory.writeUInt32LE(END, at + 116); // start sector
  };
  entry(0, 'Root Entry', 5, 1, FREE);
  entry(1, 'EncryptionInfo', 2, FREE, 2);
  entry(2, 'EncryptedPackage', 2, FREE, FREE);
  // the fourth slot of the sector is unused: no siblings, no child
  for (const at of [68, 72, 76]) directory.writeUInt32LE(FREE, 3 * 128 + at);
  return Buffer.concat([header, fat, directory]);
}

/**
 * Raw deflate data that inflates to `total` zero bytes, built in milliseconds:
 * a 16 MB block of zeros deflated once and sync-flushed (it ends byte-aligned
 * and refers to nothing before its start), repeated, then a final empty block.
 */
function deflatedZeros(total) {
  const chunk = Buffer.alloc(16 * MB);
  if (total % chunk.length !== 0) throw new RangeError('total must be a multiple of 16 MB');
  const segment = deflateRawSync(chunk, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const count = total / chunk.length;
  let crc = 0;
  for (let i = 0; i < count; i += 1) crc = crc32(chunk, crc);
  return { data: Buffer.concat([...Array.from({ length: count }, () => segment), Buffer.from([0x03, 0x00])]), crc };
}

/** A workbook whose sheet inflates to `total` bytes of zeros; its headers declare `declared` bytes. */
function bombWorkbook(total, declared) {
  const { data, crc } = deflatedZeros(total);
  const sheet = { name: 'xl/worksheets/sheet1.xml', method: zip.METHOD_DEFLATED, crc32: crc, data, uncompressedSize: declared };
  return xlsx(packageParts(['Sheet1']), [sheet]);
}

/** A sheet of `rows` rows, one number each. */
function manyRowsWorkbook(rows) {
  const parts = [`${XML}<worksheet xmlns="${MAIN}"><sheetData>`];
  for (let r = 1; r <= rows; r += 1) parts.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  parts.push('</sheetData></worksheet>');
  return xlsx([...packageParts(['Sheet1']), ['xl/worksheets/sheet1.xml', parts.join('')]]);
}

/** The small fixtures, by file name. */
function smallFixtures() {
  const plain = plainWorkbook();
  return {
    // a text file renamed .xlsx
    'not-a-zip.xlsx': Buffer.from('这不是 Excel 工作簿，只是改了扩展名的文本文件。\n', 'utf8'),
    // the first 60% of a valid workbook: the zip directory at the end is gone
    'truncated.xlsx': plain.subarray(0, Math.floor(plain.length * 0.6)),
    // a zip archive without a single entry
    'empty-zip.xlsx': zip.buildZip([]),
    // a valid package whose workbook lists no sheet
    'no-sheets.xlsx': xlsx(packageParts([])),
    // a readable workbook that holds no budget form
    'no-tables.xlsx': plain,
    'encrypted.xlsx': encryptedWorkbook(),
    // a sheet that declares 64 KB but inflates to 64 MB: the inflation stops at the declared size
    'lying-sizes.xlsx': bombWorkbook(64 * MB, 64 * 1024),
  };
}

/** The large fixtures, by file name: never committed. */
function largeFixtures() {
  return {
    'million-rows.xlsx': manyRowsWorkbook(1_000_000),
    // declares and inflates to 1.1 GB from 1.1 MB of deflated zeros
    'zip-bomb.xlsx': bombWorkbook(1120 * MB, 1120 * MB),
  };
}

function writeAll(dir, files) {
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) {
    writeFileSync(join(dir, name), bytes);
    process.stdout.write(`${join(dir, name)}  ${bytes.length} bytes\n`);
  }
}

function option(name) {
  const at = process.argv.indexOf(name);
  if (at < 0) return undefined;
  const value = process.argv[at + 1];
  if (value === undefined || value.startsWith('--')) {
    process.stderr.write('usage: make-hostile-fixtures.mjs [--out DIR] [--large DIR]\n');
    process.exit(2);
  }
  return resolve(value);
}

const out = option('--out');
const large = option('--large');
if (out !== undefined || large === undefined) writeAll(out ?? SMALL_DIR, smallFixtures());
if (large !== undefined) writeAll(large, largeFixtures());
