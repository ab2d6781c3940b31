// MATLAB, Octave and Julia matrix literals: "[1 2; 3 4]", rows on separate lines, entries split
// by spaces or commas, "..." continuing a row, % and # comments, Julia's rationals "1//2", and a
// trailing ' or .' (the transpose). One pass over the UTF-8 bytes, each number read as it is met,
// O(length).

import type { MatrixBuilder } from './matrix-builder';
import { quoteForMessage } from './format-error';
import { NumberKind, scan, scanNumber, scanned, scannedValue } from './number-scan';
import type { OffsetUnit, TextSource } from './text-source';

export interface MatlabLiteralResult {
  /** Offset just past the literal (and its transpose mark, if any). */
  end: number;
  /** Written with Julia-only syntax ("//"). */
  julia: boolean;
}

function isSeparator(code: number | undefined): boolean {
  // space, tab, line breaks, ',', ';', ']', '%', '#', or the end of the text
  return (
    code === 32 ||
    code === 9 ||
    code === 10 ||
    code === 13 ||
    code === 44 ||
    code === 59 ||
    code === 93 ||
    code === 37 ||
    code === 35 ||
    code === undefined
  );
}

/** Reads the literal whose '[' is at `start` into the builder. */
export function readMatlabLiteral(
  text: Uint8Array,
  start: number,
  builder: MatrixBuilder,
): MatlabLiteralResult {
  let position = start + 1;
  let julia = false;
  let afterComma = false;
  for (;;) {
    let code = text[position];
    while (code === 32 || code === 9) code = text[++position];
    if (position >= text.length) builder.fail('this "[" is never closed', start);
    if (code === 93) {
      if (afterComma) builder.fail('a comma with no entry after it', position);
      builder.endRow(position);
      position++;
      break;
    }
    if (code === 59 || code === 10 || code === 13) {
      if (afterComma) builder.fail('a comma with no entry after it', position);
      builder.endRow(position);
      position++;
      continue;
    }
    if (code === 44) {
      if (afterComma) builder.fail('an empty entry between commas', position);
      afterComma = true;
      position++;
      continue;
    }
    if (code === 37 || code === 35) {
      // A comment runs to the line's end; the line break still ends the row.
      while (position < text.length && text[position] !== 10 && text[position] !== 13) position++;
      continue;
    }
    if (isEllipsis(text, position)) {
      // The row goes on on the next line.
      while (position < text.length && text[position] !== 10) position++;
      position++;
      continue;
    }
    if (code === 91) builder.fail('nested brackets in a matrix literal', position);
    afterComma = false;
    position = readElement(text, position, builder, () => (julia = true));
  }
  // A trailing ' or .' transposes.
  if (text[position] === 46 && text[position + 1] === 39) position += 2;
  else if (text[position] !== 39) return { end: position, julia };
  else position++;
  builder.transposeResult();
  return { end: position, julia };
}

function readElement(
  text: Uint8Array,
  start: number,
  builder: MatrixBuilder,
  sawJulia: () => void,
): number {
  scan(text, start);
  const end = scanned.end;
  if (scanned.kind >= 0) {
    if (isSeparator(text[end]) && !isEllipsis(text, end)) {
      builder.scannedNumber(start, end);
      return end;
    }
    if (text[end] === 47 && text[end + 1] === 47) {
      const value = scannedValue[0];
      const denominator = scanNumber(text, end + 2);
      if (scanned.kind === NumberKind.integer && isSeparator(text[scanned.end])) {
        sawJulia();
        const written = `${builder.textBetween(start, end)}/${builder.textBetween(end + 2, scanned.end)}`;
        builder.number(value / denominator, NumberKind.fraction, start, scanned.end, written);
        return scanned.end;
      }
    }
  }
  // An expression such as sqrt(2) or pi/4 runs to the next separator outside parentheses.
  let position = start;
  let depth = 0;
  while (position < text.length) {
    const code = text[position];
    if (code === 40) depth++;
    else if (code === 41) depth--;
    else if (code === 91) builder.fail(`unexpected ${quoteForMessage('[')}`, position);
    else if (depth <= 0 && isSeparator(code)) break;
    position++;
  }
  builder.word(start, position);
  return position;
}

/** "..." (MATLAB's line continuation) at a position. */
function isEllipsis(text: Uint8Array, position: number): boolean {
  return text[position] === 46 && text[position + 1] === 46 && text[position + 2] === 46;
}

/**
 * After a matrix: only a ';', spaces and '%' / '#' comments may follow. `position` counts bytes
 * of source.bytes, or characters of source.text for readers that work on the string.
 */
export function checkRest(
  source: TextSource,
  position: number,
  builder: MatrixBuilder,
  unit: OffsetUnit = 'byte',
): void {
  const bytes = unit === 'byte' ? source.bytes : undefined;
  const text = unit === 'character' ? source.text : '';
  const length = bytes ? bytes.length : text.length;
  const at = (k: number) => (bytes ? bytes[k] : text.charCodeAt(k));
  let probe = position;
  let semicolon = false;
  for (;;) {
    while (probe < length && (at(probe) === 32 || (at(probe) >= 9 && at(probe) <= 13))) probe++;
    if (probe >= length) return;
    const code = at(probe);
    if (code === 59 && !semicolon) {
      semicolon = true;
      probe++;
    } else if (code === 37 || code === 35) {
      while (probe < length && at(probe) !== 10) probe++;
    } else {
      const rest = builder.textBetween(probe, Math.min(length, probe + 60)).trim();
      builder.fail(`unexpected ${quoteForMessage(rest)} after the matrix`, probe);
    }
  }
}
