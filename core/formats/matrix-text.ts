// The one reader of matrices written as text, for the app's paste, its text files and the command
// line: CSV / TSV / ';' with decimal commas, whitespace, numpy (repr and print form), Python
// lists, JSON arrays, MATLAB / Octave / Julia literals and displays, LaTeX, Mathematica and R.
// Detects the notation from the first characters, then reads it in one pass, O(length): numbers
// go straight to doubles, and the exact cell texts are kept as offsets for when they are needed.

import { detectDelimiter, readDelimited, type Delimiter } from './delimited';
import { quoteForMessage } from './format-error';
import { readLatexMatrix } from './latex-matrix';
import { checkRest, readMatlabLiteral } from './matlab-literal';
import { MatrixBuilder, type BuilderOptions, type MatrixText } from './matrix-builder';
import { readNestedList } from './nested-list';
import { readRMatrix } from './r-matrix';
import type { CellRule, TextFormat } from './text-formats';
import { TextSource } from './text-source';
import { NeedsWholeText, TextWindow, type TextStream } from './text-window';

export type { MatrixText } from './matrix-builder';
export { textFormats, type TextFormat, type EntryKind, type CellRule } from './text-formats';

export interface ReadTextOptions {
  /** Named in error messages, e.g. the file name or "pasted text". */
  source?: string;
  /** What a cell may hold (default 'expressions': numbers, fractions and arithmetic like sqrt(2)). */
  cells?: CellRule;
  /** Refuse more cells than this (default 2^26). */
  maxCells?: number;
  /** A delimiter known from elsewhere (a .tsv file is tab-separated). */
  delimiter?: Exclude<Delimiter, 'whitespace'>;
  /** Keep every cell's offsets (see offsetLimit in matrix-builder.ts); set by the reader itself. */
  keepAllOffsets?: boolean;
}

const assignment = /^[A-Za-z_][\w.]*[ \t]*(?:=|<-)(?!=)\s*/;
const numpyWrapper = /^(?:np\.|numpy\.)?(?:array|matrix|asarray)\s*\(\s*(?=\[)/;
const numpyRest = /^\s*(?:,\s*dtype\s*=\s*[\w.'"]+\s*)?\)/;
const rCall = /^(?:matrix|rbind|cbind|structure|array|t)\s*\(/;
const rPrintHeader = /^\[,1\][^\n]*(?:\r?\n|$)/;
const juliaDisplay = /^(\d+)×(\d+) [^\n]*:[ \t]*(?:\r?\n|$)/;
/** Julia's typed literals, Float64[1 2; 3 4]: the element types a matrix of numbers has. */
const juliaTypedLiteral =
  /^(?:Float(?:16|32|64)|U?Int(?:8|16|32|64|128)?|BigInt|BigFloat|Rational(?:\{[^{}\n]{0,40}\})?|Real|Number|Any)(?=\[)/;
const latexStart = /^(?:\\begin|\$|\\\[|\\left)/;

/**
 * Reads a matrix from text in whichever notation it is written: a string (a paste), or the UTF-8
 * bytes of a file, read as they are. Throws a FormatError naming the line and column otherwise.
 */
export function readMatrixText(
  input: string | Uint8Array,
  options: ReadTextOptions = {},
): MatrixText {
  const source =
    typeof input === 'string'
      ? TextSource.fromText(input)
      : isUtf16(input)
        ? TextSource.fromText(decodeUtf16(input))
        : TextSource.fromBytes(input);
  const bytes = source.bytes;
  const { start, leading, prefix } = matrixStart(bytes);
  const builderFor = (extra: BuilderOptions = {}) =>
    new MatrixBuilder(source, {
      file: options.source,
      cells: options.cells,
      maxCells: options.maxCells,
      // A large matrix keeps no cell offsets; its exact texts come from a second reading.
      reread: options.keepAllOffsets
        ? undefined
        : () => readMatrixText(input, { ...options, keepAllOffsets: true }),
      ...extra,
    });
  // LaTeX and R are read from the string, with offsets in characters.
  const characterStart = () => decoder.decode(bytes.subarray(0, start)).length;

  if (latexStart.test(leading)) {
    const builder = builderFor({ unit: 'character' });
    readLatexMatrix(source.text, characterStart(), builder);
    return builder.finish('latex');
  }
  const numpy = numpyWrapper.exec(leading);
  if (numpy) {
    const builder = builderFor();
    const list = readNestedList(bytes, start + encoder.encode(numpy[0]).length, builder, 'python');
    const rest = numpyRest.exec(headText(bytes, list.end));
    if (!rest)
      return builder.fail(
        `unexpected ${quoteForMessage(headText(bytes, list.end).trim())} after the matrix`,
        list.end,
      );
    checkRest(source, list.end + encoder.encode(rest[0]).length, builder);
    return builder.finish('numpy');
  }
  if (rCall.test(leading)) {
    const builder = builderFor({ unit: 'character' });
    checkRest(source, readRMatrix(source.text, characterStart(), builder), builder, 'character');
    return builder.finish('r');
  }
  const rPrint = rPrintHeader.exec(leading);
  if (rPrint) {
    const builder = builderFor({ columnsAreCells: true });
    readDelimited(bytes, start + encoder.encode(rPrint[0]).length, 'whitespace', builder, {
      decimalComma: false,
      rowLabels: true,
    });
    return builder.finish('r');
  }
  const julia = juliaDisplay.exec(leading);
  if (julia) {
    const builder = builderFor({ columnsAreCells: true });
    readDelimited(bytes, start + encoder.encode(julia[0]).length, 'whitespace', builder, {
      decimalComma: false,
    });
    const result = builder.finish('julia');
    const [rows, cols] = [Number(julia[1]), Number(julia[2])];
    if (result.rows !== rows || result.cols !== cols) {
      builder.fail(
        `Julia says ${rows}×${cols}, but ${result.rows}×${result.cols} numbers follow (a display cut short with ⋮ or … cannot be read; print it in full)`,
        start,
        1,
      );
    }
    return result;
  }
  const typed = juliaTypedLiteral.exec(leading);
  if (typed || leading.startsWith('[')) {
    const open = start + (typed ? encoder.encode(typed[0]).length : 0);
    const builder = builderFor();
    if (!typed && isListOfLists(bytes, open)) {
      const list = readNestedList(bytes, open, builder, 'python');
      checkRest(source, list.end, builder);
      const format: TextFormat = list.columns
        ? 'julia'
        : bytes.indexOf(44, open) < 0
          ? 'numpy'
          : list.json && !prefix
            ? 'json'
            : 'python';
      return builder.finish(format);
    }
    if (!typed && isFlatList(bytes, open)) {
      const list = readNestedList(bytes, open, builder, 'python');
      checkRest(source, list.end, builder);
      return builder.finish(list.json && !prefix ? 'json' : 'python');
    }
    const literal = readMatlabLiteral(bytes, open, builder);
    checkRest(source, literal.end, builder);
    return builder.finish(typed || literal.julia ? 'julia' : 'matlab');
  }
  if (leading.startsWith('{')) {
    const builder = builderFor();
    const list = readNestedList(bytes, start, builder, 'mathematica');
    checkRest(source, list.end, builder);
    return builder.finish('mathematica');
  }
  if (looksLikeLatexRows(leading)) {
    const builder = builderFor({ unit: 'character' });
    readLatexMatrix(source.text, characterStart(), builder);
    return builder.finish('latex');
  }
  const delimiter = options.delimiter ?? detectDelimiter(headText(bytes, start, 64 * 1024));
  const decimalComma = delimiter === ';' || delimiter === '\t';
  const builder = builderFor({ header: true, decimalComma, columnsAreCells: true });
  readDelimited(bytes, start, delimiter, builder, { decimalComma });
  return builder.finish(delimitedFormats[delimiter]);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/** Spreadsheets save "Unicode text" as UTF-16 with a byte-order mark. */
function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function decodeUtf16(bytes: Uint8Array): string {
  return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
}

/** The text at a byte offset, as far as detection needs to look. */
function headText(bytes: Uint8Array, start: number, length = 4096): string {
  return decoder.decode(bytes.subarray(start, start + length));
}

/**
 * A large text file read through a window instead of whole (see text-window.ts): delimited text
 * (CSV, TSV, ';', whitespace) streams; any other notation, or a text with a quote, is read whole
 * through `whole`, which also serves the rare need for text the window has passed (a message's
 * line number, exact cells).
 */
export function readMatrixTextStream(
  stream: TextStream,
  options: ReadTextOptions & {
    whole: () => Uint8Array;
    /** The window's size (default 4 MiB). */
    windowBytes?: number;
    /** How much of the start tells the notation (default 64 KiB). */
    headBytes?: number;
  },
): MatrixText {
  let wholeBytes: Uint8Array | undefined;
  const whole = () => (wholeBytes ??= options.whole());
  const readWhole = () => readMatrixText(whole(), options);
  // The notation and the delimiter are told by the start, whatever the window's size.
  const buffer = new Uint8Array(Math.min(stream.size, options.headBytes ?? 64 * 1024));
  const head = buffer.subarray(0, stream.readInto(buffer, 0, buffer.length, 0));
  if (head.length >= stream.size || head.includes(34) || isUtf16(head)) return readWhole();
  const { start, leading } = matrixStart(head);
  if (!isDelimitedHead(leading)) return readWhole();
  // The delimiter is told by the head's complete lines (a line cut short might lack it); a first
  // line longer than the head is rare enough to read whole.
  const headEnd = head.length < stream.size ? head.lastIndexOf(lineFeed) : head.length;
  if (headEnd <= start) return readWhole();
  const delimiter = options.delimiter ?? detectDelimiter(headText(head, start, headEnd - start));
  const decimalComma = delimiter === ';' || delimiter === '\t';
  let window: TextWindow;
  try {
    window = new TextWindow(stream, options.windowBytes);
  } catch (error) {
    if (error instanceof NeedsWholeText) return readWhole();
    throw error;
  }
  const builder = new MatrixBuilder(TextSource.windowed(window, whole), {
    file: options.source,
    cells: options.cells,
    maxCells: options.maxCells,
    header: true,
    decimalComma,
    columnsAreCells: true,
    reread: () => readMatrixText(whole(), { ...options, keepAllOffsets: true }),
  });
  try {
    readDelimited(window, start, delimiter, builder, { decimalComma });
  } catch (error) {
    if (error instanceof NeedsWholeText) return readWhole();
    throw error;
  }
  return builder.finish(delimitedFormats[delimiter]);
}

const lineFeed = 10;

const delimitedFormats: Record<Delimiter, TextFormat> = {
  ',': 'csv',
  ';': 'semicolon',
  '\t': 'tsv',
  whitespace: 'whitespace',
};

/** The text opens as none of the other notations do: it is delimited. */
function isDelimitedHead(leading: string): boolean {
  return !(
    latexStart.test(leading) ||
    numpyWrapper.test(leading) ||
    rCall.test(leading) ||
    rPrintHeader.test(leading) ||
    juliaDisplay.test(leading) ||
    juliaTypedLiteral.test(leading) ||
    leading.startsWith('[') ||
    leading.startsWith('{') ||
    looksLikeLatexRows(leading)
  );
}

/**
 * Where the matrix starts — past a byte-order mark, blank and comment lines and an assignment
 * (`A = `) — with the text there, as far as detection looks.
 */
function matrixStart(bytes: Uint8Array): {
  start: number;
  leading: string;
  prefix: RegExpExecArray | null;
} {
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  start = skipBlankAndComments(bytes, start);
  let leading = headText(bytes, start);
  const prefix = assignment.exec(leading);
  if (prefix) {
    start += encoder.encode(prefix[0]).length;
    leading = leading.slice(prefix[0].length);
  }
  return { start, leading, prefix };
}

/** Past blank space and whole '%' / '#' comment lines (a .m or .jl file often opens with some). */
function skipBlankAndComments(bytes: Uint8Array, start: number): number {
  let position = start;
  for (;;) {
    while (bytes[position] === 32 || (bytes[position] >= 9 && bytes[position] <= 13)) position++;
    if (bytes[position] !== 37 && bytes[position] !== 35) return position;
    const lineEnd = bytes.indexOf(10, position);
    if (lineEnd < 0) return position;
    position = lineEnd + 1;
  }
}

/** "[[…" or "[ \n [": a list of rows. */
function isListOfLists(bytes: Uint8Array, open: number): boolean {
  let probe = open + 1;
  while (bytes[probe] === 32 || (bytes[probe] >= 9 && bytes[probe] <= 13)) probe++;
  return bytes[probe] === 91;
}

/** "[1, 2, 3]" on one line with commas and no ';' is a Python / JSON list (one row). */
function isFlatList(bytes: Uint8Array, open: number): boolean {
  const close = bytes.indexOf(93, open);
  if (close < 0) return false;
  const body = bytes.subarray(open + 1, close);
  return body.includes(44) && !body.includes(59) && !body.includes(10) && !body.includes(13);
}

/** "1 & 2 \\ 3 & 4" with no environment: "&" and a "\\" row break, or "&" alone on a first line. */
function looksLikeLatexRows(leading: string): boolean {
  if (!leading.includes('&')) return false;
  if (leading.includes('\\\\')) return true;
  const firstLine = leading.split(/\r?\n/, 1)[0];
  return firstLine.includes('&') && !/[,;\t]/.test(firstLine);
}
