// First stage of the two-stage bidiagonalization: an m×n matrix (m ≥ n) to upper band form of
// bandwidth b, B = Q₁ᵀ·A·P₁, by alternating blocked QR of a b-column panel and LQ of a b-row
// panel, each reaching the trailing matrix in matrix–matrix products only (Großer & Lang 1999;
// Haidar, Ltaief & Dongarra 2011; LAPACK dgebrd's two-stage successors). Cost: 4·m·n² − 4·n³/3
// flops, almost all in gemm, against half in matrix–vector products for the one-stage dgebrd.
import type { JobContext } from '../job-context';
import {
  explicitReflectors,
  factorPanel,
  reflectFromLeft,
  reflectFromRight,
  triangularFactor,
  type ReflectorScratch,
} from './block-reflector';
import { chaseWorkDoubles } from './kernels/band-chase';
import type { Matrix } from './matrix';
import { plainWorkspace, workspaceOf, type Workspace } from './workspace';

export interface BandReduction {
  /**
   * The working array: left reflectors below the diagonal of each column panel (as QR stores
   * them), right reflectors right of the band in each row panel (as LQ stores them), the band.
   */
  reflectors: Matrix;
  bandwidth: number;
  leftTaus: Float64Array;
  rightTaus: Float64Array;
}

/** Doubles reduceToBand takes from the workspace of an m×n matrix, beside the matrix itself. */
export function bandReductionScratchDoubles(m: number, n: number, bandwidth: number): number {
  const b = bandwidth;
  return (m + n) * b * 2 + 2 * Math.max(m, n) * b + 2 * b * b + 2 * n + 64;
}

interface PanelScratch extends ReflectorScratch {
  v: Float64Array;
  t: Float64Array;
  gram: Float64Array;
  transposed: Float64Array;
  taus: Float64Array;
}

/**
 * Reduces `work` (m×n, m ≥ n) in place to upper band form: afterwards entry (i, j) of the band,
 * i ≤ j ≤ i + b, is work[i + j·m]; reflectors fill the rest (see BandReduction).
 */
export function reduceToBand(
  work: Matrix,
  bandwidth: number,
  context?: JobContext,
  progressShare = 1,
): BandReduction {
  const { rows: m, cols: n, data } = work;
  if (m < n) throw new RangeError('reduceToBand needs rows ≥ cols; transpose first');
  const b = Math.max(1, Math.floor(bandwidth));
  const space: Workspace = workspaceOf(data) ?? plainWorkspace;
  const widest = Math.max(m, n);
  const scratch: PanelScratch = {
    v: space.vector(widest * b),
    t: space.vector(b * b),
    gram: space.vector(b * b),
    w: space.vector(widest * b),
    product: space.vector(widest * b),
    transposed: space.vector(n * b),
    taus: space.vector(b),
  };
  const leftTaus = new Float64Array(n);
  const rightTaus = new Float64Array(Math.max(n - 1, 0));
  // Work done so far, for progress: the trailing updates dominate, about (n − k)² per panel.
  const total = n * n * n;
  for (let k = 0; k < n; k += b) {
    context?.checkCancelled();
    context?.progress((progressShare * (total - (n - k) ** 3)) / total, 'reducing to a band');
    const width = Math.min(b, n - k);
    // Column panel: QR of A[k:m, k:k+width], then Qᵀ·A[k:m, k+width:n].
    const rows = m - k;
    factorPanel({ data, offset: k + k * m, ld: m }, rows, width, scratch.taus);
    leftTaus.set(scratch.taus.subarray(0, width), k);
    const rest = n - k - width;
    if (rest <= 0) break;
    explicitReflectors({ data, offset: k + k * m, ld: m }, rows, width, scratch.v);
    triangularFactor(scratch.v, rows, width, scratch.taus, scratch.t, scratch.gram);
    reflectFromLeft(
      scratch.v,
      scratch.t,
      rows,
      width,
      { data, offset: k + (k + width) * m, ld: m },
      rest,
      scratch,
    );
    // Row panel: LQ of A[k:k+width, k+width:n] as the QR of its transpose, then A[k+width:m, k+width:n]·Q.
    const { transposed } = scratch;
    // Column by column of the band's rows: each reads `width` adjacent entries.
    for (let j = 0; j < rest; j++) {
      const column = k + (k + width + j) * m;
      for (let i = 0; i < width; i++) transposed[j + i * rest] = data[column + i];
    }
    const reflections = Math.min(width, rest);
    factorPanel({ data: transposed, offset: 0, ld: rest }, rest, width, scratch.taus);
    rightTaus.set(scratch.taus.subarray(0, reflections), k);
    // Back in place, transposed again: L on and below the diagonal, the reflectors right of it.
    for (let j = 0; j < rest; j++) {
      const column = k + (k + width + j) * m;
      for (let i = 0; i < width; i++) data[column + i] = transposed[j + i * rest];
    }
    explicitReflectors({ data: transposed, offset: 0, ld: rest }, rest, reflections, scratch.v);
    triangularFactor(scratch.v, rest, reflections, scratch.taus, scratch.t, scratch.gram);
    reflectFromRight(
      scratch.v,
      scratch.t,
      rest,
      reflections,
      { data, offset: k + width + (k + width) * m, ld: m },
      m - k - width,
      scratch,
    );
  }
  return { reflectors: work, bandwidth: b, leftTaus, rightTaus };
}

/**
 * The n×n upper band of a reduction in the band storage the chase works on (kernels/band-chase.ts):
 * entry (i, j) at band[j·ld + i − j + 2b − 1], ld = 3b − 1, room for the bulges left zero.
 */
export function bandStorage(
  reduction: BandReduction,
  space: Workspace,
): { band: Float64Array; ld: number } {
  const { reflectors, bandwidth: b } = reduction;
  const { rows: m, cols: n, data } = reflectors;
  const ld = 3 * b - 1;
  const band = space.vector(n * ld);
  const up = 2 * b - 1;
  for (let j = 0; j < n; j++) {
    for (let i = Math.max(0, j - b); i <= j; i++) band[j * ld + i - j + up] = data[i + j * m];
  }
  return { band, ld };
}

/** Doubles bandStorage and the chase (with up to `threads` threads) take. */
export function bandStorageDoubles(n: number, bandwidth: number, threads = 1): number {
  return n * (3 * bandwidth - 1) + chaseWorkDoubles(bandwidth, threads) + 16;
}
