// The WebAssembly SIMD tier behind the DenseKernels interface. A call runs in WebAssembly when
// every array it touches lives in the memory of one kernel instance (a workspace); otherwise it
// runs the TypeScript loops. Large products of ordinary arrays are staged into a memory of their
// own (staging.ts).
import type { DenseKernels } from './dense-kernels';
import { scaleColumns, stageProduct, stagingFlops, unstageProduct } from './staging';
import {
  instanceOwning,
  scratchSlot,
  type WasmKernelExports,
  type WasmKernelInstance,
} from './wasm-module';

/** Byte address of element `offset` of an array inside a kernel memory. */
export function address(array: Float64Array | Int32Array, offset: number): number {
  return array.byteOffset + offset * array.BYTES_PER_ELEMENT;
}

/** The instance whose memory holds every one of the arrays, if there is one. */
export function commonInstance(
  first: ArrayBufferView,
  ...others: ArrayBufferView[]
): WasmKernelInstance | undefined {
  const instance = instanceOwning(first);
  if (!instance) return undefined;
  for (const other of others) if (other.buffer !== instance.buffer) return undefined;
  return instance;
}

function owner(
  first: ArrayBufferView,
  ...others: ArrayBufferView[]
): WasmKernelExports | undefined {
  return commonInstance(first, ...others)?.exports;
}

type PivotedStep = Parameters<DenseKernels['pivotedPanelStep']>;

/** The arrays a pivoted panel step touches (they must share one memory to run in WebAssembly). */
export function pivotedStepArrays(step: PivotedStep): [Float64Array, ...Float64Array[]] {
  return [step[3], step[9], step[11], step[14], step[15]];
}

/** A pivoted panel step's arguments as the kernel takes them: byte addresses, a downdate flag. */
export function pivotedStepAddresses(
  step: PivotedStep,
): Parameters<WasmKernelExports['pivotedPanelStep']> {
  const [m, n, k, a, aOffset, lda, vOffset, rowOffset, tau, aux, auxOffset, f, fOffset, ldf] = step;
  const [partialNorms, exactNorms, normsOffset] = [step[14], step[15], step[16]];
  return [
    m,
    n,
    k,
    address(a, aOffset),
    lda,
    address(a, vOffset),
    address(a, rowOffset),
    tau,
    address(aux, auxOffset),
    address(f, fOffset),
    ldf,
    address(partialNorms, normsOffset),
    address(exactNorms, normsOffset),
    m > 1 ? 1 : 0,
  ];
}

export function createWasmKernels(fallback: DenseKernels): DenseKernels {
  return {
    gemm(tA, tB, m, n, depth, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc) {
      const direct = commonInstance(a, b, c);
      if (direct) {
        scaleColumns(c, cOffset, ldc, m, n, beta);
        direct.exports.gemm(
          tA ? 1 : 0,
          tB ? 1 : 0,
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
          scratchSlot(direct, 0),
          direct.slotDoubles,
        );
        return;
      }
      const staged =
        2 * m * n * depth >= stagingFlops && alpha !== 0
          ? stageProduct(
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
              1,
            )
          : undefined;
      if (!staged) {
        fallback.gemm(
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
        return;
      }
      staged.instance.exports.gemm(
        tA ? 1 : 0,
        tB ? 1 : 0,
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
        scratchSlot(staged.instance, 0),
        staged.instance.slotDoubles,
      );
      unstageProduct(staged, m, n, c, cOffset, ldc);
    },

    gemv(tA, m, n, alpha, a, aOffset, lda, x, xOffset, beta, y, yOffset) {
      const direct = owner(a, x, y);
      if (!direct) {
        fallback.gemv(tA, m, n, alpha, a, aOffset, lda, x, xOffset, beta, y, yOffset);
      } else if (tA) {
        direct.gemvTranspose(
          m,
          n,
          alpha,
          address(a, aOffset),
          lda,
          address(x, xOffset),
          beta,
          address(y, yOffset),
        );
      } else {
        scaleColumns(y, yOffset, m, m, 1, beta);
        direct.gemvPlain(
          m,
          n,
          alpha,
          address(a, aOffset),
          lda,
          address(x, xOffset),
          address(y, yOffset),
        );
      }
    },

    applyReflectorLeft(m, n, v, vOffset, tau, a, aOffset, lda) {
      const direct = owner(v, a);
      if (direct)
        direct.applyReflectorLeft(m, n, address(v, vOffset), tau, address(a, aOffset), lda);
      else fallback.applyReflectorLeft(m, n, v, vOffset, tau, a, aOffset, lda);
    },

    pivotedPanelStep(...step) {
      const direct = owner(...pivotedStepArrays(step));
      if (direct) direct.pivotedPanelStep(...pivotedStepAddresses(step));
      else fallback.pivotedPanelStep(...step);
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
      const direct = owner(vectors, starts, taus, a);
      if (direct) {
        direct.applyReflectorsLeft(
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
        );
      } else {
        fallback.applyReflectorsLeft(
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
      }
    },

    applyReflectorRight(m, n, v, vOffset, tau, a, aOffset, lda, work) {
      const direct = owner(v, a, work);
      if (!direct || tau === 0) {
        fallback.applyReflectorRight(m, n, v, vOffset, tau, a, aOffset, lda, work);
        return;
      }
      // work = A·v, then A −= tau·work·vᵀ (a rank-one product of depth 1).
      work.fill(0, 0, m);
      direct.gemvPlain(m, n, 1, address(a, aOffset), lda, address(v, vOffset), address(work, 0));
      direct.gemmPlain(
        m,
        n,
        1,
        -tau,
        address(work, 0),
        m,
        address(v, vOffset),
        1,
        address(a, aOffset),
        lda,
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
      const direct = factors ? owner(w, factors, v, a) : owner(w, v, a);
      if (direct) {
        direct.updateThenReflectLeft(
          m,
          n,
          address(w, wOffset),
          factors ? address(factors, factorsOffset) : 0,
          address(v, vOffset),
          tau,
          address(a, aOffset),
          lda,
        );
      } else {
        fallback.updateThenReflectLeft(
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
      }
    },

    rotate(data, xOffset, yOffset, length, c, s) {
      const direct = owner(data);
      if (direct) direct.rotate(length, address(data, xOffset), address(data, yOffset), c, s);
      else fallback.rotate(data, xOffset, yOffset, length, c, s);
    },

    rotationSweep(data, m, ld, first, count, cosines, sines) {
      const direct = owner(data, cosines, sines);
      if (direct) {
        direct.rotationSweep(
          address(data, 0),
          m,
          ld,
          first,
          count,
          address(cosines, 0),
          address(sines, 0),
        );
      } else {
        fallback.rotationSweep(data, m, ld, first, count, cosines, sines);
      }
    },

    rotationSweeps(data, m, ld, sweepCount, firsts, counts, offsets, cosines, sines) {
      const direct = owner(data, firsts, counts, offsets, cosines, sines);
      if (direct) {
        direct.rotationSweeps(
          address(data, 0),
          m,
          ld,
          sweepCount,
          address(firsts, 0),
          address(counts, 0),
          address(offsets, 0),
          address(cosines, 0),
          address(sines, 0),
        );
      } else {
        fallback.rotationSweeps(data, m, ld, sweepCount, firsts, counts, offsets, cosines, sines);
      }
    },

    dot(length, x, xOffset, y, yOffset) {
      const direct = owner(x, y);
      return direct
        ? direct.dot(length, address(x, xOffset), address(y, yOffset))
        : fallback.dot(length, x, xOffset, y, yOffset);
    },

    axpy(length, alpha, x, xOffset, y, yOffset) {
      const direct = owner(x, y);
      if (direct) direct.axpy(length, alpha, address(x, xOffset), address(y, yOffset));
      else fallback.axpy(length, alpha, x, xOffset, y, yOffset);
    },

    luBlock(m, left, width, right, a, aOffset, lda, pivots, pivotsOffset) {
      const direct = commonInstance(a, pivots);
      if (direct) {
        direct.exports.luBlock(
          m,
          left,
          width,
          right,
          address(a, aOffset),
          lda,
          address(pivots, pivotsOffset),
          scratchSlot(direct, 0),
          direct.slotDoubles,
        );
      } else {
        fallback.luBlock(m, left, width, right, a, aOffset, lda, pivots, pivotsOffset);
      }
    },

    chaseBand(band, n, b, ld, firstSweep, lastSweep, work) {
      const direct = owner(band, work);
      if (direct) {
        direct.chaseBand(address(band, 0), n, b, ld, firstSweep, lastSweep, address(work, 0));
      } else {
        fallback.chaseBand(band, n, b, ld, firstSweep, lastSweep, work);
      }
    },
  };
}
