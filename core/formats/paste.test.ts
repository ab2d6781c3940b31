import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { FormatError } from './format-error';
import { detectPasteFormat, latexCellToText, parsePastedMatrix } from './paste';
import { expectOnlyFormatError } from './test-support';
import { writeCsv, writeLatex, writeMatlab, writeNumpy } from './writers';

const twoByTwo = [
  ['1', '2'],
  ['3', '4'],
];

function pasted(text: string) {
  const result = parsePastedMatrix(text);
  return { format: result.format, cells: result.cells, rows: result.rows, cols: result.cols };
}

describe('parsePastedMatrix recognises each notation', () => {
  it('numpy repr, with dtype and line breaks', () => {
    expect(pasted('array([[1, 2], [3, 4]])')).toEqual({
      format: 'numpy',
      cells: twoByTwo,
      rows: 2,
      cols: 2,
    });
    expect(pasted('array([[ 1.5, -2. ],\n       [ 0.1,  4e-05]], dtype=float32)').cells).toEqual([
      ['1.5', '-2.'],
      ['0.1', '4e-05'],
    ]);
    expect(pasted('np.array([[1, 2], [3, 4]], dtype=np.int64)').cells).toEqual(twoByTwo);
    expect(pasted('array([nan, inf, -inf])').cells).toEqual([['nan', 'inf', '-inf']]);
    expect(pasted('np.array([[np.nan, -np.inf]])').cells).toEqual([['nan', '-inf']]);
  });

  it("numpy's print form without commas", () => {
    expect(pasted('[[1. 2.]\n [3. 4.]]')).toEqual({
      format: 'numpy',
      cells: [
        ['1.', '2.'],
        ['3.', '4.'],
      ],
      rows: 2,
      cols: 2,
    });
  });

  it('Python lists, a flat list being one row', () => {
    expect(pasted('[[1,2],[3,4]]')).toMatchObject({ format: 'python', cells: twoByTwo });
    expect(pasted('A = [[1, 2], [3, 4],]')).toMatchObject({ format: 'python', cells: twoByTwo });
    expect(pasted('[1, 2, 3]')).toMatchObject({ format: 'python', cells: [['1', '2', '3']] });
  });

  it('MATLAB with spaces, commas, semicolons, line breaks and an assignment', () => {
    expect(pasted('[1 2; 3 4]')).toMatchObject({ format: 'matlab', cells: twoByTwo });
    expect(pasted('[1, 2; 3, 4]')).toMatchObject({ format: 'matlab', cells: twoByTwo });
    expect(pasted('A = [1 -2\n     3 1/2];')).toMatchObject({
      format: 'matlab',
      cells: [
        ['1', '-2'],
        ['3', '1/2'],
      ],
    });
    expect(pasted('B = [1 2 ...\n 3; 4 5 6];').cells).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });

  it('LaTeX environments with \\frac, spacing and \\times 10^', () => {
    expect(pasted('\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}')).toMatchObject({
      format: 'latex',
      cells: twoByTwo,
    });
    expect(
      pasted(
        '$$\\begin{pmatrix}\n\\frac{1}{2} & -\\frac{3}{4} \\\\\n \\dfrac12 & 1.5 \\times 10^{-3}\n\\end{pmatrix}$$',
      ).cells,
    ).toEqual([
      ['1/2', '-3/4'],
      ['1/2', '1.5e-3'],
    ]);
    expect(
      pasted('\\left[\\begin{array}{cc} 1 & 0 \\\\ \\hline 0 & 1 \\end{array}\\right]').cells,
    ).toEqual([
      ['1', '0'],
      ['0', '1'],
    ]);
    expect(pasted('1 & 2 \\\\ 3 & 4').cells).toEqual(twoByTwo);
    expect(latexCellToText(' -\\infty ')).toBe('-inf');
  });

  it('Mathematica lists, with *^ exponents', () => {
    expect(pasted('{{1,2},{3,4}}')).toMatchObject({ format: 'mathematica', cells: twoByTwo });
    expect(pasted('{{1.5*^-3, 1/3}}').cells).toEqual([['1.5e-3', '1/3']]);
  });

  it('a spreadsheet block with tabs, decimal commas and a trailing line break', () => {
    expect(pasted('1\t2\n3\t4\n')).toMatchObject({ format: 'spreadsheet', cells: twoByTwo });
    expect(pasted('1,5\t2\r\n3\t4,25\r\n').cells).toEqual([
      ['1.5', '2'],
      ['3', '4.25'],
    ]);
  });

  it("MATLAB's and Octave's display of a matrix", () => {
    expect(pasted('A =\n\n     1     2     3\n     4     5     6\n')).toMatchObject({
      format: 'whitespace',
      cells: [
        ['1', '2', '3'],
        ['4', '5', '6'],
      ],
    });
    expect(() => parsePastedMatrix('A =\n\n  1  2\n  3  x\n')).toThrow(
      /^pasted text, line 4, column 2: /,
    );
  });

  it('CSV and whitespace text', () => {
    expect(pasted('1,2\n3,4')).toMatchObject({ format: 'csv', cells: twoByTwo });
    expect(pasted('1 2\n3 4')).toMatchObject({ format: 'whitespace', cells: twoByTwo });
  });
});

describe('parsePastedMatrix errors', () => {
  const error = (text: string): FormatError => {
    try {
      parsePastedMatrix(text);
    } catch (caught) {
      expect(caught).toBeInstanceOf(FormatError);
      return caught as FormatError;
    }
    throw new Error('expected a FormatError');
  };

  it('names the line and column of the problem', () => {
    const ragged = error('[[1, 2],\n [3]]');
    expect(ragged.line).toBe(2);
    expect(ragged.message).toContain('pasted text, line 2');
    const word = error('[1 2; 3 x]');
    expect(word.reason).toBe('"x" is not a number or an arithmetic expression');
    const unclosed = error('[[1, 2], [3, 4]');
    expect(unclosed.line).toBe(1);
    expect(unclosed.column).toBe(1);
  });

  it('refuses 3-D arrays and numpy summaries', () => {
    expect(error('[[[1]]]').reason).toMatch(/two levels/);
    expect(error('array([[1, 2, ..., 9]])').reason).toMatch(/abbreviated/);
  });

  it('rejects long runs of spaces in linear time (no regular-expression backtracking)', () => {
    const spaces = ' '.repeat(100_000);
    expect(error('array([[1]])' + spaces + 'x').reason).toMatch(/after the matrix/);
    expect(error('[[1]]' + spaces + 'x').reason).toMatch(/after the matrix/);
    expect(pasted('[1' + spaces + '2]').cells).toEqual([['1', '2']]);
    expect(error('[1 2 3; 3,' + spaces + ',4]').reason).toBe('the cell is empty');
  });

  it('refuses leftovers after the matrix', () => {
    expect(error('array([[1, 2]], copy=False)').reason).toMatch(/after the matrix/);
  });
});

const cell = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc
    .tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 50 }))
    .map(([p, q]) => `${p}/${q}`),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map(String),
);
const grid = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
  .chain(([rows, cols]) =>
    fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), {
      minLength: rows,
      maxLength: rows,
    }),
  );

describe('writers → parsePastedMatrix round trips', () => {
  it('MATLAB, numpy, LaTeX and CSV text read back to the same numbers', () => {
    fc.assert(
      fc.property(grid, (cells) => {
        const rows = cells.length;
        for (const [text, format] of [
          [writeMatlab(cells), 'matlab'],
          [writeMatlab(cells, { multiline: true }), 'matlab'],
          [writeNumpy(cells), 'numpy'],
          [writeLatex(cells), 'latex'],
          [writeCsv(cells), rows === 1 && cells[0].length === 1 ? 'whitespace' : 'csv'],
        ] as const) {
          const result = parsePastedMatrix(text);
          expect(
            result.format === format || (format === 'csv' && result.format === 'whitespace'),
          ).toBe(true);
          expect(result.cells.map((row) => row.map(Number))).toEqual(
            cells.map((row) => row.map(Number)),
          );
          // Exact strings survive too, up to LaTeX's rewriting of exponents.
          if (format !== 'latex') expect(result.cells).toEqual(cells);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('fuzzing', () => {
  it('random text in every notation only ever yields a matrix or a FormatError', () => {
    const alphabet = fc.constantFrom(
      ...'0123456789.,;&\t "[]{}()\r\n-/eE*^'.split(''),
      'array(',
      'dtype=int',
      '\\\\',
      '\\frac{',
      '\\begin{bmatrix}',
      '\\end{bmatrix}',
      '...',
      'np.',
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 60 }).map((parts) => parts.join('')),
        (text) => {
          expectOnlyFormatError(() => parsePastedMatrix(text));
          detectPasteFormat(text);
        },
      ),
      { numRuns: 800 },
    );
  });
});

describe('arithmetic cells', () => {
  it('are accepted from MATLAB, Python and LaTeX, and refused when cells must be numbers', () => {
    expect(pasted('[1 sqrt(2); pi/4 2^(1/3)]').cells).toEqual([
      ['1', 'sqrt(2)'],
      ['pi/4', '2^(1/3)'],
    ]);
    expect(pasted('[[1, -(1/2 + 3)]]').cells).toEqual([['1', '-(1/2 + 3)']]);
    expect(
      pasted(
        '\\begin{bmatrix} \\sqrt{2} & \\frac{\\pi}{4} \\\\ \\frac{1+2}{3} & 2^{10} \\end{bmatrix}',
      ).cells,
    ).toEqual([
      ['sqrt(2)', 'pi/4'],
      ['(1+2)/3', '2^(10)'],
    ]);
    expect(() => parsePastedMatrix('[1 sqrt(2)]', { cells: 'numbers' })).toThrow(
      /"sqrt\(2\)" is not a number$/,
    );
    expect(() => parsePastedMatrix('[1 foo(2)]')).toThrow(
      /"foo\(2\)" is not a number or an arithmetic expression/,
    );
    expect(parsePastedMatrix('[1 foo(2)]', { cells: 'any' }).cells).toEqual([['1', 'foo(2)']]);
  });
});
