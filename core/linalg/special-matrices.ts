// Classic test matrices for numerical rank: Hilbert, Kahan, Vandermonde, graded, and random
// matrices of known rank built as products of thin Gaussian factors (Higham, "Accuracy and
// Stability of Numerical Algorithms", ch. 28). Cost: O(m·n) each, O(m·n·r) for known rank.
import { zeros, type Matrix } from './matrix';
import { multiply } from './products';
import { gaussianMatrix } from './random';

/** H(i, j) = 1 / (i + j + 1): famously ill-conditioned (κ₂(H₁₀) ≈ 1.6e13). */
export function hilbert(n: number): Matrix {
  const result = zeros(n, n);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) result.data[i + j * n] = 1 / (i + j + 1);
  return result;
}

/** Kahan's upper triangular matrix diag(sⁱ)·(I − c·strict upper ones): QRCP fails to reveal its rank. */
export function kahan(n: number, theta = 1.2): Matrix {
  const s = Math.sin(theta);
  const c = Math.cos(theta);
  const result = zeros(n, n);
  for (let i = 0; i < n; i++) {
    const scale = s ** i;
    result.data[i + i * n] = scale;
    for (let j = i + 1; j < n; j++) result.data[i + j * n] = -c * scale;
  }
  return result;
}

/** V(i, j) = x_iʲ at m equispaced points in [−1, 1]. */
export function vandermonde(m: number, n: number): Matrix {
  const result = zeros(m, n);
  for (let i = 0; i < m; i++) {
    const x = m === 1 ? 0 : -1 + (2 * i) / (m - 1);
    for (let j = 0; j < n; j++) result.data[i + j * m] = x ** j;
  }
  return result;
}

/** D·G·D with D = diag(10^(−i/2)) and G Gaussian: entries graded over many orders of magnitude. */
export function graded(n: number, seed: number): Matrix {
  const result = gaussianMatrix(n, n, seed);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) result.data[i + j * n] *= 10 ** (-(i + j) / 2);
  }
  return result;
}

/** An m×n matrix of rank exactly r (with probability one): the product of m×r and r×n Gaussians. */
export function knownRank(m: number, n: number, r: number, seed: number): Matrix {
  return multiply(gaussianMatrix(m, r, seed), gaussianMatrix(r, n, seed + 1));
}
