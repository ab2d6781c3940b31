import { describe, expect, it } from 'vitest';
import { zeros } from './matrix';
import { seededRandom } from './random';
import { secularRoot } from './secular-equation';
import { symmetricEigen } from './symmetric-eig';
import { epsilon } from './test-support';

/** Every root of D + ρ·z·zᵀ with its distances column, and the eigenvalues of the dense matrix. */
function roots(d: number[], z: number[], rho: number) {
  const k = d.length;
  const poles = Float64Array.from(d);
  const weights = Float64Array.from(z);
  const distances = new Float64Array(k * k);
  const shift = new Float64Array(1);
  const values = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const pole = secularRoot(k, poles, weights, rho, j, distances, j * k, shift);
    values[j] = poles[pole] + shift[0];
  }
  const dense = zeros(k, k);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < k; i++) dense.data[i + j * k] = rho * z[i] * z[j] + (i === j ? d[i] : 0);
  }
  const reference = symmetricEigen(dense).values.slice().reverse();
  return { values, distances, reference };
}

function expectRoots(name: string, d: number[], z: number[], rho: number): void {
  const k = d.length;
  const { values, distances, reference } = roots(d, z, rho);
  const scale = Math.max(...d.map(Math.abs)) + rho;
  for (let j = 0; j < k; j++) {
    // Interlacing, d_j < λ_j < d_{j+1}, read from the distances (λ itself may round onto a pole).
    expect(distances[j + j * k], `${name}: λ${j} above its pole`).toBeLessThan(0);
    if (j < k - 1) {
      expect(distances[j + 1 + j * k], `${name}: λ${j} below the next`).toBeGreaterThan(0);
    }
    expect(Math.abs(values[j] - reference[j]), `${name}: λ${j}`).toBeLessThanOrEqual(
      8 * k * epsilon * scale,
    );
    for (let i = 0; i < k; i++) {
      expect(
        Math.abs(distances[i + j * k] - (d[i] - values[j])),
        `${name}: distance ${i}, ${j}`,
      ).toBeLessThanOrEqual(4 * epsilon * scale);
    }
  }
}

describe('secularRoot', () => {
  it('finds the roots of random updates, interlaced with the poles, as the dense solver does', () => {
    const random = seededRandom(3);
    for (const k of [1, 2, 3, 10, 60]) {
      const d = Array.from({ length: k }, () => random.gaussian()).sort((a, b) => a - b);
      const raw = Array.from({ length: k }, () => random.gaussian());
      const norm = Math.hypot(...raw);
      for (const rho of [1e-3, 1, 50]) {
        expectRoots(
          `k = ${k}, ρ = ${rho}`,
          d,
          raw.map((x) => x / norm),
          rho,
        );
      }
    }
  });

  it('keeps a root within its pole when the weight is tiny or the poles are close', () => {
    const d = [0, 1e-9, 1, 2, 2 + 1e-7];
    expectRoots('close poles', d, [0.5, 0.5, 0.5, 0.49999, 1e-6], 1);
    expectRoots('tiny weight', [0, 1, 2, 3], [0.7, 1e-7, 0.7, 0.14], 2);
  });

  it('measures each root from the nearer pole, so distances to it keep their relative accuracy', () => {
    // A weight of 1e-6 puts λ₁ about 1e-12 above d₁ = 1. Its offset τ solves
    // τ = z₁² / (1 − z₀²/(1 + τ) + z₂²/(1 − τ)), a fixed point every term of which is accurate
    // to a few ulps of itself: the distance must match it relatively, not just to ε·|d₁| (ten orders
    // of magnitude looser).
    const d = [0, 1, 2];
    const z = [0.7071, 1e-6, 0.7071];
    let tau = 0;
    for (let step = 0; step < 5; step++)
      tau = z[1] ** 2 / (1 - z[0] ** 2 / (1 + tau) + z[2] ** 2 / (1 - tau));
    const { distances } = roots(d, z, 1);
    const distance = -distances[1 + 1 * 3];
    // The iteration stops once w is below its rounding error (as dlaed4), a few ε of τ.
    expect(Math.abs(distance - tau)).toBeLessThanOrEqual(32 * epsilon * tau);
  });
});
