/**
 * A small RFC 4180 reader for catalogue files: BOM, CRLF / LF / CR line ends,
 * quoted fields with delimiters, line breaks and doubled quotes, blank lines.
 * Lenient: text after a closing quote is kept, an unterminated quote runs to the
 * end of the input and is reported.
 */

export interface CsvRecord {
  /** 1-based line on which the record starts (what an editor shows). */
  readonly line: number;
  readonly fields: readonly string[];
}

export interface CsvParse {
  readonly records: readonly CsvRecord[];
  /** Line of an opening quote that is never closed, if any. */
  readonly unterminatedQuoteLine?: number;
}

/**
 * The delimiter of a CSV text: a comma, unless the first non-blank line holds
 * no comma but tabs (or semicolons), as written by some spreadsheet exports.
 */
export function detectDelimiter(text: string): ',' | '\t' | ';' {
  const first = text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
  if (first.includes(',')) return ',';
  if (first.includes('\t')) return '\t';
  if (first.includes(';')) return ';';
  return ',';
}

export function parseCsv(input: string, delimiter: string = detectDelimiter(input)): CsvParse {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quoteLine = 0;
  let fieldStart = true;
  let i = 0;

  const endRecord = (): void => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStart = true;
  };

  while (i < text.length) {
    const ch = text[i] ?? '';
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i += 1;
        continue;
      }
      if (ch === '\r' || ch === '\n') {
        const crlf = ch === '\r' && text[i + 1] === '\n';
        field += crlf ? '\r\n' : ch;
        line += 1;
        i += crlf ? 2 : 1;
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && fieldStart) {
      inQuotes = true;
      quoteLine = line;
      fieldStart = false;
      i += 1;
      continue;
    }
    if (ch === delimiter) {
      fields.push(field);
      field = '';
      fieldStart = true;
      i += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    field += ch;
    fieldStart = false;
    i += 1;
  }
  // A final line without a line break is a record; the empty "line" after a
  // trailing line break is not.
  if (field !== '' || fields.length > 0 || inQuotes) endRecord();
  return inQuotes ? { records, unterminatedQuoteLine: quoteLine } : { records };
}
