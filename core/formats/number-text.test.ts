import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isNumberText, normalizeDecimalComma, numberFromText } from './number-text';

describe('number text', () => {
  it('accepts the numbers files write and nothing else', () => {
    for (const text of [
      '1',
      '-2',
      '+3',
      '1.',
      '.5',
      '-1.5e-3',
      '2E10',
      '3/4',
      '-1/2',
      '0.5/2',
      'inf',
      '-Infinity',
      'NaN',
    ]) {
      expect(isNumberText(text), text).toBe(true);
    }
    for (const text of [
      '',
      'abc',
      '1..2',
      '1/',
      '/2',
      '1e',
      '--1',
      '1 2',
      '0x10',
      'sqrt(2)',
      '1/2/3',
      'infinite',
    ]) {
      expect(isNumberText(text), text).toBe(false);
    }
  });

  it('rejects long hostile cells without catastrophic backtracking', () => {
    // With an ambiguous pattern such as \\d+\\.?\\d* each of these would take ~10^10 steps.
    expect(isNumberText('1'.repeat(100_000) + 'x')).toBe(false);
    expect(isNumberText('1'.repeat(50_000) + '/' + '2'.repeat(50_000) + '/')).toBe(false);
  });

  it('reads the nearest double', () => {
    expect(numberFromText('3/4')).toBe(0.75);
    expect(numberFromText('-1/2')).toBe(-0.5);
    expect(numberFromText('-inf')).toBe(-Infinity);
    expect(numberFromText('nan')).toBeNaN();
    expect(numberFromText('x')).toBeUndefined();
  });

  it('inverts String() on every double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (value) => {
        const text = String(value).replace('Infinity', 'inf');
        expect(isNumberText(text)).toBe(true);
        expect(numberFromText(text) === value).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('turns a decimal comma into a point and leaves other text alone', () => {
    expect(normalizeDecimalComma('1,5')).toBe('1.5');
    expect(normalizeDecimalComma('-3,25e2')).toBe('-3.25e2');
    expect(normalizeDecimalComma('1,000,000')).toBe('1,000,000');
    expect(normalizeDecimalComma('abc')).toBe('abc');
  });
});
