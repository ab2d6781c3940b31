// Matrix products on the dense kernels: A·B, Aᵀ·B, A·Bᵀ, A·x, and differences for residuals.
// Cost: 2·m·n·k flops for an m×k by k×n product.
import { kernels } from './kernels/kernels';
import { zeros, type Matrix } from './matrix';

function checkInner(left: number, right: number, what: string): void {
  if (left !== right)
    throw new RangeError(`${what}: inner dimensions differ (${left} vs ${right})`);
}

/** A·B. */
export function multiply(a: Matrix, b: Matrix): Matrix {
  checkInner(a.cols, b.rows, 'multiply');
  const c = zeros(a.rows, b.cols);
  kernels.gemm(
    false,
    false,
    a.rows,
    b.cols,
    a.cols,
    1,
    a.data,
    0,
    a.rows,
    b.data,
    0,
    b.rows,
    0,
    c.data,
    0,
    c.rows,
  );
  return c;
}

/** Aᵀ·B without forming Aᵀ. */
export function multiplyTransposeA(a: Matrix, b: Matrix): Matrix {
  checkInner(a.rows, b.rows, 'multiplyTransposeA');
  const c = zeros(a.cols, b.cols);
  kernels.gemm(
    true,
    false,
    a.cols,
    b.cols,
    a.rows,
    1,
    a.data,
    0,
    a.rows,
    b.data,
    0,
    b.rows,
    0,
    c.data,
    0,
    c.rows,
  );
  return c;
}

/** A·Bᵀ without forming Bᵀ. */
export function multiplyTransposeB(a: Matrix, b: Matrix): Matrix {
  checkInner(a.cols, b.cols, 'multiplyTransposeB');
  const c = zeros(a.rows, b.rows);
  kernels.gemm(
    false,
    true,
    a.rows,
    b.rows,
    a.cols,
    1,
    a.data,
    0,
    a.rows,
    b.data,
    0,
    b.rows,
    0,
    c.data,
    0,
    c.rows,
  );
  return c;
}

/** A·x for a vector x of length A.cols. */
export function multiplyVector(a: Matrix, x: Float64Array): Float64Array {
  checkInner(a.cols, x.length, 'multiplyVector');
  const y = new Float64Array(a.rows);
  kernels.gemv(false, a.rows, a.cols, 1, a.data, 0, a.rows, x, 0, 0, y, 0);
  return y;
}

/** Aᵀ·x for a vector x of length A.rows. */
export function multiplyTransposeVector(a: Matrix, x: Float64Array): Float64Array {
  checkInner(a.rows, x.length, 'multiplyTransposeVector');
  const y = new Float64Array(a.cols);
  kernels.gemv(true, a.rows, a.cols, 1, a.data, 0, a.rows, x, 0, 0, y, 0);
  return y;
}

/** A − B, entrywise. */
export function subtract(a: Matrix, b: Matrix): Matrix {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new RangeError(`subtract: shapes differ (${a.rows}×${a.cols} vs ${b.rows}×${b.cols})`);
  }
  const c = zeros(a.rows, a.cols);
  for (let k = 0; k < c.data.length; k++) c.data[k] = a.data[k] - b.data[k];
  return c;
}

/** A·diag(d)·Bᵀ, the form a truncated SVD takes (U·Σ·Vᵀ); uses the first d.length columns. */
export function multiplyScaledTransposeB(a: Matrix, d: Float64Array, b: Matrix): Matrix {
  const k = d.length;
  if (a.cols < k || b.cols < k) throw new RangeError('multiplyScaledTransposeB: too few columns');
  const scaled = zeros(a.rows, k);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < a.rows; i++) scaled.data[i + j * a.rows] = a.data[i + j * a.rows] * d[j];
  }
  const c = zeros(a.rows, b.rows);
  kernels.gemm(
    false,
    true,
    a.rows,
    b.rows,
    k,
    1,
    scaled.data,
    0,
    a.rows,
    b.data,
    0,
    b.rows,
    0,
    c.data,
    0,
    c.rows,
  );
  return c;
}
