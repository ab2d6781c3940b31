// The read-only preview of a matrix kept as numbers: its top-left block, each number written
// compactly (four significant digits), since the whole of a 1000×800 matrix is not for reading.
import { formatNumber } from '../../../../core/number-shown';

/** The preview shows at most this many rows and columns, as the editor holds. */
export const previewExtent = 64;

export interface PreviewBlock {
  rows: number;
  cols: number;
  /** cells[i][j] is entry (i, j), as text. */
  cells: string[][];
}

export function previewBlock(
  matrix: { rows: number; cols: number; data: ArrayLike<number> },
  extent = previewExtent,
): PreviewBlock {
  const rows = Math.min(matrix.rows, extent);
  const cols = Math.min(matrix.cols, extent);
  const cells: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: string[] = [];
    // Column-major: entry (i, j) is data[i + j·m].
    for (let j = 0; j < cols; j++) row.push(formatNumber(matrix.data[i + j * matrix.rows], 4));
    cells.push(row);
  }
  return { rows, cols, cells };
}

/** The sentence under the title: what the matrix is and why it cannot be edited. */
export function denseSentence(rows: number, cols: number, editorExtent: number): string {
  return (
    `A ${rows}×${cols} matrix kept as numbers; it is larger than the editor's ` +
    `${editorExtent}×${editorExtent}, so it is read-only. Every view works on it.`
  );
}
