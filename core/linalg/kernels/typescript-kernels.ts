// The portable TypeScript tier of the dense kernels: column-major loops over contiguous columns,
// unrolled by four columns so each pass over C reads and writes it once per four updates.
// Cost: gemm 2·m·n·depth flops, blocked over depth so the A panel stays in cache.
import { chaseBandSweeps } from './band-chase';
import type { DenseKernels } from './dense-kernels';
import { luBlockLoops } from './lu-block';
import { pivotedPanelStepLoops } from './pivoted-panel';

const depthBlock = 256;

function scale(c: Float64Array, offset: number, length: number, beta: number): void {
  if (beta === 1) return;
  if (beta === 0) c.fill(0, offset, offset + length);
  else for (let i = offset; i < offset + length; i++) c[i] *= beta;
}

/** C += alpha·A·B, no transposes: C columns updated by four A columns at a time. */
function gemmPlain(
  m: number,
  n: number,
  depth: number,
  alpha: number,
  a: Float64Array,
  aOffset: number,
  lda: number,
  b: Float64Array,
  bOffset: number,
  ldb: number,
  c: Float64Array,
  cOffset: number,
  ldc: number,
): void {
  for (let p0 = 0; p0 < depth; p0 += depthBlock) {
    const p1 = Math.min(depth, p0 + depthBlock);
    for (let j = 0; j < n; j++) {
      const cj = cOffset + j * ldc;
      const bj = bOffset + j * ldb;
      let p = p0;
      for (; p + 3 < p1; p += 4) {
        const b0 = alpha * b[bj + p];
        const b1 = alpha * b[bj + p + 1];
        const b2 = alpha * b[bj + p + 2];
        const b3 = alpha * b[bj + p + 3];
        if (b0 === 0 && b1 === 0 && b2 === 0 && b3 === 0) continue;
        const a0 = aOffset + p * lda;
        const a1 = a0 + lda;
        const a2 = a1 + lda;
        const a3 = a2 + lda;
        for (let i = 0; i < m; i++) {
          c[cj + i] += a[a0 + i] * b0 + a[a1 + i] * b1 + a[a2 + i] * b2 + a[a3 + i] * b3;
        }
      }
      for (; p < p1; p++) {
        const b0 = alpha * b[bj + p];
        if (b0 === 0) continue;
        const a0 = aOffset + p * lda;
        for (let i = 0; i < m; i++) c[cj + i] += a[a0 + i] * b0;
      }
    }
  }
}

/** C += alpha·Aᵀ·B: every entry is a dot product of two contiguous columns; 2×2 register tile. */
function gemmTransposeA(
  m: number,
  n: number,
  depth: number,
  alpha: number,
  a: Float64Array,
  aOffset: number,
  lda: number,
  b: Float64Array,
  bOffset: number,
  ldb: number,
  c: Float64Array,
  cOffset: number,
  ldc: number,
): void {
  let j = 0;
  for (; j + 1 < n; j += 2) {
    const b0 = bOffset + j * ldb;
    const b1 = b0 + ldb;
    let i = 0;
    for (; i + 1 < m; i += 2) {
      const a0 = aOffset + i * lda;
      const a1 = a0 + lda;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      for (let p = 0; p < depth; p++) {
        const x0 = a[a0 + p];
        const x1 = a[a1 + p];
        const y0 = b[b0 + p];
        const y1 = b[b1 + p];
        s00 += x0 * y0;
        s01 += x0 * y1;
        s10 += x1 * y0;
        s11 += x1 * y1;
      }
      c[cOffset + i + j * ldc] += alpha * s00;
      c[cOffset + i + (j + 1) * ldc] += alpha * s01;
      c[cOffset + i + 1 + j * ldc] += alpha * s10;
      c[cOffset + i + 1 + (j + 1) * ldc] += alpha * s11;
    }
    for (; i < m; i++) {
      const a0 = aOffset + i * lda;
      let s0 = 0;
      let s1 = 0;
      for (let p = 0; p < depth; p++) {
        s0 += a[a0 + p] * b[b0 + p];
        s1 += a[a0 + p] * b[b1 + p];
      }
      c[cOffset + i + j * ldc] += alpha * s0;
      c[cOffset + i + (j + 1) * ldc] += alpha * s1;
    }
  }
  for (; j < n; j++) {
    const b0 = bOffset + j * ldb;
    for (let i = 0; i < m; i++) {
      const a0 = aOffset + i * lda;
      let s = 0;
      for (let p = 0; p < depth; p++) s += a[a0 + p] * b[b0 + p];
      c[cOffset + i + j * ldc] += alpha * s;
    }
  }
}

/** Copies the transpose of an r×s block (leading dimension ld) into a dense s×r array. */
function transposed(
  x: Float64Array,
  offset: number,
  ld: number,
  r: number,
  s: number,
): Float64Array {
  const result = new Float64Array(r * s);
  for (let q = 0; q < s; q++)
    for (let p = 0; p < r; p++) result[q + p * s] = x[offset + p + q * ld];
  return result;
}

export const typescriptKernels: DenseKernels = {
  gemm(
    transposeA,
    transposeB,
    m,
    n,
    depth,
    alpha,
    a,
    aOffset,
    lda,
    b,
    bOffset,
    ldb,
    beta,
    c,
    cOffset,
    ldc,
  ) {
    for (let j = 0; j < n; j++) scale(c, cOffset + j * ldc, m, beta);
    if (m === 0 || n === 0 || depth === 0 || alpha === 0) return;
    if (!transposeA && !transposeB) {
      gemmPlain(m, n, depth, alpha, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
    } else if (transposeA && !transposeB) {
      gemmTransposeA(m, n, depth, alpha, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
    } else if (!transposeA && transposeB) {
      // Bᵀ copied once (n·depth) so the inner loop stays contiguous.
      const bt = transposed(b, bOffset, ldb, n, depth);
      gemmPlain(m, n, depth, alpha, a, aOffset, lda, bt, 0, depth, c, cOffset, ldc);
    } else {
      const at = transposed(a, aOffset, lda, depth, m);
      const bt = transposed(b, bOffset, ldb, n, depth);
      gemmPlain(m, n, depth, alpha, at, 0, m, bt, 0, depth, c, cOffset, ldc);
    }
  },

  gemv(transposeA, m, n, alpha, a, aOffset, lda, x, xOffset, beta, y, yOffset) {
    if (transposeA) {
      for (let j = 0; j < n; j++) {
        const aj = aOffset + j * lda;
        let s = 0;
        for (let i = 0; i < m; i++) s += a[aj + i] * x[xOffset + i];
        y[yOffset + j] = (beta === 0 ? 0 : beta * y[yOffset + j]) + alpha * s;
      }
    } else {
      scale(y, yOffset, m, beta);
      let j = 0;
      for (; j + 3 < n; j += 4) {
        const x0 = alpha * x[xOffset + j];
        const x1 = alpha * x[xOffset + j + 1];
        const x2 = alpha * x[xOffset + j + 2];
        const x3 = alpha * x[xOffset + j + 3];
        const a0 = aOffset + j * lda;
        const a1 = a0 + lda;
        const a2 = a1 + lda;
        const a3 = a2 + lda;
        for (let i = 0; i < m; i++) {
          y[yOffset + i] += a[a0 + i] * x0 + a[a1 + i] * x1 + a[a2 + i] * x2 + a[a3 + i] * x3;
        }
      }
      for (; j < n; j++) {
        const t = alpha * x[xOffset + j];
        if (t === 0) continue;
        const aj = aOffset + j * lda;
        for (let i = 0; i < m; i++) y[yOffset + i] += a[aj + i] * t;
      }
    }
  },

  applyReflectorLeft(m, n, v, vOffset, tau, a, aOffset, lda) {
    if (tau === 0 || n === 0) return;
    // Software-pipelined: column j's dot product shares a loop (and the loads of v) with the
    // update of column j − 1, while both columns sit in cache.
    let previous = -1;
    let previousScale = 0;
    for (let j = 0; j < n; j++) {
      const aj = aOffset + j * lda;
      let s = 0;
      if (previousScale !== 0) {
        for (let i = 0; i < m; i++) {
          const vi = v[vOffset + i];
          a[previous + i] -= previousScale * vi;
          s += vi * a[aj + i];
        }
      } else {
        for (let i = 0; i < m; i++) s += v[vOffset + i] * a[aj + i];
      }
      previous = aj;
      previousScale = tau * s;
    }
    if (previousScale !== 0) {
      for (let i = 0; i < m; i++) a[previous + i] -= previousScale * v[vOffset + i];
    }
  },

  applyReflectorsLeft(m, n, count, vectors, vectorLd, starts, taus, a, aOffset, lda, firstColumn) {
    for (let j = 0; j < n; j++) {
      const aj = aOffset + j * lda;
      const column = firstColumn + j;
      // Pipelined like applyReflectorLeft: reflector r's dot product runs in the loop that applies
      // reflector r − 1; the stored zeros above each start make the shared row range safe.
      let pending = -1;
      let pendingStart = m;
      let pendingScale = 0;
      for (let r = 0; r < count; r++) {
        const start = starts[r];
        const tau = taus[r];
        if (start > column || tau === 0) continue;
        const v = r * vectorLd;
        let s = 0;
        if (pendingScale !== 0) {
          const p = pending * vectorLd;
          for (let i = Math.min(start, pendingStart); i < m; i++) {
            const x = a[aj + i] - pendingScale * vectors[p + i];
            a[aj + i] = x;
            s += vectors[v + i] * x;
          }
        } else {
          for (let i = start; i < m; i++) s += vectors[v + i] * a[aj + i];
        }
        pending = r;
        pendingStart = start;
        pendingScale = tau * s;
      }
      if (pendingScale !== 0) {
        const p = pending * vectorLd;
        for (let i = pendingStart; i < m; i++) a[aj + i] -= pendingScale * vectors[p + i];
      }
    }
  },

  updateThenReflectLeft(
    m,
    n,
    w,
    wOffset,
    factors,
    factorsOffset,
    v,
    vOffset,
    tau,
    a,
    aOffset,
    lda,
  ) {
    // Software-pipelined: while column j gets its rank-one update and its dot product with v,
    // column j − 1 receives the reflector in the same loop (v is loaded once for both).
    let previous = -1;
    let previousScale = 0;
    for (let j = 0; j < n; j++) {
      const aj = aOffset + j * lda;
      const factor = factors === null ? 0 : factors[factorsOffset + j];
      let s = 0;
      if (previousScale !== 0) {
        for (let i = 0; i < m; i++) {
          const vi = v[vOffset + i];
          a[previous + i] -= previousScale * vi;
          const t = a[aj + i] - factor * w[wOffset + i];
          a[aj + i] = t;
          s += vi * t;
        }
      } else if (factor !== 0) {
        for (let i = 0; i < m; i++) {
          const t = a[aj + i] - factor * w[wOffset + i];
          a[aj + i] = t;
          s += v[vOffset + i] * t;
        }
      } else {
        for (let i = 0; i < m; i++) s += v[vOffset + i] * a[aj + i];
      }
      previous = aj;
      previousScale = tau * s;
    }
    if (previousScale !== 0) {
      for (let i = 0; i < m; i++) a[previous + i] -= previousScale * v[vOffset + i];
    }
  },

  applyReflectorRight(m, n, v, vOffset, tau, a, aOffset, lda, work) {
    if (tau === 0) return;
    work.fill(0, 0, m);
    for (let j = 0; j < n; j++) {
      const t = v[vOffset + j];
      if (t === 0) continue;
      const aj = aOffset + j * lda;
      for (let i = 0; i < m; i++) work[i] += a[aj + i] * t;
    }
    for (let j = 0; j < n; j++) {
      const t = tau * v[vOffset + j];
      if (t === 0) continue;
      const aj = aOffset + j * lda;
      for (let i = 0; i < m; i++) a[aj + i] -= work[i] * t;
    }
  },

  rotate(data, xOffset, yOffset, length, c, s) {
    for (let i = 0; i < length; i++) {
      const x = data[xOffset + i];
      const y = data[yOffset + i];
      data[xOffset + i] = c * x + s * y;
      data[yOffset + i] = c * y - s * x;
    }
  },

  rotationSweep(data, m, ld, first, count, cosines, sines) {
    // Row blocks keep the slice of every touched column in cache for the whole sweep.
    const rowBlock = 64;
    for (let i0 = 0; i0 < m; i0 += rowBlock) {
      const i1 = Math.min(m, i0 + rowBlock);
      for (let r = 0; r < count; r++) {
        const c = cosines[r];
        const s = sines[r];
        if (c === 1 && s === 0) continue;
        const x0 = (first + r) * ld;
        const y0 = x0 + ld;
        for (let i = i0; i < i1; i++) {
          const x = data[x0 + i];
          const y = data[y0 + i];
          data[x0 + i] = c * x + s * y;
          data[y0 + i] = c * y - s * x;
        }
      }
    }
  },

  rotationSweeps(data, m, ld, sweepCount, firsts, counts, offsets, cosines, sines) {
    const rowBlock = 32;
    for (let i0 = 0; i0 < m; i0 += rowBlock) {
      const i1 = Math.min(m, i0 + rowBlock);
      for (let sweep = 0; sweep < sweepCount; sweep++) {
        const offset = offsets[sweep];
        const count = counts[sweep];
        let x0 = firsts[sweep] * ld;
        let r = 0;
        // Two neighbouring rotations share a column: fused, it stays in a register.
        for (; r + 1 < count; r += 2, x0 += 2 * ld) {
          const c1 = cosines[offset + r];
          const s1 = sines[offset + r];
          const c2 = cosines[offset + r + 1];
          const s2 = sines[offset + r + 1];
          const y0 = x0 + ld;
          const z0 = y0 + ld;
          for (let i = i0; i < i1; i++) {
            const x = data[x0 + i];
            const y = data[y0 + i];
            const z = data[z0 + i];
            const yRotated = c1 * y - s1 * x;
            data[x0 + i] = c1 * x + s1 * y;
            data[y0 + i] = c2 * yRotated + s2 * z;
            data[z0 + i] = c2 * z - s2 * yRotated;
          }
        }
        if (r < count) {
          const c = cosines[offset + r];
          const s = sines[offset + r];
          const y0 = x0 + ld;
          for (let i = i0; i < i1; i++) {
            const x = data[x0 + i];
            const y = data[y0 + i];
            data[x0 + i] = c * x + s * y;
            data[y0 + i] = c * y - s * x;
          }
        }
      }
    }
  },

  dot(length, x, xOffset, y, yOffset) {
    let s = 0;
    for (let i = 0; i < length; i++) s += x[xOffset + i] * y[yOffset + i];
    return s;
  },

  axpy(length, alpha, x, xOffset, y, yOffset) {
    if (alpha === 0) return;
    for (let i = 0; i < length; i++) y[yOffset + i] += alpha * x[xOffset + i];
  },

  chaseBand: chaseBandSweeps,

  pivotedPanelStep: pivotedPanelStepLoops,

  luBlock(m, left, width, right, a, aOffset, lda, pivots, pivotsOffset) {
    luBlockLoops(
      typescriptKernels.gemm,
      m,
      left,
      width,
      right,
      a,
      aOffset,
      lda,
      pivots,
      pivotsOffset,
    );
  },
};
