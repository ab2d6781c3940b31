// A_r from the factors the lowRank job returns at full rank (left = U·Σ, right = V): the first r
// columns of each, A_r = left_r · right_rᵀ. Forming it here makes the slider instant: O(mnr).
import { zeros, type Matrix } from '../../../core/linalg/matrix';
import { multiplyTransposeB } from '../../../core/linalg/products';
import { columns } from '../../../core/rank/column-blocks';

export function truncationAt(left: Matrix, right: Matrix, rank: number): Matrix {
  const r = Math.max(0, Math.min(rank, left.cols, right.cols));
  if (r === 0) return zeros(left.rows, right.rows);
  return multiplyTransposeB(columns(left, 0, r), columns(right, 0, r));
}
