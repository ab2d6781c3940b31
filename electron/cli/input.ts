// A matrix named on the command line: "-" is standard input; anything else must be a regular file
// (a FIFO, a device or a folder is refused at once, before any read). Text in every notation goes
// through the one text reader (core/formats/matrix-text.ts) straight from its bytes; .npy, .mtx
// and .safetensors through their parsers, loaded only when such a file comes.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { Matrix } from '../../core/linalg/matrix';
import type { ParsedEntryMatrix } from '../../core/exact/entry';
import { FormatError } from '../../core/formats/format-error';
import {
  readMatrixText,
  readMatrixTextStream,
  type MatrixText,
} from '../../core/formats/matrix-text';
import { textFileExtensions, type EntryKind } from '../../core/formats/text-formats';
import { plainEntries } from '../../core/library/entries';
import { fileKind } from './file-kind';
import { CliInputError } from './input-error';

/** Larger files are refused before a byte is read. */
const maxFileBytes = 2 * 1024 ** 3;

export interface MatrixInput {
  /** The name messages use: the path as given, or "standard input". */
  name: string;
  /** How it was written: a text notation (csv, matlab, …) or npy, mtx, safetensors. */
  format: string;
  /** Read from a binary format (its cells are made from the doubles). */
  binary: boolean;
  rows: number;
  cols: number;
  /** The doubles (arithmetic cells such as sqrt(2) evaluated), column-major, made on demand. */
  readonly matrix: Matrix;
  /**
   * A matrix with the same singular values, whichever is at hand without a copy: the text's
   * doubles as read are Aᵀ (see MatrixText.transpose). Its rows and cols may be swapped.
   */
  readonly spectrum: Matrix;
  /** The widest kind of entry: integers, fractions, decimals or expressions. */
  entries: EntryKind;
  /** The cells as written (exact strings), made on demand. */
  cells(): string[][];
  header?: string[];
  /** What a reader wants said (a reshaped tensor, a symmetric matrix filled in). */
  note?: string;
}

/** The display name of a command-line argument. */
export function inputName(argument: string): string {
  return argument === '-' ? 'standard input' : argument;
}

/** Refuses at once a path that is not a regular file (before a reader could block on it). */
export function checkRegularFile(file: string): void {
  closeSync(openRegularFile(file).descriptor);
}

/** Opens a regular file, or throws a one-line CliInputError naming it. */
function openRegularFile(file: string): { descriptor: number; stats: Stats } {
  let descriptor: number;
  try {
    // Non-blocking, so that opening a FIFO with no writer returns at once (and is then refused).
    descriptor = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new CliInputError(`${file}: ${systemReason(error)}`);
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) throw new CliInputError(`${file}: ${fileKind(stats)}, not a regular file`);
    return { descriptor, stats };
  } catch (error) {
    closeSync(descriptor);
    if (error instanceof CliInputError) throw error;
    throw new CliInputError(`${file}: ${systemReason(error)}`);
  }
}

/** The bytes of a regular file, or a one-line CliInputError naming it. */
export function readRegularFile(file: string): Uint8Array {
  const { descriptor, stats } = openRegularFile(file);
  try {
    if (stats.size > maxFileBytes) throw tooLarge(file, stats.size);
    const bytes = new Uint8Array(stats.size);
    let filled = 0;
    while (filled < bytes.length) {
      const count = readSync(descriptor, bytes, filled, bytes.length - filled, null);
      if (count === 0) break;
      filled += count;
    }
    return filled === bytes.length ? bytes : bytes.subarray(0, filled);
  } catch (error) {
    if (error instanceof CliInputError) throw error;
    throw new CliInputError(`${file}: ${systemReason(error)}`);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * The first `length` bytes of a regular file (fewer when it is shorter), to tell its format by;
 * with `folders`, 'folder' for a folder instead of refusing it.
 */
export function readFilePrefix(
  file: string,
  length: number,
  options: { folders?: boolean } = {},
): Uint8Array | 'folder' {
  if (options.folders && statSync(file, { throwIfNoEntry: false })?.isDirectory()) return 'folder';
  const { descriptor } = openRegularFile(file);
  try {
    const bytes = new Uint8Array(length);
    return bytes.subarray(0, readSync(descriptor, bytes, 0, length, 0));
  } catch (error) {
    throw new CliInputError(`${file}: ${systemReason(error)}`);
  } finally {
    closeSync(descriptor);
  }
}

function tooLarge(file: string, size: number): CliInputError {
  return new CliInputError(`${file}: ${size} bytes is more than the ${maxFileBytes}-byte limit`);
}

let standardInputUsed = false;

/** All of standard input, once. */
export async function readStandardInput(): Promise<Uint8Array> {
  if (standardInputUsed) throw new CliInputError('standard input ("-") can be read only once');
  standardInputUsed = true;
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of process.stdin as AsyncIterable<Uint8Array>) {
    chunks.push(chunk);
    length += chunk.length;
    if (length > maxFileBytes)
      throw new CliInputError(`standard input: more than the ${maxFileBytes}-byte limit`);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

export async function readArgumentBytes(argument: string): Promise<Uint8Array> {
  return argument === '-' ? readStandardInput() : readRegularFile(argument);
}

/** Text files from this size are read through a window (core/formats/text-window.ts). */
const streamFromBytes = 1024 * 1024;

/** Reads the matrix an argument names. */
export async function readMatrixArgument(
  argument: string,
  options: { tensor?: string } = {},
): Promise<MatrixInput> {
  const extension = argument === '-' ? '' : path.extname(argument).toLowerCase();
  if (argument !== '-' && textFileExtensions.includes(extension)) {
    const streamed = readLargeTextFile(argument, extension);
    if (streamed) return textInput(argument, streamed);
  }
  return matrixFromBytes(
    inputName(argument),
    extension,
    await readArgumentBytes(argument),
    options,
  );
}

/** The matrix in bytes already read; without an extension, the bytes say what they are. */
export async function matrixFromBytes(
  name: string,
  extension: string,
  bytes: Uint8Array,
  options: { tensor?: string } = {},
): Promise<MatrixInput> {
  if (textFileExtensions.includes(extension) || (extension === '' && looksLikeText(bytes))) {
    return textInput(
      name,
      readMatrixText(bytes, { source: name, delimiter: extension === '.tsv' ? '\t' : undefined }),
    );
  }
  return binaryInput(name, extension, bytes, options);
}

/**
 * A large text file, read through a window of a few megabytes rather than whole: half the time
 * and a fraction of the memory for a 1024² CSV. Undefined for a small file.
 */
export function readLargeTextFile(file: string, extension: string): MatrixText | undefined {
  const { descriptor, stats } = openRegularFile(file);
  try {
    if (stats.size < streamFromBytes) return undefined;
    if (stats.size > maxFileBytes) throw tooLarge(file, stats.size);
    return readMatrixTextStream(
      {
        size: stats.size,
        readInto: (target, offset, length, position) =>
          readSync(descriptor, target, offset, length, position),
      },
      {
        source: file,
        delimiter: extension === '.tsv' ? '\t' : undefined,
        // Quotes, other notations, a message's line number: the whole text, read on demand.
        whole: () => readRegularFile(file),
      },
    );
  } catch (error) {
    if (error instanceof CliInputError || error instanceof FormatError) throw error;
    throw new CliInputError(`${file}: ${systemReason(error)}`);
  } finally {
    closeSync(descriptor);
  }
}

async function textInput(name: string, read: MatrixText): Promise<MatrixInput> {
  const evaluated = read.entries === 'expressions';
  const input: MatrixInput = {
    name,
    binary: false,
    format: read.format,
    rows: read.rows,
    cols: read.cols,
    get matrix() {
      return read.matrix;
    },
    get spectrum() {
      // Evaluated expressions live in `matrix` only.
      return evaluated ? read.matrix : read.transpose;
    },
    entries: read.entries,
    cells: read.cells,
  };
  if (read.header) input.header = read.header;
  if (evaluated) {
    // sqrt(2), pi/4: only the exact core's expression parser (mathjs) knows their values.
    const parsed = await parseWithExpressions(input.cells());
    const { data } = read.matrix;
    parsed.approx.forEach((row, i) =>
      row.forEach((value, j) => (data[i + j * input.rows] = value)),
    );
  }
  return input;
}

async function binaryInput(
  name: string,
  extension: string,
  bytes: Uint8Array,
  options: { tensor?: string },
): Promise<MatrixInput> {
  const { loadMatrixFile } = await import('../../core/formats/load');
  // Without an extension the loader goes by the first bytes (a .npy magic, a MatrixMarket banner).
  const loaded = loadMatrixFile(name, bytes, options);
  if (loaded.kind === 'text') throw new Error('the binary loader returned text');
  const { matrix } = loaded;
  const integers = isSmallIntegerMatrix(matrix);
  const input: MatrixInput = {
    name,
    binary: true,
    format: extension.slice(1) || (bytes[0] === 0x93 ? 'npy' : 'mtx'),
    rows: matrix.rows,
    cols: matrix.cols,
    matrix,
    spectrum: matrix,
    // A binary matrix of integers is read exactly too, as a text file of integers is.
    entries: integers ? 'integers' : 'decimals',
    cells: () =>
      Array.from({ length: matrix.rows }, (_, i) =>
        Array.from({ length: matrix.cols }, (_, j) => String(matrix.data[i + j * matrix.rows])),
      ),
  };
  if (loaded.note) input.note = loaded.note;
  return input;
}

/** Binary matrices up to this many entries whose numbers are all integers are read exactly. */
const largestExactEntries = 1 << 20;

function isSmallIntegerMatrix(matrix: Matrix): boolean {
  return (
    matrix.rows * matrix.cols <= largestExactEntries &&
    matrix.data.every((value) => Number.isSafeInteger(value))
  );
}

/** Exact (or, with an irrational cell, floating) entries: plain numbers without mathjs. */
export async function entriesOf(input: MatrixInput): Promise<ParsedEntryMatrix> {
  if (input.binary) return plainEntries(input.matrix) ?? parseWithExpressions(input.cells());
  const cells = input.cells();
  return plainEntries(cells) ?? parseWithExpressions(cells);
}

async function parseWithExpressions(cells: string[][]): Promise<ParsedEntryMatrix> {
  const { parseEntryMatrix } = await import('../../core/exact/entry');
  return parseEntryMatrix(cells);
}

/** A file without an extension (or standard input) is text unless a NUL byte says otherwise. */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  if (head[0] === 0x93 && String.fromCharCode(...head.subarray(1, 6)) === 'NUMPY') return false;
  if (String.fromCharCode(...head.subarray(0, 14)) === '%%MatrixMarket') return false;
  return (
    !head.includes(0) ||
    (head[0] === 0xff && head[1] === 0xfe) ||
    (head[0] === 0xfe && head[1] === 0xff)
  );
}

const systemReasons: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'a folder, not a regular file',
  ENOTDIR: 'a part of the path is not a folder',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EIO: 'an input/output error while reading',
  EMFILE: 'too many open files',
};

/** A system error as a few words, without the path Node repeats. */
function systemReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return systemReasons[code] ?? ((error as Error).message.split(',')[0] || 'cannot be read');
}
