import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyStep } from '../../../../core/exact/rref';
import type { Rational } from '../../../../core/exact/rational';
import { cellsOf, rationalMatrixArbitrary, reducedByJob } from './test-matrices';
import {
  largestTracedSize,
  matrixAtStep,
  scalarText,
  stepCounterText,
  stepHighlight,
  stepWords,
  unicodeNotation,
  type ReductionTrace,
} from './trace-model';

const workedExample = [
  ['1', '2', '3'],
  ['2', '4', '6'],
  ['1', '3', '4'],
];

function traceOf(cells: string[][], strategy: 'textbook' | 'partial' = 'textbook'): ReductionTrace {
  const outcome = reducedByJob(cells, strategy);
  if (outcome.kind !== 'trace') throw new Error(`expected a trace, got ${outcome.kind}`);
  return outcome.trace;
}

function text(matrix: ReductionTrace['start']): string[][] {
  return matrix.map((row) => row.map(scalarText));
}

describe('the rref job read back as a trace', () => {
  it('reduces the worked example to its RREF in four steps, rank 2', () => {
    const trace = traceOf(workedExample);
    expect(trace.exact).toBe(true);
    expect(trace.steps).toHaveLength(4);
    expect(text(trace.rref)).toEqual([
      ['1', '0', '1'],
      ['0', '1', '1'],
      ['0', '0', '0'],
    ]);
    expect(trace.rank).toBe(2);
    expect(trace.pivots).toEqual([0, 1]);
    expect(text(matrixAtStep(trace, 0))).toEqual(workedExample);
    expect(text(matrixAtStep(trace, 99))).toEqual(text(trace.rref));
    expect(unicodeNotation(trace.steps[0].notation)).toBe('R₂ ← R₂ − 2R₁');
    expect(stepWords(trace.steps[0])).toBe('subtract 2 times row 1 from row 2');
    expect(stepWords(trace.steps[2])).toBe('swap rows 2 and 3');
  });

  it('replays: each step applied to the matrix before it gives the matrix after it', () => {
    fc.assert(
      fc.property(
        rationalMatrixArbitrary,
        fc.constantFrom('textbook', 'partial'),
        (matrix, strategy) => {
          const trace = traceOf(cellsOf(matrix), strategy as 'textbook' | 'partial');
          for (let k = 1; k <= trace.steps.length; k++) {
            const before = matrixAtStep(trace, k - 1) as Rational[][];
            const step = trace.steps[k - 1] as {
              kind: 'swap' | 'scale' | 'add';
              rows: number[];
              factor: Rational;
            };
            expect(text(applyStep(before, step))).toEqual(text(matrixAtStep(trace, k)));
          }
          expect(text(matrixAtStep(trace, trace.steps.length))).toEqual(text(trace.rref));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reduces in floating point, with partial pivoting, when an entry is irrational', () => {
    const trace = traceOf([
      ['sqrt(2)', '1'],
      ['2', 'sqrt(2)'],
    ]);
    expect(trace.exact).toBe(false);
    expect(trace.strategy).toBe('partial');
    expect(trace.tolerance).toBeGreaterThan(0);
    // The rows are proportional: rank 1.
    expect(trace.rank).toBe(1);
  });

  it('names the bad cell instead of reducing', () => {
    const outcome = reducedByJob([
      ['1', '2'],
      ['3', '2x'],
    ]);
    expect(outcome.kind).toBe('error');
    if (outcome.kind === 'error') expect(outcome.message).toMatch(/^Row 2, column 2/);
  });

  it('gives summary facts without a trace beyond the traced size', () => {
    const size = largestTracedSize + 1;
    const cells = Array.from({ length: size }, (_, i) =>
      Array.from({ length: size }, (_, j) => String(i === j ? 1 : 0)),
    );
    cells[size - 1] = cells[0].slice();
    const outcome = reducedByJob(cells, 'textbook');
    expect(outcome.kind).toBe('summary');
    if (outcome.kind === 'summary') {
      expect(outcome.trace.steps).toHaveLength(0);
      expect(outcome.trace.rank).toBe(size - 1);
      expect(outcome.reason).toContain(`${largestTracedSize}×${largestTracedSize}`);
    }
  });
});

describe('step facts', () => {
  it('marks the source row as read and the target as written', () => {
    const pivot = { row: 0, col: 0 };
    expect(stepHighlight({ kind: 'add', rows: [2, 0], pivot })).toEqual({
      readRows: [0],
      writtenRows: [2],
      pivot,
    });
    expect(stepHighlight({ kind: 'swap', rows: [1, 2], pivot }).writtenRows).toEqual([1, 2]);
    expect(stepHighlight({ kind: 'scale', rows: [1], pivot }).readRows).toEqual([]);
  });

  it('counts steps as people do', () => {
    expect(stepCounterText(3, 7)).toBe('step 3 of 7');
    expect(unicodeNotation('R_12 ↔ R_3')).toBe('R₁₂ ↔ R₃');
  });
});
