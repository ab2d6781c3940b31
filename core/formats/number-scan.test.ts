import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { NumberKind, scanNumber, scanned } from './number-scan';

const encoder = new TextEncoder();

/** The scanner's double for a whole text, and where it stopped. */
function scan(text: string, decimalComma = false): { value: number; end: number; kind: number } {
  const value = scanNumber(encoder.encode(text), 0, decimalComma);
  return { value, end: scanned.end, kind: scanned.kind };
}

function expectSameAsNumber(text: string): void {
  const { value, end } = scan(text);
  expect(end, text).toBe(text.length);
  expect(Object.is(value, Number(text)), `${text}: ${value} vs ${Number(text)}`).toBe(true);
}

describe('scanNumber gives the nearest double, as Number() does', () => {
  it('for the shortest, 17-digit and %.18e forms of any double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expectSameAsNumber(String(x));
        expectSameAsNumber(x.toPrecision(17));
        expectSameAsNumber(x.toExponential(18));
        expectSameAsNumber(x.toExponential(15));
      }),
      { numRuns: 20_000 },
    );
  });

  it('for random digit strings with and without a point and an exponent', () => {
    const digits = fc.string({
      unit: fc.constantFrom(...'0123456789'),
      minLength: 1,
      maxLength: 26,
    });
    fc.assert(
      fc.property(digits, digits, fc.integer({ min: -60, max: 60 }), (whole, fraction, power) => {
        expectSameAsNumber(whole);
        expectSameAsNumber(`${whole}.${fraction}`);
        expectSameAsNumber(`-${whole}.${fraction}e${power}`);
        expectSameAsNumber(`.${fraction}E${power}`);
      }),
      { numRuns: 20_000 },
    );
  });

  it('for halfway cases and the edges of the double range', () => {
    for (const text of [
      '9007199254740993', // 2^53 + 1: halfway, ties to even
      '9007199254740995',
      '90071992547409930e-1',
      '1.00000000000000011102230246251565404236316680908203125',
      '1.00000000000000011102230246251565404236316680908203124',
      '2.2250738585072011e-308',
      '2.2250738585072014e-308',
      '4.9406564584124654e-324',
      '1.7976931348623157e308',
      '1.7976931348623159e308',
      '1e23',
      '8.41e21',
      '123456789012345678901234567890',
      '0.000000000000000000000000000001',
      '7.038531e-26',
      '0',
      '-0',
      '0.0e400',
    ])
      expectSameAsNumber(text);
  });
});

describe('what scanNumber accepts', () => {
  it('says how each number was written', () => {
    expect(scan('-12').kind).toBe(NumberKind.integer);
    expect(scan('3/4')).toEqual({ value: 0.75, end: 3, kind: NumberKind.fraction });
    expect(scan('-1/3').value).toBe(-1 / 3);
    expect(scan('1.5/2').kind).toBe(NumberKind.decimal);
    expect(scan('1e3').kind).toBe(NumberKind.decimal);
    expect(scan('2.').kind).toBe(NumberKind.decimal);
    expect(scan('-Infinity')).toEqual({ value: -Infinity, end: 9, kind: NumberKind.nonFinite });
    expect(scan('NaN').kind).toBe(NumberKind.nonFinite);
  });

  it('stops where the number ends, and finds none where there is none', () => {
    expect(scan('12abc').end).toBe(2);
    expect(scan('3/').end).toBe(1);
    expect(scan('1e').end).toBe(1);
    for (const text of ['', '-', '.', 'e5', 'info', 'nano', 'x1'])
      expect(scan(text).kind, text).toBe(-1);
  });

  it('reads a decimal comma only when asked, and not a trailing one', () => {
    expect(scan('1,5', true)).toMatchObject({ value: 1.5, end: 3 });
    expect(scan('1,5').end).toBe(1);
    expect(scan('1,', true).end).toBe(1);
  });
});
