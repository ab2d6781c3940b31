// Large products in column blocks, so a job can be cancelled (and report progress) between
// blocks instead of only after one multi-minute product: C = A·B with B taken a block of columns
// at a time, and C = A·Bᵀ with B taken a block of rows at a time (copied, b×k, to be contiguous).
// Cost: the product's 2·m·k·n flops, plus a copy of B's rows for A·Bᵀ; blocks hold ~2^27 flops.
import type { JobContext } from '../job-context';
import type { Matrix } from '../linalg/matrix';
import { zeros } from '../linalg/matrix';
import { multiply, multiplyTransposeB } from '../linalg/products';

const flopsPerBlock = 2 ** 27;

function blockWidth(rows: number, inner: number): number {
  return Math.max(1, Math.floor(flopsPerBlock / Math.max(1, 2 * rows * inner)));
}

/** A·B, a block of B's columns at a time; `progress` gets the fraction done after each block. */
export function multiplyBlocked(
  a: Matrix,
  b: Matrix,
  context?: JobContext,
  progress?: (fraction: number) => void,
): Matrix {
  const c = zeros(a.rows, b.cols);
  const width = blockWidth(a.rows, a.cols);
  for (let start = 0; start < b.cols; start += width) {
    context?.checkCancelled();
    const count = Math.min(width, b.cols - start);
    const block = {
      rows: b.rows,
      cols: count,
      data: b.data.subarray(start * b.rows, (start + count) * b.rows),
    };
    c.data.set(multiply(a, block).data, start * a.rows);
    progress?.((start + count) / b.cols);
  }
  return c;
}

/** A·Bᵀ, a block of B's rows at a time (each row block is a block of C's columns). */
export function multiplyTransposeBBlocked(
  a: Matrix,
  b: Matrix,
  context?: JobContext,
  progress?: (fraction: number) => void,
): Matrix {
  return multiplyTransposeBByRowBlocks(
    a,
    b.rows,
    (start, count) => rowsOf(b, start, count),
    context,
    progress,
  );
}

/**
 * A·Bᵀ where B (total×k) is produced a block of rows at a time by `rowBlock`, so B need never be
 * held whole (the embedding demo's 50 000-word vocabulary).
 */
export function multiplyTransposeBByRowBlocks(
  a: Matrix,
  total: number,
  rowBlock: (start: number, count: number) => Matrix,
  context?: JobContext,
  progress?: (fraction: number) => void,
): Matrix {
  const c = zeros(a.rows, total);
  const width = blockWidth(a.rows, a.cols);
  for (let start = 0; start < total; start += width) {
    context?.checkCancelled();
    const count = Math.min(width, total - start);
    c.data.set(multiplyTransposeB(a, rowBlock(start, count)).data, start * a.rows);
    progress?.((start + count) / total);
  }
  return c;
}

/** Rows start…start+count of a column-major matrix, as their own matrix. */
function rowsOf(matrix: Matrix, start: number, count: number): Matrix {
  const block = zeros(count, matrix.cols);
  for (let j = 0; j < matrix.cols; j++)
    block.data.set(
      matrix.data.subarray(j * matrix.rows + start, j * matrix.rows + start + count),
      j * count,
    );
  return block;
}
