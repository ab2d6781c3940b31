import { describe, expect, it } from 'vitest';
import { loraBudgets } from '../../../../core/rank/lora';
import { parseRankList, wholeNumber } from './rank-list';

describe('parseRankList', () => {
  it('reads commas, spaces and semicolons', () => {
    expect(parseRankList('1, 4,8 16;32')).toEqual({ ranks: [1, 4, 8, 16, 32], error: null });
  });
  it('names the item that is not a whole number ≥ 1', () => {
    expect(parseRankList('4, 2.5').error).toMatch('2.5');
    expect(parseRankList('0').error).toMatch('“0”');
    expect(parseRankList('  ').ranks).toBeNull();
  });
  it('feeds the chapter example: 4096×4096 at r = 8 is 65,536 of 16,777,216 parameters', () => {
    const [budget] = loraBudgets(4096, 4096, parseRankList('8').ranks!);
    expect(budget.parameters).toBe(65_536);
    expect(budget.fullParameters).toBe(16_777_216);
    expect(budget.fraction).toBeCloseTo(1 / 256, 15);
  });
});

describe('wholeNumber', () => {
  it('accepts 1..largest only', () => {
    expect(wholeNumber('64')).toBe(64);
    expect(wholeNumber('0')).toBeNull();
    expect(wholeNumber('3.5')).toBeNull();
    expect(wholeNumber('5000', 4096)).toBeNull();
  });
});
