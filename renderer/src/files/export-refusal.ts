// Which exports a matrix kept as numbers cannot take, and why: LaTeX of a matrix larger than a
// page, text of one larger than a text file should be, or any export before its numbers arrive.
import type { Matrix } from '../../../core/linalg/matrix';
import type { MatrixExportFormat } from '../../../core/project/export-matrix';
import type { MatrixDocument } from '../../../core/project/schema';

/** Text exports of more entries than this would be hundreds of megabytes of text: .npy only. */
export const largestTextExport = 2 ** 22;

/**
 * Why `format` cannot export this matrix, or null when it can. A dense matrix exports from its
 * numbers (once read); LaTeX stays for matrices a page can show.
 */
export function exportRefusal(
  matrix: MatrixDocument,
  format: MatrixExportFormat,
  numbers: Matrix | null,
): string | null {
  if (!matrix.dense) return null;
  const { rows, cols } = matrix.dense;
  if (format === 'latex') {
    return (
      `LaTeX is for matrices a page can show: a bmatrix of this ${rows}×${cols} matrix's ` +
      `${(rows * cols).toLocaleString('en')} entries would not fit one. Export it as CSV or .npy.`
    );
  }
  if (format !== 'npy' && rows * cols > largestTextExport) {
    return `This ${rows}×${cols} matrix is too large to write as text: export it as .npy.`;
  }
  if (!numbers) return 'The numbers of this matrix are still being read.';
  return null;
}
