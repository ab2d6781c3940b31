import { describe, expect, it } from 'vitest';
import { CancelledError, type JobContext } from '../job-context';
import { identity, zeros, type Matrix } from './matrix';
import { frobeniusNorm } from './norms';
import { multiply, subtract } from './products';
import { gaussianMatrix } from './random';
import { graded } from './special-matrices';
import { epsilon, orthogonalityError } from './test-support';
import { panelWidth, tridiagonalize, tridiagonalizeDoubles } from './tridiagonalize';
import { createWorkspace } from './workspace';

function symmetrized(a: Matrix): Matrix {
  const n = a.rows;
  const s = zeros(n, n);
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) s.data[i + j * n] = a.data[i + j * n] + a.data[j + i * n];
  return s;
}

/** T, and Q = H₀·…·H_{n−3} built reflector by reflector (plain loops, no kernels). */
function reduce(a: Matrix, context?: JobContext): { t: Matrix; q: Matrix } {
  const n = a.rows;
  const space = createWorkspace(n * n + tridiagonalizeDoubles(n));
  const data = space.copyOf(a).data;
  const d = new Float64Array(n);
  const e = new Float64Array(Math.max(n - 1, 0));
  const tau = new Float64Array(Math.max(n - 2, 0));
  try {
    tridiagonalize(data, n, d, e, tau, space, context);
    const t = zeros(n, n);
    for (let i = 0; i < n; i++) t.data[i + i * n] = d[i];
    for (let i = 0; i < n - 1; i++) {
      t.data[i + 1 + i * n] = e[i];
      t.data[i + (i + 1) * n] = e[i];
    }
    const q = identity(n);
    for (let k = n - 3; k >= 0; k--) {
      const v = new Float64Array(n);
      v[k + 1] = 1;
      for (let i = k + 2; i < n; i++) v[i] = data[i + k * n];
      for (let j = 0; j < n; j++) {
        let dot = 0;
        for (let i = k + 1; i < n; i++) dot += v[i] * q.data[i + j * n];
        for (let i = k + 1; i < n; i++) q.data[i + j * n] -= tau[k] * dot * v[i];
      }
    }
    return { t, q };
  } finally {
    space.dispose();
  }
}

describe('tridiagonalize', () => {
  it('gives A·Q = Q·T with orthogonal Q, across the panel width, the grid and the unblocked tail', () => {
    // Up to 257: the trailing update's grid of 128 has two edges inside.
    const sizes = [1, 2, 3, 64, 65, 2 * panelWidth + 65, 3 * panelWidth + 64, 200, 257];
    for (const n of sizes) {
      const a = symmetrized(gaussianMatrix(n, n, n));
      const { t, q } = reduce(a);
      const bound = 10 * Math.max(n, 4) * epsilon;
      const residual = frobeniusNorm(subtract(multiply(a, q), multiply(q, t)));
      expect(residual, `n = ${n}: ‖AQ − QT‖`).toBeLessThanOrEqual(bound * frobeniusNorm(a));
      expect(orthogonalityError(q), `n = ${n}: ‖QᵀQ − I‖`).toBeLessThanOrEqual(bound);
    }
  });

  it('reduces a graded matrix and a matrix already tridiagonal', () => {
    const a = symmetrized(graded(130, 3));
    const { t, q } = reduce(a);
    const bound = 10 * 130 * epsilon;
    expect(frobeniusNorm(subtract(multiply(a, q), multiply(q, t)))).toBeLessThanOrEqual(
      bound * frobeniusNorm(a),
    );
    // Reflectors of zero columns are the identity: T is A itself.
    const n = 140;
    const tridiagonal = zeros(n, n);
    for (let i = 0; i < n; i++) tridiagonal.data[i + i * n] = i + 1;
    for (let i = 0; i < n - 1; i++) {
      tridiagonal.data[i + 1 + i * n] = 0.5;
      tridiagonal.data[i + (i + 1) * n] = 0.5;
    }
    const reduced = reduce(tridiagonal);
    expect(frobeniusNorm(subtract(reduced.t, tridiagonal))).toBeLessThanOrEqual(n * epsilon);
  });

  it('stops between panels when cancelled', () => {
    let checks = 0;
    const context: JobContext = {
      progress() {},
      checkCancelled() {
        if (++checks === 2) throw new CancelledError();
      },
    };
    expect(() => reduce(symmetrized(gaussianMatrix(200, 200, 1)), context)).toThrow(CancelledError);
    expect(checks).toBe(2);
  });
});
