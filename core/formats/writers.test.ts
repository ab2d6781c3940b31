import { describe, it, expect } from 'vitest';
import { fromRows } from '../linalg/matrix';
import {
  latexCell,
  writeCsv,
  writeJson,
  writeJulia,
  writeLatex,
  writeMathematica,
  writeMatlab,
  writeNumpy,
  writePython,
  writeR,
  writeWhitespace,
} from './writers';

const grid = [
  ['1', '-1/2'],
  ['0.1', '3'],
];
const matrix = fromRows([
  [1, -0.5],
  [0.1, 3],
]);

describe('writers produce the notation of each tool', () => {
  it('CSV, quoting only what needs it', () => {
    expect(writeCsv(grid)).toBe('1,-1/2\n0.1,3\n');
    expect(writeCsv(matrix, { delimiter: ';', lineEnding: '\r\n' })).toBe('1;-0.5\r\n0.1;3\r\n');
    expect(writeCsv([['a,b', 'say "hi"', ' x', 'line\nbreak']])).toBe(
      '"a,b","say ""hi"""," x","line\nbreak"\n',
    );
    expect(writeCsv(matrix, { header: ['x', 'y'] })).toBe('x,y\n1,-0.5\n0.1,3\n');
  });

  it('MATLAB', () => {
    expect(
      writeMatlab(
        fromRows([
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toBe('A = [1 2; 3 4];');
    expect(writeMatlab(grid, { name: 'B', multiline: true })).toBe('B = [1 -1/2\n     0.1 3];');
    expect(writeMatlab([['1 / 2', 'Inf']])).toBe('A = [(1 / 2) Inf];');
    expect(writeMatlab(fromRows([[NaN, -Infinity]]))).toBe('A = [NaN -Inf];');
    expect(writeMatlab({ rows: 0, cols: 0, data: new Float64Array(0) })).toBe('A = [];');
    expect(writeMatlab({ rows: 3, cols: 0, data: new Float64Array(0) })).toBe('A = zeros(3, 0);');
  });

  it('numpy', () => {
    expect(
      writeNumpy(
        fromRows([
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toBe('np.array([[1, 2], [3, 4]])');
    expect(writeNumpy(fromRows([[NaN, -Infinity, 1e-300]]))).toBe(
      'np.array([[np.nan, -np.inf, 1e-300]])',
    );
    expect(writeNumpy({ rows: 0, cols: 4, data: new Float64Array(0) })).toBe('np.zeros((0, 4))');
  });

  it('LaTeX, with exact fractions as \\frac', () => {
    expect(writeLatex(grid)).toBe(
      '\\begin{bmatrix}\n1 & -\\frac{1}{2} \\\\\n0.1 & 3\n\\end{bmatrix}',
    );
    expect(writeLatex(fromRows([[1.5e-7, Infinity, NaN]]), { environment: 'pmatrix' })).toBe(
      '\\begin{pmatrix}\n1.5 \\times 10^{-7} & \\infty & \\text{NaN}\n\\end{pmatrix}',
    );
    expect(latexCell('3/4')).toBe('\\frac{3}{4}');
    expect(latexCell('+2/3')).toBe('\\frac{2}{3}');
    expect(latexCell('1e+21')).toBe('1 \\times 10^{21}');
    expect(latexCell('sqrt(2)')).toBe('sqrt(2)');
  });
});

describe('the notations added for round trips (matrix-text.test.ts reads them all back)', () => {
  it('whitespace, Python, JSON, Julia, Mathematica and R', () => {
    expect(writeWhitespace(grid)).toBe('1 -1/2\n0.1 3\n');
    expect(writePython(fromRows([[NaN, -Infinity]]))).toBe('[[math.nan, -math.inf]]');
    expect(writeJson(matrix)).toBe('[[1, -0.5], [0.1, 3]]');
    expect(() => writeJson(grid)).toThrow(/"-1\/2" is not a number JSON can write/);
    expect(writeJulia(grid)).toBe('[1 -1//2; 0.1 3]');
    expect(writeMathematica(fromRows([[1.5e-7, NaN, -Infinity]]))).toBe(
      '{{1.5*^-7, Indeterminate, -Infinity}}',
    );
    expect(writeR(grid)).toBe('matrix(c(1, -1/2, 0.1, 3), nrow = 2, ncol = 2, byrow = TRUE)');
    expect(writeCsv(matrix, { delimiter: ';', decimalComma: true })).toBe('1;-0,5\n0,1;3\n');
    expect(() => writeCsv(matrix, { decimalComma: true })).toThrow(RangeError);
  });
});
