// The kernels a thread team splits, and how: each task is cut into `parts` pieces that touch
// disjoint columns (or rows) of the output, and part k runs on thread k. Leader and helpers call
// the same function, so the split is defined once. Pieces keep the one-thread kernel's order of
// operations on every entry (row pieces start on even rows for the two-lane loops), so a
// threaded result equals the one-thread result bit for bit.
import type { WasmKernelExports } from '../kernels/wasm-module';

export const task = {
  gemm: 1,
  gemv: 2,
  gemvTranspose: 3,
  applyReflectorLeft: 4,
  applyReflectorsLeft: 5,
  updateThenReflectLeft: 6,
  rotationSweep: 7,
  rotationSweeps: 8,
  chaseBand: 9,
  pivotedPanelStep: 10,
} as const;

/** Tasks whose threads wait for each other (a pipeline): they need threads that run at once. */
export function needsConcurrency(code: number): boolean {
  return code === task.chaseBand;
}

/** [start, end) of piece `part` of `length` items cut into `parts` pieces starting on multiples of `align`. */
export function pieceOf(
  length: number,
  part: number,
  parts: number,
  align: number,
): [number, number] {
  const size = Math.ceil(Math.ceil(length / parts) / align) * align;
  const start = Math.min(length, part * size);
  return [start, Math.min(length, start + size)];
}

const bytes = 8;

/** Runs piece `part` of the task whose arguments are in `args` (args[0] is the task). */
export function runTaskPart(
  kernels: WasmKernelExports,
  args: Float64Array,
  part: number,
  parts: number,
): void {
  switch (args[0]) {
    case task.gemm: {
      // args: task, tA, tB, m, n, depth, alpha, a, lda, b, ldb, c, ldc, scratch, slotDoubles, byRows
      const [, tA, tB, m, n, depth, alpha, a, lda, b, ldb, c, ldc, scratch, slotDoubles, byRows] =
        args;
      const slot = scratch + part * slotDoubles * bytes;
      if (byRows) {
        const [i0, i1] = pieceOf(m, part, parts, 8);
        if (i0 >= i1) return;
        const aPiece = a + (tA ? i0 * lda : i0) * bytes;
        kernels.gemm(
          tA,
          tB,
          i1 - i0,
          n,
          depth,
          alpha,
          aPiece,
          lda,
          b,
          ldb,
          c + i0 * bytes,
          ldc,
          slot,
          slotDoubles,
        );
      } else {
        const [j0, j1] = pieceOf(n, part, parts, 2);
        if (j0 >= j1) return;
        const bPiece = b + (tB ? j0 : j0 * ldb) * bytes;
        kernels.gemm(
          tA,
          tB,
          m,
          j1 - j0,
          depth,
          alpha,
          a,
          lda,
          bPiece,
          ldb,
          c + j0 * ldc * bytes,
          ldc,
          slot,
          slotDoubles,
        );
      }
      return;
    }
    case task.gemv: {
      const [, m, n, alpha, a, lda, x, y] = args;
      const [i0, i1] = pieceOf(m, part, parts, 2);
      if (i0 < i1) kernels.gemvPlain(i1 - i0, n, alpha, a + i0 * bytes, lda, x, y + i0 * bytes);
      return;
    }
    case task.gemvTranspose: {
      const [, m, n, alpha, a, lda, x, beta, y] = args;
      // Whole groups of four columns: the kernel sums a group and a lone column differently.
      const [j0, j1] = pieceOf(n, part, parts, 4);
      if (j0 < j1) {
        kernels.gemvTranspose(
          m,
          j1 - j0,
          alpha,
          a + j0 * lda * bytes,
          lda,
          x,
          beta,
          y + j0 * bytes,
        );
      }
      return;
    }
    case task.applyReflectorLeft: {
      const [, m, n, v, tau, a, lda] = args;
      const [j0, j1] = pieceOf(n, part, parts, 1);
      if (j0 < j1) kernels.applyReflectorLeft(m, j1 - j0, v, tau, a + j0 * lda * bytes, lda);
      return;
    }
    case task.applyReflectorsLeft: {
      const [, m, n, count, vectors, vectorLd, starts, taus, a, lda, firstColumn] = args;
      const [j0, j1] = pieceOf(n, part, parts, 1);
      if (j0 < j1) {
        kernels.applyReflectorsLeft(
          m,
          j1 - j0,
          count,
          vectors,
          vectorLd,
          starts,
          taus,
          a + j0 * lda * bytes,
          lda,
          firstColumn + j0,
        );
      }
      return;
    }
    case task.updateThenReflectLeft: {
      const [, m, n, w, factors, v, tau, a, lda] = args;
      const [j0, j1] = pieceOf(n, part, parts, 1);
      if (j0 < j1) {
        kernels.updateThenReflectLeft(
          m,
          j1 - j0,
          w,
          factors === 0 ? 0 : factors + j0 * bytes,
          v,
          tau,
          a + j0 * lda * bytes,
          lda,
        );
      }
      return;
    }
    case task.rotationSweep: {
      const [, data, m, ld, first, count, cosines, sines] = args;
      const [i0, i1] = pieceOf(m, part, parts, 2);
      if (i0 < i1)
        kernels.rotationSweep(data + i0 * bytes, i1 - i0, ld, first, count, cosines, sines);
      return;
    }
    case task.rotationSweeps: {
      const [, data, m, ld, sweepCount, firsts, counts, offsets, cosines, sines] = args;
      const [i0, i1] = pieceOf(m, part, parts, 2);
      if (i0 < i1) {
        kernels.rotationSweeps(
          data + i0 * bytes,
          i1 - i0,
          ld,
          sweepCount,
          firsts,
          counts,
          offsets,
          cosines,
          sines,
        );
      }
      return;
    }
    case task.pivotedPanelStep: {
      const [, m, n, k, a, lda, v, row, tau, aux, f, ldf, partial, exact, downdate] = args;
      // Whole groups of four columns, as the kernel sums them.
      const [j0, j1] = pieceOf(n, part, parts, 4);
      if (j0 < j1) {
        kernels.pivotedPanelStep(
          m,
          j1 - j0,
          k,
          a + j0 * lda * bytes,
          lda,
          v,
          row,
          tau,
          aux,
          f + j0 * bytes,
          ldf,
          partial + j0 * bytes,
          exact + j0 * bytes,
          downdate,
        );
      }
      return;
    }
    case task.chaseBand: {
      // Not split into pieces: every thread takes its share of the sweeps, pipelined.
      const [, band, n, b, ld, firstSweep, lastSweep, work, progress] = args;
      const own = work + part * 3 * b * bytes;
      kernels.chaseBandTeam(band, n, b, ld, firstSweep, lastSweep, own, progress, part, parts);
      return;
    }
    default:
      throw new Error(`unknown team task ${args[0]}`);
  }
}
