import { describe, expect, it } from 'vitest';
import { generateWorksheet } from '../../../core/lecture/worksheet-generator';
import {
  defaultWorksheetForm,
  randomSeed,
  readWorksheetForm,
  worksheetRequestOf,
} from './worksheet-form';

const form = (changes: Partial<typeof defaultWorksheetForm>) => ({
  ...defaultWorksheetForm,
  ...changes,
});

describe('the worksheet form', () => {
  it('reads pivot columns as a lecturer numbers them, from 1, with commas or spaces', () => {
    const request = worksheetRequestOf(form({ rows: '3', cols: '5', rank: '2', pivots: '2, 4' }));
    expect(request.pivotColumns).toEqual([1, 3]);
    expect(worksheetRequestOf(form({ rank: '2', pivots: '1 3' })).pivotColumns).toEqual([0, 2]);
    expect(worksheetRequestOf(form({ pivots: '  ' })).pivotColumns).toBeUndefined();
    // The sheet made from the form has its pivots where asked.
    const read = readWorksheetForm(form({ cols: '5', pivots: '2,4', count: '3', seed: '11' }));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    for (const exercise of generateWorksheet(read.options).exercises)
      expect(exercise.analysis.pivots).toEqual([1, 3]);
  });

  it('names the field that is wrong, in the dialog’s words', () => {
    expect(readWorksheetForm(form({ rank: '4' }))).toEqual({
      ok: false,
      problem: 'rank: a 3×4 matrix has rank at most 3',
    });
    expect(readWorksheetForm(form({ seed: 'x' }))).toEqual({
      ok: false,
      problem: 'seed: “x” is not a whole number',
    });
    expect(readWorksheetForm(form({ pivots: '0,2' }))).toEqual({
      ok: false,
      problem: 'pivot columns: columns are numbered from 1',
    });
    const wrongCount = readWorksheetForm(form({ pivots: '1' }));
    expect(wrongCount.ok).toBe(false);
    if (!wrongCount.ok) expect(wrongCount.problem).toMatch(/^pivot columns: rank 2 needs 2/);
    const unique = readWorksheetForm(form({ system: 'unique' }));
    expect(unique.ok).toBe(false);
    if (!unique.ok) expect(unique.problem).toMatch(/^system: a unique solution needs rank = /);
    const tooMany = readWorksheetForm(form({ count: '500' }));
    if (!tooMany.ok) expect(tooMany.problem).toMatch(/^exercises: /);
    expect(tooMany.ok).toBe(false);
  });

  it('asks for a denominator bound only with fraction answers', () => {
    expect(worksheetRequestOf(form({ denominatorBound: 'junk' })).denominatorBound).toBeUndefined();
    const read = readWorksheetForm(form({ answers: 'fractions', denominatorBound: '3' }));
    expect(read.ok && read.options.denominatorBound).toBe(3);
  });

  it('draws new seeds the options accept', () => {
    expect(randomSeed(() => 0)).toBe(1);
    expect(randomSeed(() => 0.999_999_9)).toBeLessThan(2 ** 31);
    const read = readWorksheetForm(form({ seed: String(randomSeed()) }));
    expect(read.ok).toBe(true);
  });
});
