// A project matrix's size, wherever its numbers live: the editor's cells, or the dense
// reference of a matrix kept as numbers (whose entries are empty).
import type { MatrixDocument } from '../../../core/project/schema';

export interface MatrixSize {
  rows: number;
  cols: number;
}

export function matrixSize(matrix: Pick<MatrixDocument, 'entries' | 'dense'>): MatrixSize {
  if (matrix.dense) return { rows: matrix.dense.rows, cols: matrix.dense.cols };
  const rows = matrix.entries.length;
  return { rows, cols: rows === 0 ? 0 : matrix.entries[0].length };
}

/** "200×150". */
export function sizeText(matrix: Pick<MatrixDocument, 'entries' | 'dense'>): string {
  const { rows, cols } = matrixSize(matrix);
  return `${rows}×${cols}`;
}
