/**
 * Test helpers: zip archives built byte by byte (for hostile inputs whose
 * declared sizes lie) and text patches of real .xlsx files.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { METHOD_DEFLATED, buildZip, inflateEntry, readZipDirectory } from '../zip.js';

export const MB = 1024 * 1024;

export interface FixtureFile {
  readonly name: string;
  /** The entry's real content; deflated unless `deflated` is given. */
  readonly content?: Buffer;
  /** The compressed data as written, for entries whose content is not given. */
  readonly deflated?: Buffer;
  /** The uncompressed size written into the headers; the true size by default. */
  readonly declaredSize?: number;
}

/** A zip of deflated entries whose headers may declare any size. */
export function zipOf(files: readonly FixtureFile[]): Buffer {
  return buildZip(
    files.map((f) => {
      const content = f.content ?? Buffer.alloc(0);
      const data = f.deflated ?? deflateRawSync(content);
      return { name: f.name, method: METHOD_DEFLATED, crc32: crc32(content), data, uncompressedSize: f.declaredSize ?? content.length };
    }),
  );
}

/** The entries of a zip, inflated. */
export function unzip(bytes: Buffer): Map<string, Buffer> {
  return new Map(readZipDirectory(bytes, 10_000).map((e) => [e.name, inflateEntry(bytes, e)]));
}

/** A copy of an .xlsx with some parts' text replaced (`patch` returns undefined to keep a part). */
export function patchXlsx(bytes: Buffer, patch: (name: string, text: string) => string | undefined): Buffer {
  const files = [...unzip(bytes)].map(([name, content]) => {
    const text = patch(name, content.toString('utf8'));
    return { name, content: text === undefined ? content : Buffer.from(text, 'utf8') };
  });
  return zipOf(files);
}
