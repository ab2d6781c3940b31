import { describe, it, expect } from 'vitest';
import { EntryError, parseEntry, parseEntryMatrix } from './entry';

function exactString(text: string): string {
  const entry = parseEntry(text);
  if (!entry.exact) throw new Error(`${text} was not exact`);
  return entry.value.toString();
}

describe('parseEntry', () => {
  it('reads numbers exactly', () => {
    expect(exactString('3')).toBe('3');
    expect(exactString('-3/4')).toBe('-3/4');
    expect(exactString('0.1')).toBe('1/10');
    expect(exactString('1e-3')).toBe('1/1000');
  });

  it('gives a 17-digit decimal the double JavaScript and numpy read, to the last bit', () => {
    // The quotient of the rounded numerator and denominator lands an ulp away for these.
    for (const text of ['0.030728757196681722', '-0.18290821743488578', '3.3757910596e-17']) {
      const entry = parseEntry(text);
      expect(entry.exact).toBe(true);
      expect(entry.approx).toBe(Number(text));
    }
  });

  it('keeps rational expressions exact', () => {
    expect(exactString('2/3 + 1/6')).toBe('5/6');
    expect(exactString('(1/2)^2')).toBe('1/4');
    expect(exactString('-3*4')).toBe('-12');
    expect(exactString('2^-2')).toBe('1/4');
    expect(exactString('0.1 + 0.2')).toBe('3/10');
    expect(exactString('2(3 + 1/2)')).toBe('7');
    expect(exactString('50%')).toBe('1/2');
    expect(parseEntry('2/3 + 1/6').approx).toBeCloseTo(5 / 6, 15);
  });

  it('marks irrational values inexact with their float value', () => {
    for (const [text, value] of [
      ['sqrt(2)', Math.SQRT2],
      ['pi', Math.PI],
      ['e', Math.E],
      ['sin(1)', Math.sin(1)],
      ['2^(1/2)', Math.SQRT2],
      ['log(3) / 2', Math.log(3) / 2],
      ['atan2(1, 2)', Math.atan2(1, 2)],
    ] as const) {
      const entry = parseEntry(text);
      expect(entry.exact).toBe(false);
      expect(entry.approx).toBeCloseTo(value, 14);
    }
  });

  it('rejects text that is not a number with a sentence', () => {
    expect(() => parseEntry('2x')).toThrow('"2x" is not a number: x is not defined');
    expect(() => parseEntry('')).toThrow('empty entry');
    expect(() => parseEntry('   ')).toThrow(EntryError);
    expect(() => parseEntry('1 +')).toThrow(/is not a number/);
    expect(() => parseEntry('foo(2)')).toThrow('foo is not a known function');
    expect(() => parseEntry('1/0')).toThrow(/divides by zero/);
    expect(() => parseEntry('1/(2-2)')).toThrow(/division by zero/);
    expect(() => parseEntry('sqrt(-1)')).toThrow(/not a real number/);
    expect(() => parseEntry('x = 3')).toThrow(/assignments are not allowed/);
    expect(() => parseEntry('"hello"')).toThrow(/is not a number/);
    expect(() => parseEntry('[1, 2]')).toThrow(/only numbers, arithmetic/);
    expect(() => parseEntry('createUnit("foo")')).toThrow('createUnit is not a known function');
    expect(() => parseEntry('import({})')).toThrow(/is not a number/);
    expect(() => parseEntry('ones(10000, 10000)')).toThrow('ones is not a known function');
    expect(() => parseEntry('5 cm')).toThrow(/is not a number/);
    expect(() => parseEntry('1 > 0')).toThrow(/truth value/);
  });
});

describe('parseEntryMatrix', () => {
  it('returns rationals when every cell is exact', () => {
    const parsed = parseEntryMatrix([
      ['1', '1/2'],
      ['0.25', '-3'],
    ]);
    expect(parsed.exact).toBe(true);
    expect(parsed.rationals!.map((row) => row.map(String))).toEqual([
      ['1', '1/2'],
      ['1/4', '-3'],
    ]);
    expect(parsed.approx).toEqual([
      [1, 0.5],
      [0.25, -3],
    ]);
  });

  it('is inexact when a cell is irrational', () => {
    const parsed = parseEntryMatrix([['1', 'pi']]);
    expect(parsed.exact).toBe(false);
    expect(parsed.rationals).toBeUndefined();
    expect(parsed.approx[0][1]).toBeCloseTo(Math.PI, 15);
  });

  it('names the row and column of a bad cell', () => {
    expect(() =>
      parseEntryMatrix([
        ['1', '2'],
        ['3', 'y'],
      ]),
    ).toThrow('row 2, column 2: "y" is not a number: y is not defined');
    expect(() => parseEntryMatrix([['1', '2'], ['3']])).toThrow('row 2 has 1 entries, expected 2');
  });
});
