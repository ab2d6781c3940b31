import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { anyCharacter } from './test-support';
import { parseNpy } from '../formats/npy';
import { fromRows, toRows } from '../linalg/matrix';
import { exportMatrix, matlabName, safeFileStem } from './export-matrix';
import type { MatrixDocument } from './schema';

const system: MatrixDocument = {
  id: 's',
  name: 'Système: A/b',
  entries: [
    ['1', '1/2'],
    ['-3', '2/3'],
  ],
  rightHandSide: ['4', '-1/5'],
};

describe('exportMatrix', () => {
  it('.npy holds the float64 values of the exact entries', () => {
    const exported = exportMatrix(system, 'npy');
    expect(exported.fileName).toBe('Système_ A_b.npy');
    expect(toRows(parseNpy(exported.bytes).matrix)).toEqual([
      [1, 0.5],
      [-3, 2 / 3],
    ]);
  });

  it('.npy of a dense matrix round-trips every double', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ noNaN: true }), { minLength: 3, maxLength: 3 }), {
          minLength: 1,
          maxLength: 4,
        }),
        (rows) => {
          const blob = fromRows(rows);
          const dense: MatrixDocument = {
            id: 'd',
            name: 'D',
            entries: [],
            dense: { path: 'matrices/d.npy', rows: rows.length, cols: 3, dtype: 'float64' },
          };
          const back = parseNpy(exportMatrix(dense, 'npy', { blob }).bytes).matrix;
          expect(back.data).toEqual(blob.data);
        },
      ),
    );
  });

  it('text formats keep exact entries exact, with the right-hand side on request', () => {
    expect(exportMatrix(system, 'csv').text).toBe('1,1/2\n-3,2/3\n');
    expect(exportMatrix(system, 'csv', { includeRightHandSide: true }).text).toBe(
      '1,1/2,4\n-3,2/3,-1/5\n',
    );
    expect(exportMatrix(system, 'matlab').text).toBe('Syste_me_A_b = [1 1/2; -3 2/3];\n');
    expect(exportMatrix(system, 'numpy').text).toContain('A = np.array([[1, 1/2], [-3, 2/3]])');
    expect(exportMatrix(system, 'latex').text).toBe(
      '\\begin{bmatrix}\n1 & \\frac{1}{2} \\\\\n-3 & \\frac{2}{3}\n\\end{bmatrix}\n',
    );
  });

  it('a dense matrix needs its numbers', () => {
    const dense: MatrixDocument = {
      id: 'd',
      name: 'D',
      entries: [],
      dense: { path: 'matrices/d.npy', rows: 1, cols: 1, dtype: 'float64' },
    };
    expect(() => exportMatrix(dense, 'csv')).toThrow(/not loaded/);
    expect(exportMatrix(dense, 'csv', { blob: fromRows([[2.5]]) }).text).toBe('2.5\n');
  });

  it('makes safe file names and MATLAB identifiers from any name', () => {
    expect(safeFileStem('../etc/passwd')).toBe('_etc_passwd');
    expect(safeFileStem('CON')).toBe('matrix');
    expect(safeFileStem('  ...  ')).toBe('matrix');
    expect(matlabName('2nd matrix')).toBe('M_2nd_matrix');
    expect(matlabName('Σ')).toBe('A');
    fc.assert(
      fc.property(fc.string({ unit: anyCharacter }), (name) => {
        expect(matlabName(name)).toMatch(/^[A-Za-z]\w{0,62}$/);
      }),
      { numRuns: 40 },
    );
    const anyName = fc.oneof(
      fc.string({ unit: anyCharacter }),
      fc.string({ unit: anyCharacter, maxLength: 150 }),
    );
    fc.assert(
      fc.property(anyName, (name) => {
        const stem = safeFileStem(name);
        expect(stem).not.toMatch(/[/\\<>:"|?*]|^[\s.]|[\s.]$/);
        expect(Array.from(stem).some((character) => character.charCodeAt(0) < 0x20)).toBe(false);
        expect(Array.from(stem).length).toBeLessThanOrEqual(100);
      }),
      { numRuns: 60 },
    );
  });
});
