import { describe, it, expect } from 'vitest';
import type { MatrixDocument } from '../../../core/project/schema';
import { numericMatrixOf } from './use-numeric-matrix';

const dense: MatrixDocument = {
  id: 'dense-1',
  name: 'big',
  entries: [],
  dense: { path: 'matrices/dense-1.npy', rows: 200, cols: 150, dtype: 'float64' },
};

describe('numericMatrixOf', () => {
  it('parses a small matrix from its cells, column-major', () => {
    const small = numericMatrixOf(
      {
        id: 'm',
        name: 'A',
        entries: [
          ['1', '1/2'],
          ['3', '-4'],
        ],
      },
      undefined,
    );
    expect(small).toMatchObject({ rows: 2, cols: 2, dense: false, error: null, loading: false });
    expect(Array.from(small.matrix!.data)).toEqual([1, 3, 0.5, -4]);
  });

  it('names a cell that is not a number', () => {
    const bad = numericMatrixOf({ id: 'm', name: 'A', entries: [['1', 'x+']] }, undefined);
    expect(bad.matrix).toBeNull();
    expect(bad.error).toBeTruthy();
  });

  it('gives a dense matrix its size at once and its numbers when read', () => {
    expect(numericMatrixOf(dense, undefined)).toMatchObject({
      rows: 200,
      cols: 150,
      dense: true,
      matrix: null,
      error: null,
      loading: true,
    });
    const data = new Float64Array(200 * 150).fill(2);
    const ready = numericMatrixOf(dense, {
      status: 'ready',
      matrix: { rows: 200, cols: 150, data },
    });
    expect(ready.loading).toBe(false);
    expect(ready.matrix?.data).toBe(data);
    const failed = numericMatrixOf(dense, { status: 'error', error: 'gone', path: null });
    expect(failed.error).toBe('The numbers of this 200×150 matrix could not be read: gone');
  });
});
