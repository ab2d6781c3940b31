import { describe, it, expect } from 'vitest';
import type { MatrixDocument } from '../../../core/project/schema';
import { exportMatrix } from '../../../core/project/export-matrix';
import { exportRefusal } from './export-refusal';

function denseDocument(rows: number, cols: number): MatrixDocument {
  return {
    id: 'dense-1',
    name: 'big',
    entries: [],
    dense: { path: 'matrices/dense-1.npy', rows, cols, dtype: 'float64' },
  };
}

describe('exportRefusal', () => {
  it('lets a small matrix export in every format', () => {
    const small: MatrixDocument = { id: 'm', name: 'A', entries: [['1']] };
    for (const format of ['csv', 'npy', 'matlab', 'numpy', 'latex'] as const)
      expect(exportRefusal(small, format, null)).toBeNull();
  });

  it('exports a dense matrix from its numbers once they are read', () => {
    const document = denseDocument(70, 2);
    expect(exportRefusal(document, 'csv', null)).toMatch(/still being read/);
    const data = Float64Array.from({ length: 140 }, (_, k) => k);
    const numbers = { rows: 70, cols: 2, data };
    expect(exportRefusal(document, 'csv', numbers)).toBeNull();
    // The CSV holds row i as (i, 70 + i): the column-major numbers written row by row.
    const csv = exportMatrix(document, 'csv', { blob: numbers }).text!.trim().split('\n');
    expect(csv).toHaveLength(70);
    expect(csv[0]).toBe('0,70');
    expect(csv[69]).toBe('69,139');
  });

  it('refuses LaTeX of a dense matrix and text of a huge one, saying what to use', () => {
    const numbers = { rows: 200, cols: 150, data: new Float64Array(30000) };
    expect(exportRefusal(denseDocument(200, 150), 'latex', numbers)).toMatch(
      /200×150 .*30,000 entries.*CSV or \.npy/,
    );
    const huge = denseDocument(4096, 4096);
    expect(exportRefusal(huge, 'csv', null)).toMatch(
      /too large to write as text: export it as \.npy/,
    );
    expect(exportRefusal(huge, 'npy', null)).toMatch(/still being read/);
  });
});
