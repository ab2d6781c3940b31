import { describe, expect, it } from 'vitest';
import { asciiNumber, formatNumber, formatPercent } from './number-shown';

describe('formatNumber: one way to write a number', () => {
  it('writes three significant digits with a true minus sign', () => {
    expect(formatNumber(1 / 3)).toBe('0.333');
    expect(formatNumber(-2.5)).toBe('−2.5');
    expect(formatNumber(2)).toBe('2');
    expect(formatNumber(12345)).toBe('12300');
    expect(formatNumber(0)).toBe('0');
  });

  it('uses e-notation with a true minus outside [1e−3, 1e5), never "e-" or "e+"', () => {
    expect(formatNumber(8.881784197001252e-16)).toBe('8.88e−16');
    expect(formatNumber(-6.661338147750939e-16)).toBe('−6.66e−16');
    expect(formatNumber(1.5e6)).toBe('1.5e6');
    expect(formatNumber(1e-4)).toBe('1e−4');
    expect(formatNumber(99999.9)).toBe('1e5');
    for (const value of [1e-300, 3.1e-16, 4e20, -7e-9]) {
      expect(formatNumber(value)).not.toMatch(/e[-+]|-/);
    }
  });

  it('reads back to the value within the digits it keeps', () => {
    for (const value of [Math.PI, -Math.E * 1e-12, 6.02214076e23, 1.0000001]) {
      const back = Number(asciiNumber(formatNumber(value, 6)));
      expect(Math.abs(back - value)).toBeLessThanOrEqual(Math.abs(value) * 5e-6);
    }
  });

  it('names the values that are not finite', () => {
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(-Infinity)).toBe('−∞');
    expect(formatNumber(NaN)).toBe('NaN');
  });
});

describe('formatPercent: one way to write a share', () => {
  it('writes a fraction with a fixed number of decimals and a true minus sign', () => {
    expect(formatPercent(0.98765)).toBe('98.77%');
    expect(formatPercent(0.5, 1)).toBe('50.0%');
    expect(formatPercent(1)).toBe('100.00%');
    expect(formatPercent(0)).toBe('0.00%');
    expect(formatPercent(-0.125, 1)).toBe('−12.5%');
  });

  it('never writes "100%" for less than all, nor "0%" for more than none', () => {
    expect(formatPercent(0.999999)).toBe('>99.99%');
    expect(formatPercent(0.99996, 1)).toBe('>99.9%');
    expect(formatPercent(1e-9)).toBe('<0.01%');
    expect(formatPercent(-1e-9)).toBe('>−0.01%');
    expect(formatPercent(1.0000001)).toBe('<100.01%');
    expect(formatPercent(-1e-9)).not.toContain('-');
  });

  it('reads rounding in a floating sum as all or none', () => {
    expect(formatPercent(1 - 2 ** -52)).toBe('100.00%');
    expect(formatPercent(1e-17)).toBe('0.00%');
    expect(formatPercent(-1e-17)).toBe('0.00%');
  });
});
