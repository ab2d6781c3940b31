import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Rational } from '../exact/rational';
import { applyStep } from '../exact/rref';
import { rationalMatrix, textGrid } from '../exact/test-support';
import { LessonError, columnList, reductionLesson, shapeText } from './reduction-lesson';
import { operationNotation, operationWords, rowMarks } from './step-description';

const example = [
  ['2', '4', '-2', '2'],
  ['1', '3', '1', '5/2'],
  ['3', '7', '-1', '1'],
];

describe('reduction lesson', () => {
  it('chains every step: the matrix after one is the matrix before the next', () => {
    const lesson = reductionLesson(example, { title: 'A' });
    expect(lesson.steps.length).toBe(8);
    expect(lesson.steps[0].before).toBe(lesson.start);
    lesson.steps.forEach((step, index) => {
      expect(step.number).toBe(index + 1);
      const replayed = applyStep(step.before as Rational[][], {
        ...step,
        factor: step.factor as Rational,
      });
      expect(textGrid(replayed)).toEqual(textGrid(step.after as Rational[][]));
      if (index > 0) expect(step.before).toBe(lesson.steps[index - 1].after);
    });
    expect(textGrid(lesson.steps[7].after as Rational[][])).toEqual(
      textGrid(lesson.result.rref as Rational[][]),
    );
  });

  it('says each operation in notation and in words, with the rows it reads and writes', () => {
    const lesson = reductionLesson(example, { title: 'A' });
    const [scale, clear] = lesson.steps;
    expect(scale.notation).toBe('R₁ ← (1/2)R₁');
    expect(scale.words).toBe('multiply row 1 by 1/2');
    expect(scale.reason).toBe('make the pivot 1');
    expect(scale).toMatchObject({ readRows: [], writtenRows: [0] });
    expect(clear.notation).toBe('R₂ ← R₂ − R₁');
    expect(clear.words).toBe('subtract row 1 from row 2');
    expect(clear).toMatchObject({ readRows: [0], writtenRows: [1] });
    expect(operationWords({ kind: 'add', rows: [2, 0], factor: Rational.of(3, 2) })).toBe(
      'add 3/2 times row 1 to row 3',
    );
    expect(operationNotation({ kind: 'swap', rows: [0, 11], factor: Rational.one })).toBe(
      'R₁ ↔ R₁₂',
    );
    expect(rowMarks({ kind: 'swap', rows: [0, 2] })).toEqual({ readRows: [], writtenRows: [0, 2] });
  });

  it('writes the operations target-last when asked, swaps alike', () => {
    const lesson = reductionLesson(example, { title: 'A', notation: 'target-last' });
    expect(lesson.notation).toBe('target-last');
    expect(lesson.steps[0].notation).toBe('(1/2)R₁ → R₁');
    expect(lesson.steps[1].notation).toBe('R₂ − R₁ → R₂');
    const negative = { kind: 'scale' as const, rows: [11], factor: Rational.of(-2, 3) };
    expect(operationNotation(negative, 'target-last')).toBe('−(2/3)R₁₂ → R₁₂');
    expect(operationNotation(negative)).toBe('R₁₂ ← −(2/3)R₁₂');
    expect(
      operationNotation({ kind: 'swap', rows: [1, 2], factor: Rational.one }, 'target-last'),
    ).toBe('R₂ ↔ R₃');
    // The default stays target-first, as the trace records it.
    expect(reductionLesson(example, { title: 'A' }).notation).toBe('target-first');
  });

  it('ends on rank, pivots and the four subspaces, exactly', () => {
    const lesson = reductionLesson(example, { title: 'A' });
    expect(lesson.result.rank).toBe(3);
    expect(lesson.result.pivots).toEqual([0, 1, 3]);
    expect(lesson.result.freeColumns).toEqual([2]);
    expect(textGrid(lesson.result.nullspace as Rational[][])).toEqual([['5', '-2', '1', '0']]);
    expect(lesson.result.leftNullspace).toEqual([]);
    expect(lesson.exact).toBe(true);
    expect(shapeText(lesson)).toBe('3×4');
    expect(columnList(lesson.result.pivots)).toBe('columns 1, 2 and 4');
  });

  it('solves [A | b] and keeps the bar', () => {
    const lesson = reductionLesson(
      [
        ['1', '2', '1', '4'],
        ['2', '4', '0', '6'],
        ['1', '2', '2', '5'],
      ],
      { title: 'S', augmented: true },
    );
    expect(lesson.augmentedColumns).toBe(1);
    expect(shapeText(lesson)).toBe('3×(3 | 1)');
    expect(lesson.result.system?.kind).toBe('infinite');
    expect(textGrid(lesson.result.rref as Rational[][])).toEqual([
      ['1', '2', '0', '3'],
      ['0', '0', '1', '1'],
      ['0', '0', '0', '0'],
    ]);
  });

  it('refuses what cannot become slides, saying why', () => {
    expect(() => reductionLesson([], { title: 'A' })).toThrow(LessonError);
    const large = Array.from({ length: 31 }, (_, i) =>
      Array.from({ length: 31 }, (_, j) => String((i * 7 + j * 3) % 5)),
    );
    expect(() => reductionLesson(large, { title: 'A' })).toThrow(
      /steps are recorded only up to 30×30/,
    );
  });

  it('replays exactly on random rational matrices', () => {
    fc.assert(
      fc.property(rationalMatrix(4, 5), (matrix) => {
        const lesson = reductionLesson(textGrid(matrix), { title: 'A' });
        let current = lesson.start as Rational[][];
        for (const step of lesson.steps) {
          current = applyStep(current, { ...step, factor: step.factor as Rational });
          expect(textGrid(current)).toEqual(textGrid(step.after as Rational[][]));
        }
        expect(lesson.result.rank + lesson.result.nullity).toBe(matrix[0].length);
      }),
      { numRuns: 60 },
    );
  });
});
