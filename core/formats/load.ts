// Opens any matrix file Rankscope reads, choosing the parser by the file's extension:
// .csv .tsv .txt .dat (text, exact cells), .mtx (MatrixMarket), .npy, .safetensors (one tensor).
// Pure: the host reads the bytes (size-capped) and passes them in.

import type { Matrix } from '../linalg/matrix';
import { parseDelimited, type Delimiter } from './delimited';
import { FormatError, quoteForMessage } from './format-error';
import { parseMatrixMarket } from './matrix-market';
import { parseNpy } from './npy';
import { readSafetensorsHeaderSync, readTensorSync } from './safetensors';
import type { TextMatrix } from './text-matrix';

export type LoadedMatrixFile =
  | { kind: 'text'; text: TextMatrix }
  | { kind: 'dense'; matrix: Matrix; dtype: string; originalShape: number[]; note?: string };

export interface LoadOptions {
  /** The tensor to read from a safetensors file; needed when it holds several. */
  tensor?: string;
  /** Largest number of dense entries accepted (default 2^26), checked before allocating. */
  maxEntries?: number;
}

export const matrixFileExtensions = [
  '.csv',
  '.tsv',
  '.txt',
  '.dat',
  '.mtx',
  '.npy',
  '.safetensors',
];

export function loadMatrixFile(
  fileName: string,
  bytes: Uint8Array,
  options: LoadOptions = {},
): LoadedMatrixFile {
  const extension = /\.[^./\\]+$/.exec(fileName)?.[0].toLowerCase() ?? '';
  const maxEntries = options.maxEntries;
  switch (extension) {
    case '.csv':
    case '.tsv':
    case '.txt':
    case '.dat': {
      const delimiter: Delimiter | 'auto' = extension === '.tsv' ? '\t' : 'auto';
      const parsed = parseDelimited(decodeText(bytes), {
        file: fileName,
        delimiter,
        maxCells: maxEntries,
      });
      const text: TextMatrix = { rows: parsed.rows, cols: parsed.cols, cells: parsed.cells };
      if (parsed.header) text.header = parsed.header;
      return { kind: 'text', text };
    }
    case '.mtx': {
      const parsed = parseMatrixMarket(decodeText(bytes), { file: fileName, maxEntries });
      const result: LoadedMatrixFile = {
        kind: 'dense',
        matrix: parsed.matrix,
        dtype: parsed.field,
        originalShape: [parsed.matrix.rows, parsed.matrix.cols],
      };
      if (parsed.symmetry !== 'general') {
        result.note = `The ${parsed.symmetry} matrix is stored as its lower triangle; the upper one was filled in from it.`;
      }
      return result;
    }
    case '.npy': {
      const parsed = parseNpy(bytes, { file: fileName, maxEntries });
      const result: LoadedMatrixFile = {
        kind: 'dense',
        matrix: parsed.matrix,
        dtype: parsed.dtype,
        originalShape: parsed.originalShape,
      };
      if (parsed.note) result.note = parsed.note;
      return result;
    }
    case '.safetensors': {
      const header = readSafetensorsHeaderSync(bytes, fileName);
      const names = header.tensors.map((entry) => entry.name);
      let entry = header.tensors[0];
      if (options.tensor !== undefined) {
        entry = header.tensors.find((candidate) => candidate.name === options.tensor)!;
        if (!entry) {
          throw new FormatError(
            `there is no tensor ${quoteForMessage(options.tensor, 200)}; the file holds ${listNames(names)}`,
            { file: fileName },
          );
        }
      } else if (names.length === 0) {
        throw new FormatError('the file holds no tensors', { file: fileName });
      } else if (names.length > 1) {
        throw new FormatError(
          `the file holds ${names.length} tensors; choose one of ${listNames(names)}`,
          {
            file: fileName,
          },
        );
      }
      const tensor = readTensorSync(bytes, entry, { fileName, maxEntries });
      const result: LoadedMatrixFile = {
        kind: 'dense',
        matrix: tensor.matrix,
        dtype: entry.dtype,
        originalShape: tensor.originalShape,
      };
      if (tensor.reshapedFrom) result.note = tensor.reshapedFrom;
      return result;
    }
    default:
      throw new FormatError(
        `the extension ${quoteForMessage(extension || '(none)')} is not a matrix file Rankscope reads (${matrixFileExtensions.join(' ')})`,
        { file: fileName },
      );
  }
}

function decodeText(bytes: Uint8Array): string {
  // Spreadsheets export "Unicode text" as UTF-16 with a byte-order mark; everything else is UTF-8.
  // Not fatal: a stray byte becomes U+FFFD and the cell holding it is reported with its line.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

function listNames(names: string[]): string {
  const shown = names.slice(0, 30).map((name) => quoteForMessage(name, 80));
  return (
    shown.join(', ') +
    (names.length > shown.length ? ` and ${names.length - shown.length} more` : '')
  );
}
