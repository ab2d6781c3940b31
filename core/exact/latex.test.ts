import { describe, it, expect } from 'vitest';
import { writtenNotation } from './row-notation';
import { parseRowOperation } from './command';
import fc from 'fast-check';
import { Rational } from './rational';
import { latexMatrix, latexNumber, latexOperation, latexStep, latexTrace } from './latex';
import { rref } from './rref';
import { rationalGrid, rationalMatrix } from './test-support';

function balanced(text: string): boolean {
  let depth = 0;
  for (const character of text.replace(/\\[{}]/g, '')) {
    if (character === '{') depth++;
    if (character === '}') depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}

describe('latex', () => {
  it('writes numbers and fractions', () => {
    expect(latexNumber(Rational.of(3))).toBe('3');
    expect(latexNumber(Rational.of(1, 2))).toBe('\\frac{1}{2}');
    expect(latexNumber(Rational.of(-1, 2))).toBe('-\\frac{1}{2}');
    expect(latexNumber(Math.SQRT2)).toBe('1.41421');
    expect(latexNumber(1.5e-12)).toBe('1.5 \\times 10^{-12}');
  });

  it('writes matrices, with a bar for [A | b]', () => {
    const matrix = rationalGrid([
      [1, '1/2', 3],
      [0, '-2/3', 4],
    ]);
    expect(latexMatrix(matrix)).toBe(
      '\\begin{bmatrix} 1 & \\frac{1}{2} & 3 \\\\ 0 & -\\frac{2}{3} & 4 \\end{bmatrix}',
    );
    expect(latexMatrix(matrix, { augmentedColumns: 1 })).toBe(
      '\\left[\\begin{array}{cc|c} 1 & \\frac{1}{2} & 3 \\\\ 0 & -\\frac{2}{3} & 4 \\end{array}\\right]',
    );
  });

  it('writes operations the way they are typeset', () => {
    const factor = Rational.of(-2);
    expect(latexOperation({ kind: 'add', rows: [1, 0], factor })).toBe(
      'R_2 \\leftarrow R_2 - 2R_1',
    );
    // The other textbook convention: the target row written last.
    expect(latexOperation({ kind: 'add', rows: [1, 0], factor }, 'target-last')).toBe(
      'R_2 - 2R_1 \\rightarrow R_2',
    );
    expect(writtenNotation('R_2 ← R_2 − 2R_1', 'target-last')).toBe('R₂ − 2R₁ → R₂');
    expect(writtenNotation('R_12 ← R_12 + R_9')).toBe('R₁₂ ← R₁₂ + R₉');
    expect(writtenNotation('R_1 ↔ R_3', 'target-last')).toBe('R₁ ↔ R₃');
    // What either convention writes, manual mode reads back as the same operation.
    for (const convention of ['target-first', 'target-last'] as const)
      expect(parseRowOperation(writtenNotation('R_2 ← R_2 − 2R_1', convention))).toEqual(
        parseRowOperation('R2 <- R2 - 2R1'),
      );
    expect(latexOperation({ kind: 'add', rows: [0, 2], factor: Rational.of(1, 2) })).toBe(
      'R_1 \\leftarrow R_1 + \\frac{1}{2}R_3',
    );
    expect(latexOperation({ kind: 'scale', rows: [2], factor: Rational.of(-1, 3) })).toBe(
      'R_3 \\leftarrow -\\frac{1}{3}R_3',
    );
    expect(latexOperation({ kind: 'add', rows: [11, 8], factor: Rational.one })).toBe(
      'R_{12} \\leftarrow R_{12} + R_9',
    );
    expect(latexOperation({ kind: 'swap', rows: [0, 2], factor: Rational.one })).toBe(
      'R_1 \\leftrightarrow R_3',
    );
  });

  it('writes a step between two matrices', () => {
    const start = rationalGrid([
      [1, 2],
      [2, 4],
    ]);
    const [step] = rref(start).steps;
    expect(latexStep(start, step)).toBe(
      '\\begin{bmatrix} 1 & 2 \\\\ 2 & 4 \\end{bmatrix} \\xrightarrow{R_2 \\leftarrow R_2 - 2R_1} \\begin{bmatrix} 1 & 2 \\\\ 0 & 0 \\end{bmatrix}',
    );
  });

  it('chains a whole trace in align*, two steps per line (property)', () => {
    fc.assert(
      fc.property(rationalMatrix(4, 4), (matrix) => {
        const { steps } = rref(matrix);
        const text = latexTrace(matrix, steps);
        expect(text.startsWith('\\begin{align*}\n')).toBe(true);
        expect(text.endsWith('\n\\end{align*}')).toBe(true);
        expect(text.split('\\xrightarrow').length - 1).toBe(steps.length);
        expect(text.split('\\begin{bmatrix}').length - 1).toBe(steps.length + 1);
        const lines = text.split(' \\\\\n');
        expect(lines).toHaveLength(Math.max(1, Math.ceil(steps.length / 2)));
        expect(balanced(text)).toBe(true);
      }),
    );
  });
});
