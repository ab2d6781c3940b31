// Delimited text matrices: CSV / TSV / ';'-separated per RFC 4180 (quoted fields, doubled quotes,
// line breaks inside quotes, CRLF, BOM) and whitespace-separated text, with '#' / '%' comment
// lines and header-row detection. One pass over the text, O(length).

import { FormatError, quoteForMessage } from './format-error';
import { isExpressionText } from './expression-text';
import { isNumberText, normalizeDecimalComma } from './number-text';
import type { TextMatrix } from './text-matrix';

export type Delimiter = ',' | ';' | '\t' | 'whitespace';

export interface CsvRecord {
  fields: string[];
  /** 1-based line on which the record starts. */
  line: number;
}

export interface CsvRecordOptions {
  delimiter?: ',' | ';' | '\t';
  /** Skip lines whose first non-blank character is '#' or '%'. */
  comments?: boolean;
  file?: string;
  /** Refuse input with more fields than this in all (default 2^26). */
  maxFields?: number;
}

export const defaultMaxCells = 2 ** 26;

/**
 * The records of RFC 4180 text, fields exactly as written (quotes removed, doubled quotes
 * undone). Blank lines come back as a record of one empty field; a final line break adds none.
 */
export function parseCsvRecords(text: string, options: CsvRecordOptions = {}): CsvRecord[] {
  const delimiter = options.delimiter ?? ',';
  const maxFields = options.maxFields ?? defaultMaxCells;
  const file = options.file;
  const records: CsvRecord[] = [];
  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let fieldCount = 0;
  const length = text.length;

  while (position < length) {
    // At the start of a record.
    if (options.comments) {
      let probe = position;
      while (probe < length && (text[probe] === ' ' || text[probe] === '\t')) probe++;
      if (text[probe] === '#' || text[probe] === '%') {
        while (probe < length && text[probe] !== '\n' && text[probe] !== '\r') probe++;
        position = skipLineBreak(text, probe);
        line++;
        continue;
      }
    }
    const record: CsvRecord = { fields: [], line };
    for (;;) {
      // At the start of a field.
      let field = '';
      let probe = position;
      while (probe < length && text[probe] === ' ') probe++;
      if (text[probe] === '"') {
        const openingLine = line;
        position = probe + 1;
        for (;;) {
          const quote = text.indexOf('"', position);
          if (quote < 0) {
            throw new FormatError(
              `a quoted field opened on line ${openingLine} is never closed (missing '"')`,
              { file, line: openingLine, column: record.fields.length + 1 },
            );
          }
          const chunk = text.slice(position, quote);
          line += countLineBreaks(chunk);
          field += chunk;
          if (text[quote + 1] === '"') {
            field += '"';
            position = quote + 2;
          } else {
            position = quote + 1;
            break;
          }
        }
        while (position < length && text[position] === ' ') position++;
        const next = text[position];
        if (position < length && next !== delimiter && next !== '\n' && next !== '\r') {
          throw new FormatError(
            `unexpected ${quoteForMessage(next)} after the closing quote of a field (a quote inside a quoted field is written "")`,
            { file, line, column: record.fields.length + 1 },
          );
        }
      } else {
        let end = position;
        while (end < length) {
          const character = text[end];
          if (character === delimiter || character === '\n' || character === '\r') break;
          end++;
        }
        field = text.slice(position, end);
        position = end;
      }
      record.fields.push(field);
      fieldCount++;
      if (fieldCount > maxFields) {
        throw new FormatError(`more than ${maxFields} cells; the limit protects memory`, {
          file,
          line,
        });
      }
      if (position < length && text[position] === delimiter) {
        position++;
        continue;
      }
      break; // line break or end of text
    }
    records.push(record);
    if (position < length) {
      position = skipLineBreak(text, position);
      line++;
    }
  }
  return records;
}

function skipLineBreak(text: string, position: number): number {
  if (text[position] === '\r' && text[position + 1] === '\n') return position + 2;
  if (text[position] === '\r' || text[position] === '\n') return position + 1;
  return position;
}

function countLineBreaks(chunk: string): number {
  let count = 0;
  for (let k = 0; k < chunk.length; k++) {
    const character = chunk[k];
    if (character === '\n') count++;
    else if (character === '\r' && chunk[k + 1] !== '\n') count++;
  }
  return count;
}

/**
 * Which delimiter the text uses: the first of tab, ';', ',' that splits the first lines into
 * the same number (> 1) of fields; else the most frequent of those on every line; else whitespace. ';' comes
 * before ',' because ';'-files write decimal commas ("1,5;2,5").
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/, 200)
    .map((line) => line.trim())
    .filter((line) => line !== '' && line[0] !== '#' && line[0] !== '%')
    .slice(0, 20);
  if (lines.length === 0) return ',';
  const candidates = ['\t', ';', ','] as const;
  let best: Delimiter = 'whitespace';
  let bestTotal = 0;
  for (const candidate of candidates) {
    const counts = lines.map((line) => countOutsideQuotes(line, candidate));
    if (counts[0] > 0 && counts.every((count) => count === counts[0])) return candidate;
    // A ragged file (or one with a broken quote) still has its delimiter on every line; a stray
    // tab in one line does not count.
    const raw = lines.map((line) => line.split(candidate).length - 1);
    const total = raw.reduce((sum, count) => sum + count, 0);
    if (raw.every((count) => count > 0) && total > bestTotal) {
      best = candidate;
      bestTotal = total;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const character of line) {
    if (character === '"') quoted = !quoted;
    else if (character === delimiter && !quoted) count++;
  }
  return count;
}

export interface DelimitedOptions {
  file?: string;
  delimiter?: Delimiter | 'auto';
  /** 'auto': the first row is a header when none of its cells is a number. */
  header?: 'auto' | 'present' | 'absent';
  /**
   * What a cell may hold: 'numbers' (default; see number-text.ts), 'expressions' (also
   * arithmetic such as "sqrt(2)" or "pi/4"; see expression-text.ts) or 'any' text.
   */
  cells?: CellRule;
  maxCells?: number;
}

export type CellRule = 'numbers' | 'expressions' | 'any';

export type DelimitedMatrix = TextMatrix & { delimiter: Delimiter };

/** A matrix from CSV / TSV / ';' / whitespace-separated text. */
export function parseDelimited(text: string, options: DelimitedOptions = {}): DelimitedMatrix {
  const file = options.file;
  const requested = options.delimiter ?? 'auto';
  const delimiter = requested === 'auto' ? detectDelimiter(text) : requested;
  const maxCells = options.maxCells ?? defaultMaxCells;
  let records =
    delimiter === 'whitespace'
      ? splitWhitespace(text, file, maxCells)
      : parseCsvRecords(text, { delimiter, comments: true, file, maxFields: maxCells });
  records = records
    .map((record) => ({ line: record.line, fields: record.fields.map((field) => field.trim()) }))
    .filter((record) => !(record.fields.length === 1 && record.fields[0] === ''));
  // Spreadsheets often end every row with a delimiter: drop that empty last column.
  if (
    records.length > 0 &&
    records.every((record) => record.fields.length > 1 && record.fields.at(-1) === '')
  ) {
    records = records.map((record) => ({ line: record.line, fields: record.fields.slice(0, -1) }));
  }
  if (delimiter !== ',') {
    for (const record of records) record.fields = record.fields.map(normalizeDecimalComma);
  }
  return { ...buildTextMatrix(records, { ...options, file }), delimiter };
}

function splitWhitespace(text: string, file: string | undefined, maxCells: number): CsvRecord[] {
  const records: CsvRecord[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let cells = 0;
  for (let index = 0; index < lines.length; index++) {
    const trimmed = lines[index].trim();
    if (trimmed === '' || trimmed[0] === '#' || trimmed[0] === '%') continue;
    const fields = trimmed.split(/\s+/);
    cells += fields.length;
    if (cells > maxCells) {
      throw new FormatError(`more than ${maxCells} cells; the limit protects memory`, {
        file,
        line: index + 1,
      });
    }
    records.push({ fields, line: index + 1 });
  }
  return records;
}

/**
 * A rectangular TextMatrix from records (fields already trimmed): finds the header, checks
 * that rows have equal length and, unless asked not to, that cells are numbers.
 */
export function buildTextMatrix(
  records: CsvRecord[],
  options: Pick<DelimitedOptions, 'file' | 'header' | 'cells'> = {},
): TextMatrix {
  const file = options.file;
  const headerMode = options.header ?? 'auto';
  const rule = options.cells ?? 'numbers';
  let header: string[] | undefined;
  let body = records;
  if (records.length > 0) {
    const first = records[0].fields;
    const looksLikeHeader = first.every((cell) => !isNumberText(cell)) && first.some((c) => c);
    if (headerMode === 'present' || (headerMode === 'auto' && looksLikeHeader)) {
      header = first;
      body = records.slice(1);
    }
  }
  const cols = header?.length ?? body[0]?.fields.length ?? 0;
  const expectedFrom = header ? 'the header' : `line ${body[0]?.line}`;
  const cells: string[][] = [];
  for (const record of body) {
    if (record.fields.length !== cols) {
      throw new FormatError(
        `this row has ${record.fields.length} ${plural(record.fields.length, 'cell')}, but ${expectedFrom} has ${cols}`,
        { file, line: record.line },
      );
    }
    if (rule !== 'any') {
      record.fields.forEach((cell, j) => {
        if (!isNumberText(cell) && !(rule === 'expressions' && isExpressionText(cell))) {
          throw new FormatError(
            cell === ''
              ? 'the cell is empty'
              : `${quoteForMessage(cell)} is not a number${rule === 'expressions' ? ' or an arithmetic expression' : ''}`,
            { file, line: record.line, column: j + 1 },
          );
        }
      });
    }
    cells.push(record.fields);
  }
  const result: TextMatrix = { rows: cells.length, cols, cells };
  if (header) result.header = header;
  return result;
}

function plural(count: number, word: string): string {
  return count === 1 ? word : word + 's';
}
