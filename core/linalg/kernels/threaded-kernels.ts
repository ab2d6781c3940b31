// The threaded form of the WebAssembly tier: while a thread team works for the job, a large
// kernel call on arrays in one shared memory is split over the team (core/linalg/threads), each
// thread on its own columns or rows; everything else, and every call when there is no team, goes
// to the one-thread kernels underneath. Products of ordinary arrays are staged into a shared
// memory first when they are large enough to pay for the copy.
import type { DenseKernels } from './dense-kernels';
import { activeTeam, type ThreadTeam } from '../threads/thread-team';
import { task } from '../threads/team-tasks';
import { chaseWorkDoubles } from './band-chase';
import { scaleColumns, stageProduct, stagingFlops, unstageProduct } from './staging';
import { address, commonInstance, pivotedStepAddresses, pivotedStepArrays } from './wasm-kernels';
import { instanceOwning, type WasmKernelInstance } from './wasm-module';

/** A product worth splitting: about 150 µs on one thread; the fork–join costs a few µs. */
const splitFlops = 1 << 21;
/** A memory-bound kernel worth splitting: 512 KB of matrix touched. */
const splitEntries = 1 << 16;

/** The team, when there is one with helpers and the call is big enough to share. */
function teamFor(work: number, threshold: number): ThreadTeam | undefined {
  const team = activeTeam();
  return team && team.size > 1 && work >= threshold ? team : undefined;
}

/** The shared instance holding every array, if there is one. */
function sharedInstance(
  first: ArrayBufferView,
  ...others: ArrayBufferView[]
): WasmKernelInstance | undefined {
  const instance = commonInstance(first, ...others);
  return instance?.shared ? instance : undefined;
}

/** The arguments of a split product (see team-tasks.ts), addresses in the instance's memory. */
function gemmTask(
  tA: boolean,
  tB: boolean,
  m: number,
  n: number,
  depth: number,
  alpha: number,
  a: number,
  lda: number,
  b: number,
  ldb: number,
  c: number,
  ldc: number,
  instance: WasmKernelInstance,
  byRows: boolean,
): number[] {
  const flags = [tA ? 1 : 0, tB ? 1 : 0];
  const layout = [instance.scratch, instance.slotDoubles, byRows ? 1 : 0];
  return [task.gemm, ...flags, m, n, depth, alpha, a, lda, b, ldb, c, ldc, ...layout];
}

export function createThreadedKernels(inner: DenseKernels): DenseKernels {
  return {
    ...inner,

    gemm(tA, tB, m, n, depth, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc) {
      const team = alpha === 0 ? undefined : teamFor(2 * m * n * depth, splitFlops);
      // Few columns (a sketch A·Ω): split the rows, so each thread reads only its rows of A.
      const byRows = m >= 2 * n;
      const instance = team && sharedInstance(a, b, c);
      if (team && instance) {
        scaleColumns(c, cOffset, ldc, m, n, beta);
        const args = gemmTask(
          tA,
          tB,
          m,
          n,
          depth,
          alpha,
          address(a, aOffset),
          lda,
          address(b, bOffset),
          ldb,
          address(c, cOffset),
          ldc,
          instance,
          byRows,
        );
        if (team.run(instance, args)) return;
        inner.gemm(
          tA,
          tB,
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
          1,
          c,
          cOffset,
          ldc,
        );
        return;
      }
      const ordinary = !instanceOwning(a) && !instanceOwning(b) && !instanceOwning(c);
      if (team && ordinary && 2 * m * n * depth >= stagingFlops) {
        // Large products of ordinary arrays: one copy into a shared memory, then split.
        const staged = stageProduct(
          tA,
          tB,
          m,
          n,
          depth,
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
          team.size,
        );
        const args =
          staged &&
          gemmTask(
            tA,
            tB,
            m,
            n,
            depth,
            alpha,
            staged.a,
            staged.lda,
            staged.b,
            staged.ldb,
            staged.c,
            staged.ldc,
            staged.instance,
            byRows,
          );
        if (staged && args && team.run(staged.instance, args)) {
          unstageProduct(staged, m, n, c, cOffset, ldc);
          return;
        }
      }
      inner.gemm(
        tA,
        tB,
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
      );
    },

    gemv(tA, m, n, alpha, a, aOffset, lda, x, xOffset, beta, y, yOffset) {
      const team = teamFor(m * n, splitEntries);
      const instance = team && sharedInstance(a, x, y);
      if (team && instance) {
        if (tA) {
          const args = [
            task.gemvTranspose,
            m,
            n,
            alpha,
            address(a, aOffset),
            lda,
            address(x, xOffset),
            beta,
            address(y, yOffset),
          ];
          if (team.run(instance, args)) return;
        } else {
          scaleColumns(y, yOffset, m, m, 1, beta);
          const args = [
            task.gemv,
            m,
            n,
            alpha,
            address(a, aOffset),
            lda,
            address(x, xOffset),
            address(y, yOffset),
          ];
          if (team.run(instance, args)) return;
          inner.gemv(tA, m, n, alpha, a, aOffset, lda, x, xOffset, 1, y, yOffset);
          return;
        }
      }
      inner.gemv(tA, m, n, alpha, a, aOffset, lda, x, xOffset, beta, y, yOffset);
    },

    applyReflectorLeft(m, n, v, vOffset, tau, a, aOffset, lda) {
      const team = tau === 0 ? undefined : teamFor(m * n, splitEntries);
      const instance = team && sharedInstance(v, a);
      const args = instance && [
        task.applyReflectorLeft,
        m,
        n,
        address(v, vOffset),
        tau,
        address(a, aOffset),
        lda,
      ];
      if (team && instance && args && team.run(instance, args)) return;
      inner.applyReflectorLeft(m, n, v, vOffset, tau, a, aOffset, lda);
    },

    pivotedPanelStep(...step) {
      const [m, n] = step;
      // One fork–join per column: it pays now that the threads spin between tasks (pivoted QR
      // of 1024² on two threads 200 → 141 ms; it never paid while each join woke a sleeper).
      const team = teamFor(m * n, splitEntries);
      const instance = team && sharedInstance(...pivotedStepArrays(step));
      const args = instance && [task.pivotedPanelStep, ...pivotedStepAddresses(step)];
      if (team && instance && args && team.run(instance, args)) return;
      inner.pivotedPanelStep(...step);
    },

    applyReflectorsLeft(
      m,
      n,
      count,
      vectors,
      vectorLd,
      starts,
      taus,
      a,
      aOffset,
      lda,
      firstColumn,
    ) {
      const team = teamFor(m * n * count, splitEntries * 4);
      const instance = team && sharedInstance(vectors, starts, taus, a);
      const args = instance && [
        task.applyReflectorsLeft,
        m,
        n,
        count,
        address(vectors, 0),
        vectorLd,
        address(starts, 0),
        address(taus, 0),
        address(a, aOffset),
        lda,
        firstColumn,
      ];
      if (team && instance && args && team.run(instance, args)) return;
      inner.applyReflectorsLeft(
        m,
        n,
        count,
        vectors,
        vectorLd,
        starts,
        taus,
        a,
        aOffset,
        lda,
        firstColumn,
      );
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
      const team = teamFor(m * n, splitEntries);
      const instance =
        team && (factors ? sharedInstance(w, factors, v, a) : sharedInstance(w, v, a));
      const args = instance && [
        task.updateThenReflectLeft,
        m,
        n,
        address(w, wOffset),
        factors ? address(factors, factorsOffset) : 0,
        address(v, vOffset),
        tau,
        address(a, aOffset),
        lda,
      ];
      if (team && instance && args && team.run(instance, args)) return;
      inner.updateThenReflectLeft(
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
      );
    },

    rotationSweep(data, m, ld, first, count, cosines, sines) {
      const team = teamFor(m * count, splitEntries);
      const instance = team && sharedInstance(data, cosines, sines);
      const args = instance && [
        task.rotationSweep,
        address(data, 0),
        m,
        ld,
        first,
        count,
        address(cosines, 0),
        address(sines, 0),
      ];
      if (team && instance && args && team.run(instance, args)) return;
      inner.rotationSweep(data, m, ld, first, count, cosines, sines);
    },

    rotationSweeps(data, m, ld, sweepCount, firsts, counts, offsets, cosines, sines) {
      let rotations = 0;
      for (let sweep = 0; sweep < sweepCount; sweep++) rotations += counts[sweep];
      const team = teamFor(m * rotations, splitEntries);
      const instance = team && sharedInstance(data, firsts, counts, offsets, cosines, sines);
      const args = instance && [
        task.rotationSweeps,
        address(data, 0),
        m,
        ld,
        sweepCount,
        address(firsts, 0),
        address(counts, 0),
        address(offsets, 0),
        address(cosines, 0),
        address(sines, 0),
      ];
      if (team && instance && args && team.run(instance, args)) return;
      inner.rotationSweeps(data, m, ld, sweepCount, firsts, counts, offsets, cosines, sines);
    },

    chaseBand(band, n, b, ld, firstSweep, lastSweep, work) {
      const team = teamFor((lastSweep - firstSweep) * n * b, splitEntries * 4);
      const instance = team && sharedInstance(band, work);
      if (team && instance && work.length >= chaseWorkDoubles(b, team.size)) {
        // Each thread starts as if it had just finished the sweep `threads` before its first.
        const progressAt = team.size * 3 * b;
        const progress = new Int32Array(
          work.buffer,
          work.byteOffset + progressAt * 8,
          2 * team.size,
        );
        for (let thread = 0; thread < team.size; thread++) {
          progress[2 * thread] = firstSweep + thread - team.size;
          progress[2 * thread + 1] = 0x7fffffff;
        }
        const args = [
          task.chaseBand,
          address(band, 0),
          n,
          b,
          ld,
          firstSweep,
          lastSweep,
          address(work, 0),
          address(work, progressAt),
        ];
        if (team.run(instance, args)) return;
      }
      inner.chaseBand(band, n, b, ld, firstSweep, lastSweep, work);
    },
  };
}
