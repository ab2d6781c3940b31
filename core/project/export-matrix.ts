// Exports one matrix of a project for other tools: CSV, .npy, MATLAB, numpy and LaTeX text.
// Exact strings stay exact in text ("1/2" is written as typed, \frac{1}{2} in LaTeX); .npy holds
// their float64 values. Dense matrices export their numbers. Writers: core/formats/writers.ts.
import { parseEntryMatrix } from '../exact/entry';
import { fromRows, type Matrix } from '../linalg/matrix';
import { writeNpy } from '../formats/npy';
import {
  writeCsv,
  writeLatex,
  writeMatlab,
  writeNumpy,
  type MatrixOrGrid,
} from '../formats/writers';
import type { MatrixDocument } from './schema';

export const matrixExportFormats = ['csv', 'npy', 'matlab', 'numpy', 'latex'] as const;
export type MatrixExportFormat = (typeof matrixExportFormats)[number];

export interface MatrixExportOptions {
  /** The numbers of a dense matrix (required when `matrix.dense` is set). */
  blob?: Matrix;
  /** Append the right-hand side b as a last column, [A | b]. */
  includeRightHandSide?: boolean;
}

export interface MatrixExport {
  format: MatrixExportFormat;
  /** A file name made from the matrix name, with the format's extension. */
  fileName: string;
  mimeType: string;
  /** The text, for every format but npy (for copying to the clipboard). */
  text?: string;
  bytes: Uint8Array;
}

const extensions: Record<MatrixExportFormat, [string, string]> = {
  csv: ['.csv', 'text/csv'],
  npy: ['.npy', 'application/octet-stream'],
  matlab: ['.m', 'text/x-matlab'],
  numpy: ['.py', 'text/x-python'],
  latex: ['.tex', 'application/x-tex'],
};

/** A file name safe on Windows, macOS and Linux: no separators, reserved characters or edge dots. */
export function safeFileStem(name: string): string {
  // Whole code points, so the cut at 100 never splits a surrogate pair.
  const cleaned = Array.from(name, (character) =>
    character.charCodeAt(0) < 0x20 || '<>:"/\\|?*'.includes(character) ? '_' : character,
  )
    .slice(0, 100)
    .join('')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  return cleaned === '' || /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(cleaned) ? 'matrix' : cleaned;
}

/** A MATLAB variable name from the matrix name: letters, digits and _, starting with a letter. */
export function matlabName(name: string): string {
  const identifier = name
    .normalize('NFKD')
    .replace(/[^\w]/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (identifier === '') return 'A';
  return (/^[A-Za-z]/.test(identifier) ? identifier : 'M_' + identifier).slice(0, 63);
}

function gridOf(matrix: MatrixDocument, options: MatrixExportOptions): MatrixOrGrid {
  if (matrix.dense) {
    if (!options.blob) throw new Error(`the numbers of "${matrix.name}" are not loaded`);
    return options.blob;
  }
  const rhs = matrix.rightHandSide;
  if (options.includeRightHandSide && rhs && rhs.length === matrix.entries.length) {
    return matrix.entries.map((row, i) => [...row, rhs[i]]);
  }
  return matrix.entries;
}

function numbersOf(grid: MatrixOrGrid): Matrix {
  if ('data' in grid) return grid;
  return fromRows(parseEntryMatrix(grid).approx);
}

export function exportMatrix(
  matrix: MatrixDocument,
  format: MatrixExportFormat,
  options: MatrixExportOptions = {},
): MatrixExport {
  const grid = gridOf(matrix, options);
  const [extension, mimeType] = extensions[format];
  const fileName = safeFileStem(matrix.name) + extension;
  if (format === 'npy') return { format, fileName, mimeType, bytes: writeNpy(numbersOf(grid)) };
  let text: string;
  if (format === 'csv') text = writeCsv(grid);
  else if (format === 'matlab') text = writeMatlab(grid, { name: matlabName(matrix.name) }) + '\n';
  else if (format === 'numpy') text = 'import numpy as np\n\n' + `A = ${writeNumpy(grid)}\n`;
  else text = writeLatex(grid) + '\n';
  return { format, fileName, mimeType, text, bytes: new TextEncoder().encode(text) };
}
