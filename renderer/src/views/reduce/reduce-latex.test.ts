import { describe, expect, it } from 'vitest';
import { Rational } from '../../../../core/exact/rational';
import {
  matrixTex,
  operationTex,
  scalarTex,
  standaloneDocument,
  stepLatex,
  traceLatex,
} from './reduce-latex';

const half = Rational.of(1, 2);
const r = (numerator: number, denominator = 1) => Rational.of(numerator, denominator);

describe('LaTeX of entries and matrices', () => {
  it('keeps fractions exact', () => {
    expect(scalarTex(r(3))).toBe('3');
    expect(scalarTex(r(-3, 4))).toBe('-\\frac{3}{4}');
    expect(scalarTex(half)).toBe('\\frac{1}{2}');
    expect(scalarTex(0.5)).toBe('0.5');
    expect(scalarTex(1.5e-20)).toBe('1.5 \\times 10^{-20}');
  });

  it('writes bmatrix, and [A | b] with a bar before b', () => {
    const matrix = [
      [r(1), half],
      [r(0), r(-2)],
    ];
    expect(matrixTex(matrix)).toBe('\\begin{bmatrix} 1 & \\frac{1}{2} \\\\ 0 & -2 \\end{bmatrix}');
    expect(matrixTex(matrix, 1)).toBe(
      '\\left[\\begin{array}{c|c} 1 & \\frac{1}{2} \\\\ 0 & -2 \\end{array}\\right]',
    );
  });
});

describe('LaTeX of operations', () => {
  it('writes each kind as by hand, rows 1-based', () => {
    expect(operationTex({ kind: 'add', rows: [1, 0], factor: r(-2) })).toBe(
      'R_2 \\leftarrow R_2 - 2R_1',
    );
    expect(operationTex({ kind: 'add', rows: [2, 0], factor: r(1) })).toBe(
      'R_3 \\leftarrow R_3 + R_1',
    );
    expect(operationTex({ kind: 'add', rows: [0, 2], factor: r(-3, 2) })).toBe(
      'R_1 \\leftarrow R_1 - \\frac{3}{2}R_3',
    );
    expect(operationTex({ kind: 'scale', rows: [0], factor: half })).toBe(
      'R_1 \\leftarrow \\frac{1}{2}R_1',
    );
    expect(operationTex({ kind: 'scale', rows: [2], factor: r(-1) })).toBe('R_3 \\leftarrow -R_3');
    expect(operationTex({ kind: 'swap', rows: [0, 11], factor: r(1) })).toBe(
      'R_1 \\leftrightarrow R_{12}',
    );
  });

  it('sets a step as before → after, and a trace as an align* chain broken every few arrows', () => {
    const start = [[r(2), r(4)]];
    const steps = [
      { kind: 'scale' as const, rows: [0], factor: half, matrix: [[r(1), r(2)]] },
      { kind: 'scale' as const, rows: [0], factor: r(3), matrix: [[r(3), r(6)]] },
      { kind: 'scale' as const, rows: [0], factor: r(1, 3), matrix: [[r(1), r(2)]] },
    ];
    expect(stepLatex(start, steps[0])).toBe(
      '\\[\n\\begin{bmatrix} 2 & 4 \\end{bmatrix}\n\\xrightarrow{R_1 \\leftarrow \\frac{1}{2}R_1}\n\\begin{bmatrix} 1 & 2 \\end{bmatrix}\n\\]',
    );
    const chain = traceLatex(start, steps, { arrowsPerLine: 2, comment: 'exact' });
    expect(
      chain.startsWith('% exact\n\\begin{align*}\n\\begin{bmatrix} 2 & 4 \\end{bmatrix} &'),
    ).toBe(true);
    expect(chain.endsWith('\\end{align*}')).toBe(true);
    expect(chain.match(/\\xrightarrow/g)).toHaveLength(3);
    // Two arrows on the first line, the third after one line break.
    const lines = chain.split(' \\\\\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^& \\xrightarrow\{R_1 \\leftarrow \\frac\{1\}\{3\}R_1\}/);
  });

  it('wraps a trace in a document that needs only amsmath', () => {
    const document = standaloneDocument('x', 'A_1 & B');
    expect(document).toContain('\\usepackage{amsmath}');
    expect(document).toContain('\\section*{A 1   B}');
    expect(document.trim().endsWith('\\end{document}')).toBe(true);
  });
});
