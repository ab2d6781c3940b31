// Eigenvalues (and eigenvectors) of a real symmetric matrix: Householder tridiagonalization, then
// implicit symmetric QR with Wilkinson shifts (Golub & Van Loan §8.3, Algorithm 8.3.3).
// Cost: 4·n³/3 flops for values, about 9·n³ with vectors. Reads the lower triangle only.
import type { JobContext } from './cancellation';
import { makeReflector, type Reflector } from './householder';
import { kernels } from './kernels/kernels';
import { assertFinite, zeros, type Matrix } from './matrix';
import { maxAbs, scaleByPowerOfTwo } from './norms';

export interface SymmetricEigenResult {
  /** Eigenvalues, descending. */
  values: Float64Array;
  /** n×n orthogonal matrix whose column i is the eigenvector of values[i]. */
  vectors?: Matrix;
}

const epsilon = 2 ** -53;

export function symmetricEigen(
  a: Matrix,
  options: { vectors?: boolean; context?: JobContext } = {},
): SymmetricEigenResult {
  assertFinite(a);
  if (a.rows !== a.cols)
    throw new RangeError(`symmetricEigen needs a square matrix, got ${a.rows}×${a.cols}`);
  const wantVectors = options.vectors ?? false;
  const context = options.context;
  const n = a.rows;
  // Working copy made symmetric from the lower triangle.
  const data = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = j; i < n; i++) {
      data[i + j * n] = a.data[i + j * n];
      data[j + i * n] = a.data[i + j * n];
    }
  }
  const largest = maxAbs({ rows: n, cols: n, data });
  if (n === 0 || largest === 0) {
    const vectors = zeros(n, n);
    for (let i = 0; i < n; i++) vectors.data[i + i * n] = 1;
    return wantVectors ? { values: new Float64Array(n), vectors } : { values: new Float64Array(n) };
  }
  // Power-of-two scaling (exact) keeps squares inside the rotations in range.
  const exponent = Math.round(Math.log2(largest));
  scaleByPowerOfTwo(data, -exponent);

  const diagonal = new Float64Array(n);
  const offDiagonal = new Float64Array(Math.max(n - 1, 0));
  const tau = new Float64Array(Math.max(n - 2, 0));
  const p = new Float64Array(n);
  const reflector: Reflector = { tau: 0, beta: 0 };

  for (let k = 0; k < n - 2; k++) {
    if (context && (k & 31) === 0) context.checkCancelled();
    const start = k + 1 + k * n;
    const size = n - k - 1;
    makeReflector(data, start, size, reflector);
    offDiagonal[k] = reflector.beta;
    tau[k] = reflector.tau;
    if (reflector.tau === 0) continue;
    data[start] = 1;
    // S ← S − v·wᵀ − w·vᵀ with p = tau·S·v and w = p − (tau/2)(pᵀv)·v.
    const block = k + 1 + (k + 1) * n;
    kernels.gemv(false, size, size, reflector.tau, data, block, n, data, start, 0, p, 0);
    const correction = -0.5 * reflector.tau * kernels.dot(size, p, 0, data, start);
    kernels.axpy(size, correction, data, start, p, 0);
    for (let j = 0; j < size; j++) {
      const column = block + j * n;
      const vj = data[start + j];
      const wj = p[j];
      for (let i = 0; i < size; i++) data[column + i] -= data[start + i] * wj + p[i] * vj;
    }
    data[start] = reflector.beta;
  }
  for (let k = 0; k < n; k++) diagonal[k] = data[k + k * n];
  if (n >= 2) offDiagonal[n - 2] = data[n - 1 + (n - 2) * n];

  let vectors: Matrix | undefined;
  if (wantVectors) {
    // Q = H₀·…·H_{n−3}, accumulated backwards; H_k acts on indices k+1 … n−1.
    vectors = zeros(n, n);
    for (let i = 0; i < n; i++) vectors.data[i + i * n] = 1;
    const v = new Float64Array(n);
    for (let k = n - 3; k >= 0; k--) {
      if (tau[k] === 0) continue;
      const size = n - k - 1;
      v[0] = 1;
      for (let i = 1; i < size; i++) v[i] = data[k + 1 + i + k * n];
      kernels.applyReflectorLeft(size, size, v, 0, tau[k], vectors.data, k + 1 + (k + 1) * n, n);
    }
  }

  tridiagonalQr(diagonal, offDiagonal, vectors, context);
  scaleByPowerOfTwo(diagonal, exponent);

  // Sort descending, permuting the eigenvectors along.
  for (let i = 0; i < n - 1; i++) {
    let best = i;
    for (let j = i + 1; j < n; j++) if (diagonal[j] > diagonal[best]) best = j;
    if (best === i) continue;
    const t = diagonal[i];
    diagonal[i] = diagonal[best];
    diagonal[best] = t;
    if (vectors) {
      for (let r = 0; r < n; r++) {
        const u = vectors.data[r + i * n];
        vectors.data[r + i * n] = vectors.data[r + best * n];
        vectors.data[r + best * n] = u;
      }
    }
  }
  return vectors ? { values: diagonal, vectors } : { values: diagonal };
}

/** Implicit symmetric QR steps with Wilkinson shift on (d, e) until e vanishes; rotates Q's columns. */
function tridiagonalQr(
  d: Float64Array,
  e: Float64Array,
  q: Matrix | undefined,
  context: JobContext | undefined,
): void {
  const n = d.length;
  const cosines = new Float64Array(n);
  const sines = new Float64Array(n);
  const maxSteps = 30 * n;
  let steps = 0;
  let bottom = n - 1;
  while (bottom > 0) {
    for (let i = 0; i < bottom; i++) {
      if (Math.abs(e[i]) <= epsilon * (Math.abs(d[i]) + Math.abs(d[i + 1]))) e[i] = 0;
    }
    while (bottom > 0 && e[bottom - 1] === 0) bottom--;
    if (bottom === 0) break;
    let top = bottom - 1;
    while (top > 0 && e[top - 1] !== 0) top--;
    if (++steps > maxSteps) throw new Error('symmetric eigensolver did not converge');
    if (context && (steps & 63) === 0) context.checkCancelled();

    // Wilkinson shift: the eigenvalue of the trailing 2×2 block closer to its last entry.
    const delta = (d[bottom - 1] - d[bottom]) / 2;
    const b = e[bottom - 1];
    const root = Math.sqrt(delta * delta + b * b);
    const shift = d[bottom] - (b * b) / (delta + (delta >= 0 ? root : -root));
    let x = d[top] - shift;
    let z = e[top];
    for (let k = top; k < bottom; k++) {
      const radius = Math.sqrt(x * x + z * z);
      const c = radius === 0 ? 1 : x / radius;
      const s = radius === 0 ? 0 : z / radius;
      if (k > top) e[k - 1] = radius;
      const dk = d[k];
      const ek = e[k];
      const dk1 = d[k + 1];
      d[k] = c * c * dk + 2 * c * s * ek + s * s * dk1;
      d[k + 1] = s * s * dk - 2 * c * s * ek + c * c * dk1;
      e[k] = c * s * (dk1 - dk) + (c * c - s * s) * ek;
      if (k < bottom - 1) {
        z = s * e[k + 1];
        e[k + 1] = c * e[k + 1];
        x = e[k];
      }
      cosines[k - top] = c;
      sines[k - top] = s;
    }
    if (q) kernels.rotationSweep(q.data, q.rows, q.rows, top, bottom - top, cosines, sines);
  }
}
