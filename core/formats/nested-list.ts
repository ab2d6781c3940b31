// Bracketed nested lists as numpy, Python, JSON, Julia and Mathematica write matrices:
// "[[1, 2], [3, 4]]", numpy's print form "[[1. 2.]\n [3. 4.]]", Julia's columns "[[1,2] [3,4]]"
// and "{{1, 2}, {3, 4}}", from UTF-8 bytes. Depth capped at 2 (a matrix); each entry read as it
// is met, O(length).

import type { MatrixBuilder } from './matrix-builder';
import { quoteForMessage } from './format-error';
import { NumberKind, scan, scanNumber, scanned, scannedValue } from './number-scan';

export type ListDialect = 'python' | 'mathematica' | 'julia';

export interface NestedListResult {
  /** Offset just past the closing bracket. */
  end: number;
  /** Written as JSON writes it: JSON numbers, commas everywhere, no trailing comma. */
  json: boolean;
  /** The inner lists were columns side by side (Julia's "[[1,2] [3,4]]"). */
  columns: boolean;
}

/** JSON's number grammar: -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)? over [start, end). */
function isJsonNumber(text: Uint8Array, start: number, end: number): boolean {
  let position = start;
  const digit = (code: number) => code >= 48 && code <= 57;
  if (text[position] === 45) position++;
  if (text[position] === 48) position++;
  else if (digit(text[position])) while (digit(text[position])) position++;
  else return false;
  if (text[position] === 46) {
    position++;
    if (!digit(text[position])) return false;
    while (digit(text[position])) position++;
  }
  if ((text[position] | 32) === 101) {
    position++;
    if (text[position] === 43 || text[position] === 45) position++;
    if (!digit(text[position])) return false;
    while (digit(text[position])) position++;
  }
  return position === end;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

/** Reads the list that opens at `start` (its '[' or '{') into the builder. */
export function readNestedList(
  text: Uint8Array,
  start: number,
  builder: MatrixBuilder,
  dialect: ListDialect,
): NestedListResult {
  const open = text[start];
  const close = open === 91 ? 93 : 125;
  const openText = String.fromCharCode(open);
  // With commas, entries may contain spaces ("1 + 2"); without (numpy's print form), spaces separate.
  const commaSeparated = text.indexOf(44, start) >= 0;
  let json = dialect === 'python' && commaSeparated;
  let position = start + 1;
  const skipSpace = () => {
    while (isSpace(text[position])) position++;
  };

  /** Entries up to the list's close; returns whether a trailing comma was written. */
  const readItems = (listOpen: number, depth: number): void => {
    let expectItem = true;
    let sawComma = false;
    for (;;) {
      skipSpace();
      if (position >= text.length)
        builder.fail(`this ${quoteForMessage(openText)} is never closed`, listOpen);
      const code = text[position];
      if (code === close) {
        if (sawComma && expectItem) json = false; // a trailing comma
        position++;
        return;
      }
      if (code === 44) {
        if (expectItem) builder.fail('an empty entry between commas', position);
        expectItem = true;
        sawComma = true;
        position++;
        continue;
      }
      if (!expectItem && commaSeparated) builder.fail('a missing comma between entries', position);
      if (code === open)
        builder.fail(
          depth === 2
            ? 'a list inside a row: this reads matrices, not 3-D arrays'
            : 'a list among numbers: write every row in brackets',
          position,
        );
      if (code === 93 || code === 125 || code === 91 || code === 123) {
        builder.fail(
          `unexpected ${quoteForMessage(builder.textBetween(position, position + 1))}`,
          position,
        );
      }
      readEntry();
      expectItem = false;
    }
  };

  const readEntry = (): void => {
    const entryStart = position;
    scan(text, position);
    let end = scanned.end;
    if (scanned.kind >= 0) {
      // Between commas an entry may be followed by spaces; without commas a space ends it.
      let after = end;
      if (commaSeparated) while (isSpace(text[after])) after++;
      const code = text[after];
      if (code === 44 || code === close || (!commaSeparated && isSpace(code))) {
        if (json && !isJsonNumber(text, entryStart, end)) json = false;
        builder.scannedNumber(entryStart, end);
        position = end;
        return;
      }
      if (dialect === 'julia' && text[end] === 47 && text[end + 1] === 47) {
        const value = scannedValue[0];
        const denominator = scanNumber(text, end + 2);
        if (scanned.kind === NumberKind.integer) {
          const written = `${builder.textBetween(entryStart, end)}/${builder.textBetween(end + 2, scanned.end)}`;
          builder.number(
            value / denominator,
            NumberKind.fraction,
            entryStart,
            scanned.end,
            written,
          );
          position = scanned.end;
          return;
        }
      }
    }
    // Anything else runs to the next separator outside parentheses, so "sqrt(2)" and, between
    // commas, "-(1/2 + 3)" stay whole; Mathematica writes its calls with brackets, "Sqrt[2]".
    json = false;
    let depth = 0;
    end = position;
    while (end < text.length) {
      const code = text[end];
      if (code === 40 || (dialect === 'mathematica' && code === 91)) depth++;
      else if (code === 41 || (dialect === 'mathematica' && code === 93)) {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0) {
        if (code === 44 || code === close || code === open || code === 91 || code === 93) break;
        if (!commaSeparated && isSpace(code)) break;
      }
      end++;
    }
    let trimmedEnd = end;
    while (trimmedEnd > entryStart && isSpace(text[trimmedEnd - 1])) trimmedEnd--;
    if (trimmedEnd === entryStart)
      builder.fail(`unexpected ${quoteForMessage(builder.textBetween(end, end + 1))}`, end);
    const written = builder.textBetween(entryStart, trimmedEnd);
    if (written === '...' || written === '…') {
      builder.fail('numpy abbreviated this array with "..."; print it in full first', entryStart);
    }
    const normalized = normalizeEntry(written, dialect);
    if (normalized.value !== undefined) {
      builder.number(normalized.value, normalized.kind, entryStart, trimmedEnd, normalized.text);
    } else builder.word(entryStart, trimmedEnd, normalized.text);
    position = end;
  };

  skipSpace();
  let columns = false;
  if (text[position] !== open) {
    // A flat list is one row, as written.
    readItems(start, 1);
    builder.endRow(position);
    return { end: position, json, columns };
  }
  let listsSeparatedBySpace = false;
  let first = true;
  for (;;) {
    skipSpace();
    const code = text[position];
    if (code === close) {
      position++;
      break;
    }
    if (position >= text.length)
      builder.fail(`this ${quoteForMessage(openText)} is never closed`, start);
    if (!first) {
      if (code === 44) {
        position++;
        skipSpace();
        if (text[position] === close) {
          json = false; // a trailing comma
          position++;
          break;
        }
      } else {
        listsSeparatedBySpace = true;
        json = false;
        // Two rows on one line with no comma between them is Julia's hcat, not numpy's print form.
        const previousClose = text.lastIndexOf(close, position - 1);
        const between = text.subarray(previousClose + 1, position);
        if (!between.includes(10) && !between.includes(13)) {
          if (!commaSeparated)
            builder.fail(
              'two lists side by side on one line: write [[1, 2], [3, 4]] or [1 2; 3 4]',
              position,
            );
          columns = true;
        }
      }
    }
    if (text[position] !== open) {
      builder.fail(
        text[position] === close || position >= text.length
          ? `this ${quoteForMessage(openText)} is never closed`
          : 'a number where a row in brackets was expected',
        position >= text.length ? start : position,
      );
    }
    const rowOpen = position;
    position++;
    readItems(rowOpen, 2);
    builder.endRow(position - 1);
    first = false;
  }
  if (columns && !listsSeparatedBySpace) columns = false;
  if (columns) builder.transposeResult();
  return { end: position, json, columns };
}

interface NormalizedEntry {
  text: string;
  value?: number;
  kind: number;
}

const encoder = new TextEncoder();
const mathematicaFunctions = /\b([A-Z][a-z]*)\[/g;

/** numpy's and Mathematica's spellings of numbers and functions, as plain text. */
function normalizeEntry(written: string, dialect: ListDialect): NormalizedEntry {
  let text = written;
  if (dialect === 'python') {
    // np.nan, -np.inf, math.inf, and numpy 2's scalars in lists: np.float64(1.5)
    text = text
      .replace(/^([+-]?)(?:np|numpy|math)\.(nan|inf)$/, '$1$2')
      .replace(/^(?:np|numpy)\.(?:float|int|uint)\d*\(([^()]*)\)$/, (_, inner: string) =>
        inner.trim(),
      );
  } else if (dialect === 'mathematica') {
    text = text
      .replace(/`[\d.]*/g, '') // precision marks: 1.5`20.
      .replace(/\*\^/g, 'e') // 1.5*^-3 is 1.5e-3
      .replace(/^([+-]?)Infinity$/, '$1inf')
      .replace(/^Indeterminate$/, 'nan')
      .replace(mathematicaFunctions, (_, name: string) => `${name.toLowerCase()}(`)
      .replace(/]/g, ')')
      .replace(/\bPi\b/g, 'pi')
      .replace(/\bE\b/g, 'e');
  }
  if (text !== written) {
    const bytes = encoder.encode(text);
    const value = scanNumber(bytes, 0);
    if (scanned.kind >= 0 && scanned.end === bytes.length)
      return { text, value, kind: scanned.kind };
  }
  return { text, kind: NumberKind.decimal };
}
