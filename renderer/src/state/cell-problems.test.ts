import { describe, it, expect } from 'vitest';
import { cellProblems, entryProblem } from './cell-problems';

describe('cell problems', () => {
  it('accepts the entries a person types', () => {
    for (const text of ['1/3', '-2', '0.25', 'sqrt(2)', 'pi', ' 7 ', '2/3 + 1/6', '1e-3']) {
      expect(entryProblem(text), text).toBeNull();
    }
  });
  it('names each bad cell, 1-based, in reading order', () => {
    const problems = cellProblems([
      ['1', '2', '3'],
      ['4', '5', '2x'],
      ['', '1/0', '9'],
    ]);
    expect(problems.map((problem) => [problem.row, problem.column])).toEqual([
      [1, 2],
      [2, 0],
      [2, 1],
    ]);
    expect(problems[0].message).toMatch(/^Row 2, column 3: "2x" is not a number/);
    expect(problems[1].message).toBe('Row 3, column 1: the cell is empty');
    expect(problems[2].message).toMatch(/^Row 3, column 2: /);
  });
  it('finds nothing wrong in a valid matrix', () => {
    expect(
      cellProblems([
        ['1', '2'],
        ['3', '4'],
      ]),
    ).toEqual([]);
  });
});
