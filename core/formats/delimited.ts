// Delimited text matrices: CSV / TSV / ';'-separated per RFC 4180 (quoted fields, doubled quotes,
// line breaks inside quotes, CRLF, BOM) and whitespace-separated text, with '#' / '%' comment
// lines, a trailing delimiter per row allowed, and ';' / tab text free to write decimal commas. One pass over the UTF-8 bytes, each number read as it is met, O(length).

import type { MatrixBuilder } from './matrix-builder';
import { TextWindow } from './text-window';
import { quoteForMessage } from './format-error';
import { scan, scanned } from './number-scan';

export type Delimiter = ',' | ';' | '\t' | 'whitespace';

const space = 32;
const tab = 9;
const lineFeed = 10;
const carriageReturn = 13;
const quote = 34;

/**
 * Which delimiter the text uses: the first of tab, ';', ',' that splits the first records into
 * the same number (> 1) of fields; else the most frequent of those on every record; else
 * whitespace. ';' comes before ',' because ';'-files write decimal commas ("1,5;2,5"). Records
 * are split at line breaks outside quotes, so a quoted header may span lines.
 */
export function detectDelimiter(head: string): Delimiter {
  const records = firstRecords(head, 20);
  if (records.length === 0) return ',';
  const candidates = ['\t', ';', ','] as const;
  let best: Delimiter = 'whitespace';
  let bestTotal = 0;
  for (const candidate of candidates) {
    const counts = records.map((record) => countOutsideQuotes(record, candidate));
    if (counts[0] > 0 && counts.every((count) => count === counts[0])) return candidate;
    // A ragged file (or one with a broken quote) still has its delimiter on every line; a stray
    // tab in one line does not count.
    const raw = records.map((record) => record.split(candidate).length - 1);
    const total = raw.reduce((sum, count) => sum + count, 0);
    if (raw.every((count) => count > 0) && total > bestTotal) {
      best = candidate;
      bestTotal = total;
    }
  }
  return best;
}

/** Up to `limit` records that are not blank or comments, each trimmed. */
function firstRecords(head: string, limit: number): string[] {
  const records: string[] = [];
  let start = 0;
  let quoted = false;
  for (let k = 0; k <= head.length && records.length < limit; k++) {
    const code = head.charCodeAt(k);
    if (code === 34) quoted = !quoted;
    else if (k === head.length || ((code === 10 || code === 13) && !quoted)) {
      const record = head.slice(start, k).trim();
      if (record !== '' && record[0] !== '#' && record[0] !== '%') records.push(record);
      start = k + 1;
    }
  }
  return records;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  const separator = delimiter.charCodeAt(0);
  let count = 0;
  let quoted = false;
  for (let k = 0; k < line.length; k++) {
    const code = line.charCodeAt(k);
    if (code === 34) quoted = !quoted;
    else if (code === separator && !quoted) count++;
  }
  return count;
}

export interface DelimitedReadOptions {
  /** "1,5" is 1.5 (for ';' and tab; not for ',' itself, nor whitespace, where it would be ambiguous). */
  decimalComma: boolean;
  /** Each line may open with R's row label "[3,]", which is skipped. */
  rowLabels?: boolean;
}

/**
 * Reads delimited text from `start` to the end into the builder: bytes in memory, or a window
 * that slides over a large file one line at a time.
 */
export function readDelimited(
  source: Uint8Array | TextWindow,
  start: number,
  delimiter: Delimiter,
  builder: MatrixBuilder,
  options: DelimitedReadOptions,
): void {
  const text = source instanceof TextWindow ? source.text : source;
  const size = source instanceof TextWindow ? source.size : source.length;
  builder.expectCells(estimateCells(text, start, delimiter, size));
  if (delimiter === 'whitespace') readWhitespace(source, start, builder, options);
  else readSeparated(source, start, delimiter.charCodeAt(0), builder, options);
}

/** Cells in the first line × how many lines of its length the text holds, plus a margin. */
function estimateCells(
  text: Uint8Array,
  start: number,
  delimiter: Delimiter,
  size: number,
): number {
  let end = text.indexOf(lineFeed, start);
  if (end < 0) end = text.length;
  let fields = 1;
  if (delimiter === 'whitespace') {
    for (let k = start + 1; k < end; k++) if (!isBlank(text[k]) && isBlank(text[k - 1])) fields++;
  } else {
    const separator = delimiter.charCodeAt(0);
    for (let k = start; k < end; k++) if (text[k] === separator) fields++;
  }
  const lines = (size - start) / Math.max(1, end + 1 - start);
  return fields * lines * 1.05 + 16;
}

function isBlank(code: number): boolean {
  return code === space || code === tab;
}

function isLineEnd(code: number): boolean {
  return code === lineFeed || code === carriageReturn;
}

function skipLineBreak(text: Uint8Array, position: number): number {
  const code = text[position];
  if (code === carriageReturn) return text[position + 1] === lineFeed ? position + 2 : position + 1;
  return code === lineFeed ? position + 1 : position;
}

function endOfLine(text: Uint8Array, position: number): number {
  let end = position;
  while (end < text.length && !isLineEnd(text[end])) end++;
  return end;
}

/**
 * At a line start: skips the line when it is blank or a '#' / '%' comment and returns the next
 * line's start; else returns -1 - (where its first cell may start).
 */
function lineStart(text: Uint8Array, position: number, blanks: (code: number) => boolean): number {
  let probe = position;
  while (blanks(text[probe])) probe++;
  const code = text[probe];
  if (code === 35 || code === 37) return skipLineBreak(text, endOfLine(text, probe));
  if (probe >= text.length) return text.length;
  if (isLineEnd(code)) return skipLineBreak(text, probe);
  return -1 - probe;
}

function skipRowLabel(text: Uint8Array, position: number): number {
  // R prints "[12,]" before each row of a matrix.
  if (text[position] !== 91) return position;
  let next = position + 1;
  while (text[next] >= 48 && text[next] <= 57) next++;
  if (next === position + 1 || text[next] !== 44 || text[next + 1] !== 93) return position;
  next += 2;
  while (isBlank(text[next])) next++;
  return next;
}

function readSeparated(
  source: Uint8Array | TextWindow,
  start: number,
  separator: number,
  builder: MatrixBuilder,
  options: DelimitedReadOptions,
): void {
  const decimalComma = options.decimalComma;
  // Spaces around fields are not part of them; so are tabs, unless tab is the delimiter.
  const blank = (code: number) => code === space || (code === tab && separator !== tab);
  readRows(source, start, blank, builder, options, (text, rowStart) => {
    const length = text.length;
    let position = rowStart;
    for (;;) {
      while (blank(text[position])) position++;
      const fieldStart = position;
      if (text[position] === quote) {
        position = readQuoted(text, position, separator, builder, decimalComma);
      } else {
        scan(text, position, decimalComma);
        let after = scanned.end;
        if (scanned.kind >= 0) {
          const numberEnd = after;
          while (blank(text[after])) after++;
          const code = text[after];
          if (code === separator || isLineEnd(code) || after >= length) {
            builder.scannedNumber(fieldStart, numberEnd);
            position = after;
          } else position = readWord(text, fieldStart, separator, builder);
        } else position = readWord(text, fieldStart, separator, builder);
      }
      if (text[position] !== separator) return position;
      position++;
      // A delimiter that ends the line (spreadsheets write one per row) adds no empty cell.
      let probe = position;
      while (blank(text[probe])) probe++;
      if (probe >= length || isLineEnd(text[probe])) return probe;
    }
  });
}

/**
 * Calls readRow at the first cell of every line that is not blank or a comment (past R's row
 * label), and ends a row where it returns. A window is asked for each line whole first.
 */
function readRows(
  source: Uint8Array | TextWindow,
  start: number,
  blank: (code: number) => boolean,
  builder: MatrixBuilder,
  options: DelimitedReadOptions,
  readRow: (text: Uint8Array, position: number) => number,
): void {
  const window = source instanceof TextWindow ? source : undefined;
  let text = window ? window.text : (source as Uint8Array);
  let position = start;
  for (;;) {
    if (window) {
      position = window.lineFrom(position);
      text = window.text;
      builder.base = window.base;
    }
    if (position >= text.length) return;
    const next = lineStart(text, position, blank);
    if (next >= 0) {
      position = next;
      continue;
    }
    position = -1 - next;
    if (options.rowLabels) position = skipRowLabel(text, position);
    position = readRow(text, position);
    builder.endRow(position);
    position = skipLineBreak(text, position);
  }
}

/** A field that is not a plain number, up to the next delimiter or line end. */
function readWord(
  text: Uint8Array,
  start: number,
  separator: number,
  builder: MatrixBuilder,
): number {
  let end = start;
  while (end < text.length) {
    const code = text[end];
    if (code === separator || isLineEnd(code)) break;
    end++;
  }
  let trimmed = end;
  while (trimmed > start && (text[trimmed - 1] === space || text[trimmed - 1] === tab)) trimmed--;
  builder.word(start, trimmed);
  return end;
}

/** A quoted field from its opening quote; returns the position after it (at a delimiter or line end). */
function readQuoted(
  text: Uint8Array,
  open: number,
  separator: number,
  builder: MatrixBuilder,
  decimalComma: boolean,
): number {
  let position = open + 1;
  let content = '';
  let doubled = false; // a doubled quote inside: the field's text is not a slice of the source
  for (;;) {
    const close = text.indexOf(quote, position);
    if (close < 0) builder.fail("this quoted field is never closed (a '\"' is missing)", open);
    content += builder.textBetween(position, close);
    if (text[close + 1] === quote) {
      content += '"';
      doubled = true;
      position = close + 2;
    } else {
      position = close + 1;
      break;
    }
  }
  const contentEnd = position - 1;
  while (text[position] === space || (text[position] === tab && separator !== tab)) position++;
  const next = text[position];
  if (position < text.length && next !== separator && !isLineEnd(next)) {
    builder.fail(
      `unexpected ${quoteForMessage(builder.textBetween(position, position + 1))} after the closing quote of a field (a quote inside a quoted field is written "")`,
      position,
    );
  }
  const trimmed = content.trim();
  let cellStart = open + 1;
  while (text[cellStart] === space) cellStart++;
  if (!doubled && trimmed !== '') {
    scan(text, cellStart, decimalComma);
    if (scanned.kind >= 0 && scanned.end === cellStart + trimmed.length) {
      builder.scannedNumber(cellStart, scanned.end);
      return position;
    }
  }
  // Not a number: a header name, kept exactly as quoted (RFC 4180: spaces belong to the field).
  builder.word(open + 1, contentEnd, content);
  return position;
}

function readWhitespace(
  source: Uint8Array | TextWindow,
  start: number,
  builder: MatrixBuilder,
  options: DelimitedReadOptions,
): void {
  const decimalComma = options.decimalComma;
  readRows(source, start, isBlank, builder, options, (text, rowStart) => {
    const length = text.length;
    let position = rowStart;
    for (;;) {
      const fieldStart = position;
      scan(text, position, decimalComma);
      const end = scanned.end;
      const code = text[end];
      if (scanned.kind >= 0 && (isBlank(code) || isLineEnd(code) || end >= length)) {
        builder.scannedNumber(fieldStart, end);
        position = end;
      } else {
        position = fieldStart;
        while (position < length) {
          const character = text[position];
          if (isBlank(character) || isLineEnd(character)) break;
          position++;
        }
        builder.word(fieldStart, position);
      }
      while (isBlank(text[position])) position++;
      if (position >= length || isLineEnd(text[position])) return position;
    }
  });
}
