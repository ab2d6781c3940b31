// Where every text notation's reader puts its cells: doubles straight into a growing array, the
// offsets of each cell's text (so the exact strings can be had later without reading the text
// again), the widest kind of entry, a header row, and the checks every matrix needs — equal rows,
// known cells, a size cap — with errors that name the line and column. O(cells).

import { isExpressionText } from './expression-text';
import { FormatError, quoteForMessage } from './format-error';
import type { Matrix } from '../linalg/matrix';
import { scanned, scannedValue } from './number-scan';
import type { OffsetUnit, TextSource } from './text-source';
import type { CellRule, EntryKind, TextFormat } from './text-formats';

/** A matrix read from text. */
export interface MatrixText {
  format: TextFormat;
  rows: number;
  cols: number;
  /** Column-major doubles; NaN where a cell is an expression (entries === 'expressions'). */
  readonly matrix: Matrix;
  /**
   * Aᵀ (cols × rows, column-major), for nothing: text is read row by row, so the doubles as read
   * are the transpose. Its singular values are A's, so a spectrum needs no transposing copy.
   */
  readonly transpose: Matrix;
  /** The widest kind of entry written: integers ⊂ fractions ⊂ decimals ⊂ expressions. */
  entries: EntryKind;
  /** Column names, when the first row of a delimited text was a header. */
  header?: string[];
  /**
   * The cells as written, row by row (trimmed; decimal commas, LaTeX and Julia's "//" rewritten
   * as plain numbers the exact core reads). Built from offsets kept while reading, on demand.
   */
  cells(): string[][];
}

export interface BuilderOptions {
  /** Named in error messages. */
  file?: string;
  /** What the offsets given count: bytes of source.bytes (the default) or characters of source.text. */
  unit?: OffsetUnit;
  cells?: CellRule;
  /** Refuse more cells than this (default 2^26), before allocating for them. */
  maxCells?: number;
  /** The first row may be a header of column names (delimited text). */
  header?: boolean;
  /** Cells may write a decimal comma ("1,5"); cells() gives "1.5". */
  decimalComma?: boolean;
  /**
   * Errors count columns in cells, as a spreadsheet shows them (delimited text), rather than in
   * characters, as an editor shows them (bracketed notations).
   */
  columnsAreCells?: boolean;
  /**
   * Reads the text again keeping every cell's offsets, for cells() of a matrix too large for them
   * to have been kept (see offsetLimit). Without it, offsets are kept for every cell.
   */
  reread?: () => MatrixText;
}

/**
 * Cells whose offsets are kept while reading. A matrix larger than this rarely needs its exact
 * texts (an exact reduction of it would be slow anyway); when it does, cells() reads the text
 * again rather than every read paying 5 bytes a cell for offsets.
 */
export const offsetLimit = 1 << 16;

export const defaultMaxCells = 2 ** 26;

const expressionKind = 4;
const entryKinds: EntryKind[] = ['integers', 'fractions', 'decimals', 'decimals', 'expressions'];

export class MatrixBuilder {
  private values = new Float64Array(256);
  private starts = new Int32Array(256);
  /** Each cell's text length (a longer text is kept in `written`): a byte, not an offset. */
  private lengths = new Uint8Array(256);
  /** Cell texts that differ from the slice of the source (LaTeX, quoted fields, "//"). */
  private written = new Map<number, string>();
  private count = 0;
  private rowCells = 0;
  private rows = 0;
  private cols = -1;
  private widest = 0;
  private header: string[] | undefined;
  /** Words in the first row (index, start), kept until the row ends: a header, or checked then. */
  private firstRowWords: [number, number][] = [];
  private transposed = false;
  /**
   * The offset in the whole text of the offsets readers give: 0, or where a streamed reader's
   * window starts. The builder keeps and reports whole-text offsets.
   */
  base = 0;
  private readonly maxCells: number;
  /** Cells whose offsets are kept. */
  private readonly kept: number;
  private readonly unit: OffsetUnit;

  constructor(
    private readonly source: TextSource,
    private readonly options: BuilderOptions = {},
  ) {
    this.maxCells = options.maxCells ?? defaultMaxCells;
    this.unit = options.unit ?? 'byte';
    this.kept = options.reread ? offsetLimit : 2 ** 30;
  }

  /** A cell that is a number; `written` when its text is not text.slice(start, end). */
  number(value: number, kind: number, start: number, end: number, written?: string): void {
    const index = this.push(this.base + start, this.base + end, written);
    this.values[index] = value;
    if (kind > this.widest) this.widest = kind;
  }

  /** A cell holding the number just scanned (scannedValue, scanned.kind: no boxed double). */
  scannedNumber(start: number, end: number): void {
    const index = this.push(this.base + start, this.base + end, undefined);
    this.values[index] = scannedValue[0];
    if (scanned.kind > this.widest) this.widest = scanned.kind;
  }

  /** A cell that is not a plain number: an expression, a header word, or an error. */
  word(relativeStart: number, relativeEnd: number, written?: string): void {
    const start = this.base + relativeStart;
    const end = this.base + relativeEnd;
    // Past the kept offsets a word's text is kept itself (words are few).
    const text =
      written ?? (this.count >= this.kept ? this.source.slice(start, end, this.unit) : undefined);
    const index = this.push(start, end, text);
    this.values[index] = NaN;
    if (this.rows === 0 && this.options.header) this.firstRowWords.push([index, start]);
    else this.checkWord(index, start);
  }

  /** Ends the current row at `offset` (a row with no cells is skipped). */
  endRow(offset: number): void {
    if (this.rowCells === 0) return;
    if (this.rows === 0 && this.firstRowWords.length > 0) {
      if (this.firstRowWords.length === this.rowCells && this.rowCells > 0) {
        this.header = this.firstRowWords.map(([index]) => this.cellText(index));
        this.cols = this.rowCells;
        this.count = 0;
        this.rowCells = 0;
        this.firstRowWords = [];
        this.written.clear();
        return;
      }
      for (const [index, start] of this.firstRowWords) this.checkWord(index, start);
      this.firstRowWords = [];
    }
    if (this.cols < 0) this.cols = this.rowCells;
    else if (this.rowCells !== this.cols) {
      this.fail(
        `this row has ${this.rowCells} ${plural(this.rowCells, 'entry', 'entries')}, but ${this.firstRowName()} has ${this.cols}`,
        offset,
        this.rowCells + 1,
      );
    }
    this.rows++;
    this.rowCells = 0;
  }

  /**
   * Sizes the arrays for about this many cells at once (a guess from the first line), so a large
   * file is not copied at every doubling.
   */
  expectCells(estimate: number): void {
    const capacity = Math.min(Math.ceil(estimate), this.maxCells);
    if (capacity <= this.values.length || this.count > 0) return;
    this.values = new Float64Array(capacity);
    this.starts = new Int32Array(Math.min(capacity, this.kept));
    this.lengths = new Uint8Array(Math.min(capacity, this.kept));
  }

  /** The matrix read is the transpose of the rows given (MATLAB's A', R's column order). */
  transposeResult(): void {
    this.transposed = true;
  }

  /** The source text between two offsets (a reader's), as written. */
  textBetween(start: number, end: number): string {
    return this.source.slice(this.base + start, this.base + end, this.unit);
  }

  /**
   * Throws a FormatError at the line of `offset`, and its column: in characters, or for delimited
   * text the 1-based cell of its row (`cell`, by default the cell being read).
   */
  fail(reason: string, offset: number, cell = this.rowCells + 1): never {
    return this.failAt(reason, this.base + offset, cell);
  }

  /** fail, at an offset in the whole text. */
  private failAt(reason: string, offset: number, cell = this.rowCells + 1): never {
    const location = this.source.locate(offset, this.unit);
    if (this.options.columnsAreCells) location.column = cell;
    throw new FormatError(reason, { file: this.options.file, ...location });
  }

  finish(format: TextFormat): MatrixText {
    const length = this.unit === 'byte' ? this.source.size : this.source.text.length;
    if (this.rowCells > 0) this.endRow(length - this.base);
    if (this.rows === 0 || this.cols <= 0) {
      this.failAt(
        this.header
          ? 'there is a header row but no numbers below it'
          : 'there is no matrix here: the text holds no entries',
        length,
        1,
      );
    }
    const { rows, cols, transposed } = this;
    // The doubles in reading order: the row-major A, i.e. Aᵀ column-major (A itself after A').
    // Trimmed when the guess at the size left much unused memory behind.
    const used = rows * cols;
    const data =
      this.values.length > used * 1.25 ? this.values.slice(0, used) : this.values.subarray(0, used);
    const asRead: Matrix = { rows: cols, cols: rows, data };
    let other: Matrix | undefined;
    const flipped = (): Matrix => {
      other ??= {
        rows,
        cols,
        data: transposeInto(asRead.data, rows, cols, new Float64Array(rows * cols)),
      };
      return other;
    };
    const shape = transposed ? { rows: cols, cols: rows } : { rows, cols };
    const result: MatrixText = {
      format,
      ...shape,
      get matrix() {
        return transposed ? asRead : flipped();
      },
      get transpose() {
        return transposed ? flipped() : asRead;
      },
      entries: entryKinds[this.widest],
      cells: () =>
        this.count <= this.kept || !this.options.reread
          ? this.cellGrid()
          : this.options.reread().cells(),
    };
    if (this.header) result.header = this.header;
    return result;
  }

  private push(start: number, end: number, given: string | undefined): number {
    let written = given;
    if (this.cols >= 0 && this.rowCells === this.cols) {
      this.failAt(
        `a ${ordinal(this.cols + 1)} entry, but ${this.firstRowName()} has ${this.cols}`,
        start,
        this.cols + 1,
      );
    }
    const index = this.count;
    if (index >= this.maxCells)
      this.failAt(`more than ${this.maxCells} cells; the limit protects memory`, start);
    if (index === this.values.length) this.grow();
    if (index < this.kept) {
      if (index === this.starts.length) this.growOffsets();
      this.starts[index] = start;
      const length = end - start;
      if (written === undefined && length > 255) written = this.source.slice(start, end, this.unit);
      this.lengths[index] = length;
    }
    if (written !== undefined) this.written.set(index, written);
    this.count++;
    this.rowCells++;
    return index;
  }

  private grow(): void {
    const capacity = Math.min(Math.max(this.values.length * 2, 256), this.maxCells);
    const values = new Float64Array(capacity);
    values.set(this.values);
    this.values = values;
  }

  private growOffsets(): void {
    const capacity = Math.min(Math.max(this.starts.length * 2, 256), this.kept, this.maxCells);
    const starts = new Int32Array(capacity);
    starts.set(this.starts);
    const lengths = new Uint8Array(capacity);
    lengths.set(this.lengths);
    this.starts = starts;
    this.lengths = lengths;
  }

  private checkWord(index: number, start: number): void {
    const cell = this.cellText(index);
    if ((this.options.cells ?? 'expressions') === 'expressions' && isExpressionText(cell)) {
      this.widest = expressionKind;
      return;
    }
    const reason =
      cell === ''
        ? 'the cell is empty'
        : `${quoteForMessage(cell)} is not a number${this.options.cells === 'numbers' ? '' : ' or an arithmetic expression'}`;
    this.failAt(reason, start, index - (this.count - this.rowCells) + 1);
  }

  private firstRowName(): string {
    if (this.header) return 'the header';
    // The first row's first cell is cell 0 (a header, once taken, is no longer counted).
    return `the first row (line ${this.source.locate(this.starts[0], this.unit).line})`;
  }

  private cellText(index: number): string {
    const written = this.written.get(index);
    if (written !== undefined) return written;
    const start = this.starts[index];
    const text = this.source.slice(start, start + this.lengths[index], this.unit);
    return this.options.decimalComma ? text.replace(',', '.') : text;
  }

  private cellGrid(): string[][] {
    const { rows, cols } = this;
    const grid: string[][] = [];
    if (this.transposed) {
      for (let j = 0; j < cols; j++) {
        const row: string[] = [];
        for (let i = 0; i < rows; i++) row.push(this.cellText(i * cols + j));
        grid.push(row);
      }
    } else {
      for (let i = 0; i < rows; i++) {
        const row: string[] = [];
        for (let j = 0; j < cols; j++) row.push(this.cellText(i * cols + j));
        grid.push(row);
      }
    }
    return grid;
  }
}

/** Row-major rows×cols into column-major, in 64×64 blocks so that both sides stay in cache. */
function transposeInto(
  rowMajor: Float64Array,
  rows: number,
  cols: number,
  columnMajor: Float64Array,
) {
  const block = 64;
  for (let i0 = 0; i0 < rows; i0 += block) {
    const i1 = Math.min(rows, i0 + block);
    for (let j0 = 0; j0 < cols; j0 += block) {
      const j1 = Math.min(cols, j0 + block);
      for (let j = j0; j < j1; j++) {
        const column = j * rows;
        for (let i = i0; i < i1; i++) columnMajor[column + i] = rowMajor[i * cols + j];
      }
    }
  }
  return columnMajor;
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
