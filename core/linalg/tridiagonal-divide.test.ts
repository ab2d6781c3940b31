import { describe, expect, it } from 'vitest';
import { zeros, type Matrix } from './matrix';
import { frobeniusNorm } from './norms';
import { multiply, subtract } from './products';
import { seededRandom } from './random';
import { epsilon, orthogonalityError } from './test-support';
import { divideLeafSize, tridiagonalDivide, tridiagonalDivideDoubles } from './tridiagonal-divide';
import { tridiagonalQr } from './tridiagonal-qr';
import { createWorkspace } from './workspace';

function dense(d: Float64Array, e: Float64Array): Matrix {
  const n = d.length;
  const t = zeros(n, n);
  for (let i = 0; i < n; i++) t.data[i + i * n] = d[i];
  for (let i = 0; i < n - 1; i++) {
    t.data[i + 1 + i * n] = e[i];
    t.data[i + (i + 1) * n] = e[i];
  }
  return t;
}

/** Eigenvalues and eigenvectors by divide and conquer, copied out of the workspace. */
function divide(d: Float64Array, e: Float64Array): { values: Float64Array; vectors: Matrix } {
  const n = d.length;
  const space = createWorkspace(tridiagonalDivideDoubles(n) + n * n);
  const vectors = space.matrix(n, n);
  const values = d.slice();
  tridiagonalDivide(values, e.slice(), vectors.data, space);
  const result = { values, vectors: { rows: n, cols: n, data: vectors.data.slice() } };
  space.dispose();
  return result;
}

function ascending(values: Float64Array): Float64Array {
  return values.slice().sort();
}

/** ‖T·Z − Z·Λ‖_F, ‖ZᵀZ − I‖_F, and the values against QR steps, all within a few n·ε. */
function expectAccurate(name: string, d: Float64Array, e: Float64Array): void {
  const n = d.length;
  const t = dense(d, e);
  const { values, vectors } = divide(d, e);
  const scaled = zeros(n, n);
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) scaled.data[i + j * n] = vectors.data[i + j * n] * values[j];
  const norm = Math.max(frobeniusNorm(t), Number.MIN_VALUE);
  const bound = 10 * Math.max(n, 4) * epsilon;
  const residual = frobeniusNorm(subtract(multiply(t, vectors), scaled));
  expect(residual, `${name}: ‖TZ − ZΛ‖`).toBeLessThanOrEqual(bound * norm);
  expect(orthogonalityError(vectors), `${name}: ‖ZᵀZ − I‖`).toBeLessThanOrEqual(bound);
  const reference = d.slice();
  tridiagonalQr(reference, e.slice(), undefined, 0, undefined);
  const expected = ascending(reference);
  const found = ascending(values);
  for (let i = 0; i < n; i++) {
    expect(Math.abs(found[i] - expected[i]), `${name}: λ${i}`).toBeLessThanOrEqual(bound * norm);
  }
}

function randomTridiagonal(n: number, seed: number): [Float64Array, Float64Array] {
  const random = seededRandom(seed);
  const d = Float64Array.from({ length: n }, () => random.gaussian());
  const e = Float64Array.from({ length: Math.max(n - 1, 0) }, () => random.gaussian());
  return [d, e];
}

/** Wilkinson's W⁺: d = |m − i|, e = 1; its largest eigenvalues come in pairs close to 1e−15. */
function wilkinson(m: number): [Float64Array, Float64Array] {
  const n = 2 * m + 1;
  return [
    Float64Array.from({ length: n }, (_, i) => Math.abs(m - i)),
    new Float64Array(n - 1).fill(1),
  ];
}

describe('tridiagonalDivide', () => {
  it('diagonalizes random tridiagonals across the leaf size and at odd sizes', () => {
    const leaf = divideLeafSize;
    for (const n of [1, 2, 3, leaf - 1, leaf, leaf + 1, 2 * leaf, 2 * leaf + 1, 100, 257]) {
      expectAccurate(`random ${n}`, ...randomTridiagonal(n, n));
    }
  });

  it('finds the known spectrum of the second difference matrix', () => {
    const n = 150;
    const d = new Float64Array(n).fill(2);
    const e = new Float64Array(n - 1).fill(-1);
    expectAccurate('second difference', d, e);
    const values = ascending(divide(d, e).values);
    for (let k = 1; k <= n; k++) {
      const exact = 2 - 2 * Math.cos((k * Math.PI) / (n + 1));
      expect(Math.abs(values[k - 1] - exact)).toBeLessThanOrEqual(20 * n * epsilon);
    }
  });

  it('deflates the close pairs of Wilkinson matrices, alone and glued', () => {
    expectAccurate('Wilkinson 21', ...wilkinson(10));
    expectAccurate('Wilkinson 101', ...wilkinson(50));
    // Six copies of W⁺₂₁ coupled by 1e−10: clusters of six nearly equal eigenvalues.
    const [block, ones] = wilkinson(10);
    const copies = 6;
    const d = new Float64Array(21 * copies);
    const e = new Float64Array(21 * copies - 1);
    for (let c = 0; c < copies; c++) {
      d.set(block, 21 * c);
      e.set(ones, 21 * c);
      if (c < copies - 1) e[21 * c + 20] = 1e-10;
    }
    expectAccurate('glued Wilkinson', d, e);
  });

  it('handles repeated, split, clustered and graded spectra', () => {
    const n = 90;
    // Identity: every coupling is zero, so T splits into 1×1 blocks.
    expectAccurate('identity', new Float64Array(n).fill(1), new Float64Array(n - 1));
    // A constant diagonal with one small coupling in the middle: all but two deflate.
    const coupled = new Float64Array(n - 1);
    coupled[n / 2 - 1] = 1e-3;
    expectAccurate('one coupling', new Float64Array(n).fill(3), coupled);
    // Blocks split by exact zeros, of sizes on both sides of the leaf.
    const [d, e] = randomTridiagonal(n, 7);
    e[20] = 0;
    e[60] = 0;
    expectAccurate('split', d, e);
    // A cluster: 1 + 1e−12·i on the diagonal, couplings 1e−9.
    const cluster = Float64Array.from({ length: n }, (_, i) => 1 + 1e-12 * i);
    expectAccurate('cluster', cluster, new Float64Array(n - 1).fill(1e-9));
    // Graded over 30 orders of magnitude.
    const graded = Float64Array.from({ length: n }, (_, i) => 10 ** (-i / 3));
    const gradedCouplings = Float64Array.from(
      { length: n - 1 },
      (_, i) => 0.5 * 10 ** (-(i + 0.5) / 3),
    );
    expectAccurate('graded', graded, gradedCouplings);
    // Zero diagonal, unit couplings: eigenvalues ±2·cos(kπ/(n+1)), in pairs of opposite sign.
    expectAccurate('zero diagonal', new Float64Array(n), new Float64Array(n - 1).fill(1));
  });

  it('gives the zero matrix the identity', () => {
    const { values, vectors } = divide(new Float64Array(40), new Float64Array(39));
    expect(Array.from(values).every((value) => value === 0)).toBe(true);
    expect(orthogonalityError(vectors)).toBe(0);
  });
});
