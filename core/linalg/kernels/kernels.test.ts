import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gaussianMatrix } from '../random';
import { kernels } from './kernels';

/** op(A)·op(B) entry by entry, the definition. */
function naiveProduct(
  transposeA: boolean,
  transposeB: boolean,
  m: number,
  n: number,
  depth: number,
  a: Float64Array,
  lda: number,
  b: Float64Array,
  ldb: number,
): Float64Array {
  const c = new Float64Array(m * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let p = 0; p < depth; p++) {
        const x = transposeA ? a[p + i * lda] : a[i + p * lda];
        const y = transposeB ? b[j + p * ldb] : b[p + j * ldb];
        s += x * y;
      }
      c[i + j * m] = s;
    }
  }
  return c;
}

describe('dense kernels', () => {
  it('gemm matches the definition for every transpose combination, alpha and beta (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 0, max: 300 }),
        fc.boolean(),
        fc.boolean(),
        fc.nat(),
        (m, n, depth, transposeA, transposeB, seed) => {
          const lda = (transposeA ? depth : m) + 1;
          const ldb = (transposeB ? n : depth) + 2;
          const a = gaussianMatrix(lda, transposeA ? m : depth, seed).data;
          const b = gaussianMatrix(ldb, transposeB ? depth : n, seed + 1).data;
          const c0 = gaussianMatrix(m, n, seed + 2).data;
          const c = c0.slice();
          kernels.gemm(transposeA, transposeB, m, n, depth, 2, a, 0, lda, b, 0, ldb, 0.5, c, 0, m);
          const expected = naiveProduct(transposeA, transposeB, m, n, depth, a, lda, b, ldb);
          for (let k = 0; k < m * n; k++) {
            expect(c[k]).toBeCloseTo(2 * expected[k] + 0.5 * c0[k], 9);
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it('gemv matches gemm with one column', () => {
    const a = gaussianMatrix(7, 5, 1).data;
    const x = gaussianMatrix(7, 1, 2).data;
    const y = new Float64Array(5);
    kernels.gemv(true, 7, 5, 1, a, 0, 7, x, 0, 0, y, 0);
    const expected = naiveProduct(true, false, 5, 1, 7, a, 7, x, 7);
    for (let j = 0; j < 5; j++) expect(y[j]).toBeCloseTo(expected[j], 13);
  });

  it('reflectors are orthogonal: applying one twice restores the matrix', () => {
    const v = gaussianMatrix(6, 1, 3).data;
    const norm2 = kernels.dot(6, v, 0, v, 0);
    const tau = 2 / norm2;
    const a = gaussianMatrix(6, 4, 4).data;
    const original = a.slice();
    kernels.applyReflectorLeft(6, 4, v, 0, tau, a, 0, 6);
    expect(Math.abs(a[0] - original[0])).toBeGreaterThan(0);
    kernels.applyReflectorLeft(6, 4, v, 0, tau, a, 0, 6);
    for (let k = 0; k < a.length; k++) expect(a[k]).toBeCloseTo(original[k], 13);
    const b = gaussianMatrix(4, 6, 5).data;
    const bOriginal = b.slice();
    const work = new Float64Array(4);
    kernels.applyReflectorRight(4, 6, v, 0, tau, b, 0, 4, work);
    kernels.applyReflectorRight(4, 6, v, 0, tau, b, 0, 4, work);
    for (let k = 0; k < b.length; k++) expect(b[k]).toBeCloseTo(bOriginal[k], 13);
  });

  it('a rotation sweep equals the rotations applied one by one, across row blocks', () => {
    const rows = 150;
    const data = gaussianMatrix(rows, 5, 6).data;
    const expected = data.slice();
    const angles = [0.3, -1.1, 2.0, 0.7];
    const cosines = Float64Array.from(angles, Math.cos);
    const sines = Float64Array.from(angles, Math.sin);
    for (let r = 0; r < 3; r++)
      kernels.rotate(expected, (1 + r) * rows, (2 + r) * rows, rows, cosines[r], sines[r]);
    kernels.rotationSweep(data, rows, rows, 1, 3, cosines, sines);
    for (let k = 0; k < data.length; k++) expect(data[k]).toBeCloseTo(expected[k], 14);
    // Rotations preserve the norm of every row.
    const fresh = gaussianMatrix(rows, 5, 6).data;
    for (let i = 0; i < rows; i++) {
      let before = 0;
      let after = 0;
      for (let j = 0; j < 5; j++) {
        before += fresh[i + j * rows] ** 2;
        after += data[i + j * rows] ** 2;
      }
      expect(after).toBeCloseTo(before, 12);
    }
  });

  it('batched sweeps equal the sweeps applied one at a time (odd and even lengths)', () => {
    const rows = 70;
    const columns = 9;
    const data = gaussianMatrix(rows, columns, 8).data;
    const expected = data.slice();
    const firsts = Int32Array.from([0, 3, 1]);
    const counts = Int32Array.from([8, 5, 4]);
    const offsets = Int32Array.from([0, 8, 13]);
    const angles = Array.from({ length: 17 }, (_, i) => 0.37 * i - 2);
    const cosines = Float64Array.from(angles, Math.cos);
    const sines = Float64Array.from(angles, Math.sin);
    for (let sweep = 0; sweep < 3; sweep++) {
      for (let r = 0; r < counts[sweep]; r++) {
        const column = firsts[sweep] + r;
        const angle = offsets[sweep] + r;
        kernels.rotate(
          expected,
          column * rows,
          (column + 1) * rows,
          rows,
          cosines[angle],
          sines[angle],
        );
      }
    }
    kernels.rotationSweeps(data, rows, rows, 3, firsts, counts, offsets, cosines, sines);
    let largestDifference = 0;
    for (let k = 0; k < data.length; k++)
      largestDifference = Math.max(largestDifference, Math.abs(data[k] - expected[k]));
    expect(largestDifference).toBeLessThan(1e-14);
  });

  it('a block of reflectors equals the reflectors applied one at a time', () => {
    const m = 12;
    const n = 6;
    const count = 3;
    const starts = Int32Array.from([4, 1, 2]);
    const vectors = gaussianMatrix(m, count, 9).data;
    const taus = new Float64Array(count);
    for (let r = 0; r < count; r++) {
      for (let i = 0; i < starts[r]; i++) vectors[r * m + i] = 0;
      const norm2 = kernels.dot(m, vectors, r * m, vectors, r * m);
      taus[r] = 2 / norm2;
    }
    const a = gaussianMatrix(m, n, 10).data;
    const expected = a.slice();
    // Columns are numbered from 2, so reflectors starting at 4 skip the first two of them.
    for (let r = 0; r < count; r++) {
      for (let j = 0; j < n; j++) {
        if (starts[r] > 2 + j) continue;
        kernels.applyReflectorLeft(m, 1, vectors, r * m, taus[r], expected, j * m, m);
      }
    }
    kernels.applyReflectorsLeft(m, n, count, vectors, m, starts, taus, a, 0, m, 2);
    let largestDifference = 0;
    for (let k = 0; k < a.length; k++)
      largestDifference = Math.max(largestDifference, Math.abs(a[k] - expected[k]));
    expect(largestDifference).toBeLessThan(1e-13);
    expect(a[0]).toBe(expected[0]);
  });
});
