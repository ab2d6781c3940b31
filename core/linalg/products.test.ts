import { describe, expect, it } from 'vitest';
import { CancelledError, type JobContext } from '../job-context';
import { luPartial } from './lu';
import { fromRows, toRows, transpose } from './matrix';
import {
  multiply,
  multiplyScaledTransposeB,
  multiplyTransposeA,
  multiplyTransposeB,
  multiplyTransposeVector,
  multiplyVector,
  subtract,
} from './products';
import { qrPivoted } from './qr';
import { gaussianMatrix } from './random';
import { symmetricEigen } from './symmetric-eig';

describe('products', () => {
  it('computes small products exactly', () => {
    const a = fromRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const b = fromRows([
      [1, 0],
      [0, 1],
      [2, -1],
    ]);
    expect(toRows(multiply(a, b))).toEqual([
      [7, -1],
      [16, -1],
    ]);
    expect(toRows(multiplyTransposeA(transpose(a), b))).toEqual([
      [7, -1],
      [16, -1],
    ]);
    expect(toRows(multiplyTransposeB(a, transpose(b)))).toEqual([
      [7, -1],
      [16, -1],
    ]);
    expect(Array.from(multiplyVector(a, Float64Array.from([1, 1, 1])))).toEqual([6, 15]);
    expect(Array.from(multiplyTransposeVector(a, Float64Array.from([1, -1])))).toEqual([
      -3, -3, -3,
    ]);
    expect(toRows(multiplyScaledTransposeB(b, Float64Array.from([2, 3]), b))).toEqual([
      [2, 0, 4],
      [0, 3, -3],
      [4, -3, 11],
    ]);
  });

  it('agrees between the transposed and plain forms on random matrices', () => {
    const a = gaussianMatrix(37, 21, 1);
    const b = gaussianMatrix(21, 19, 2);
    const plain = multiply(a, b);
    const viaTransposeA = multiplyTransposeA(transpose(a), b);
    const viaTransposeB = multiplyTransposeB(a, transpose(b));
    let largest = 0;
    for (let k = 0; k < plain.data.length; k++) {
      largest = Math.max(
        largest,
        Math.abs(plain.data[k] - viaTransposeA.data[k]),
        Math.abs(plain.data[k] - viaTransposeB.data[k]),
      );
    }
    expect(largest).toBeLessThan(1e-12);
  });

  it('rejects mismatched shapes', () => {
    expect(() => multiply(gaussianMatrix(2, 3, 1), gaussianMatrix(2, 3, 1))).toThrow(RangeError);
    expect(() => subtract(gaussianMatrix(2, 3, 1), gaussianMatrix(3, 2, 1))).toThrow(RangeError);
  });
});

describe('cancellation', () => {
  it('stops pivoted QR, LU and the symmetric eigensolver when the context is cancelled', () => {
    const context: JobContext = {
      progress() {},
      checkCancelled() {
        throw new CancelledError();
      },
    };
    const a = gaussianMatrix(40, 40, 3);
    expect(() => qrPivoted(a, { context })).toThrow(CancelledError);
    expect(() => luPartial(a, { context })).toThrow(CancelledError);
    expect(() => symmetricEigen(a, { context })).toThrow(CancelledError);
  });
});
