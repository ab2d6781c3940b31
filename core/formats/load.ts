// Opens any matrix file Rankscope reads, choosing the parser by the file's extension:
// text (.csv .tsv .txt .dat .json .m .jl .r .py .tex .wl: every notation matrix-text.ts reads,
// exact cells), .mtx (MatrixMarket), .npy, .safetensors (one tensor); a file with no extension
// by its first bytes. Pure: the host reads the bytes (size-capped) and passes them in.

import type { Matrix } from '../linalg/matrix';
import { FormatError, quoteForMessage } from './format-error';
import { readMatrixText, type MatrixText } from './matrix-text';
import { fileExtension } from './file-extension';
import { matrixFileExtensions } from './matrix-file-extensions';
import { textFileExtensions } from './text-formats';

export { textFileExtensions } from './text-formats';
import { parseMatrixMarket } from './matrix-market';
import { parseNpy } from './npy';
import { readSafetensorsHeaderSync, readTensorSync } from './safetensors';
import type { TextMatrix } from './text-matrix';

export type LoadedMatrixFile =
  | {
      kind: 'text';
      text: TextMatrix & Pick<MatrixText, 'format' | 'matrix' | 'entries'>;
    }
  | { kind: 'dense'; matrix: Matrix; dtype: string; originalShape: number[]; note?: string };

export interface LoadOptions {
  /** The tensor to read from a safetensors file; needed when it holds several. */
  tensor?: string;
  /** Largest number of dense entries accepted (default 2^26), checked before allocating. */
  maxEntries?: number;
}

export { matrixFileExtensions };

export function loadMatrixFile(
  fileName: string,
  bytes: Uint8Array,
  options: LoadOptions = {},
): LoadedMatrixFile {
  const extension = fileExtension(fileName);
  const maxEntries = options.maxEntries;
  switch (textFileExtensions.includes(extension) ? '.txt' : knownExtension(extension, bytes)) {
    case '.txt': {
      const read = readMatrixText(bytes, {
        source: fileName,
        delimiter: extension === '.tsv' ? '\t' : undefined,
        maxCells: maxEntries,
      });
      const text: LoadedMatrixFile & { kind: 'text' } = {
        kind: 'text',
        text: {
          rows: read.rows,
          cols: read.cols,
          cells: read.cells(),
          format: read.format,
          matrix: read.matrix,
          entries: read.entries,
        },
      };
      if (read.header) text.text.header = read.header;
      return text;
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

/**
 * The extension, or for a file without one (standard input, a file named "matrix"), what its
 * first bytes say it is: a .npy magic string, a MatrixMarket banner, or text (no NUL byte in the
 * first 4 KB).
 */
function knownExtension(extension: string, bytes: Uint8Array): string {
  if (extension !== '') return extension;
  const head = bytes.subarray(0, 4096);
  if (head[0] === 0x93 && String.fromCharCode(...head.subarray(1, 6)) === 'NUMPY') return '.npy';
  if (String.fromCharCode(...head.subarray(0, 14)) === '%%MatrixMarket') return '.mtx';
  if (head.length > 0 && !head.includes(0)) return '.txt';
  return extension;
}

/** Text from a file's bytes: UTF-16 with a byte-order mark (spreadsheets' "Unicode text"), else UTF-8. */
export function decodeText(bytes: Uint8Array): string {
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
