import { describe, it, expect } from 'vitest';
import { denseSentence, previewBlock } from './dense-preview';

describe('dense preview', () => {
  it('shows the top-left block of a column-major matrix, four significant digits', () => {
    // A 3×2 matrix, entry (i, j) = 10·i + j + 1/3, stored column by column.
    const rows = 3;
    const cols = 2;
    const data = new Float64Array(rows * cols);
    for (let j = 0; j < cols; j++)
      for (let i = 0; i < rows; i++) data[i + j * rows] = 10 * i + j + 1 / 3;
    expect(previewBlock({ rows, cols, data })).toEqual({
      rows: 3,
      cols: 2,
      cells: [
        ['0.3333', '1.333'],
        ['10.33', '11.33'],
        ['20.33', '21.33'],
      ],
    });
  });

  it('stops at 64 rows and columns however large the matrix', () => {
    const rows = 200;
    const cols = 150;
    const data = new Float64Array(rows * cols);
    data[63 + 63 * rows] = 6363;
    data[64 + 0 * rows] = 1;
    const block = previewBlock({ rows, cols, data });
    expect(block.rows).toBe(64);
    expect(block.cols).toBe(64);
    expect(block.cells).toHaveLength(64);
    expect(block.cells[63][63]).toBe('6363');
    expect(block.cells.every((row) => row.length === 64)).toBe(true);
  });

  it('says why the matrix is read-only', () => {
    expect(denseSentence(1000, 800, 64)).toBe(
      "A 1000×800 matrix kept as numbers; it is larger than the editor's 64×64, so it is read-only. Every view works on it.",
    );
  });
});
