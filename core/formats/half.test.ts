import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { decodeBfloat16, decodeFloat16, encodeBfloat16, encodeFloat16 } from './half';

describe('float16', () => {
  it('decodes the landmark bit patterns exactly', () => {
    expect(decodeFloat16(0x3c00)).toBe(1);
    expect(decodeFloat16(0xc000)).toBe(-2);
    expect(decodeFloat16(0x7bff)).toBe(65504);
    expect(decodeFloat16(0x0400)).toBe(2 ** -14); // smallest normal
    expect(decodeFloat16(0x0001)).toBe(2 ** -24); // smallest subnormal
    expect(decodeFloat16(0x03ff)).toBe(1023 * 2 ** -24); // largest subnormal
    expect(decodeFloat16(0x3555)).toBe(1365 / 4096); // float16(1/3): exponent 13, fraction 341
    expect(Object.is(decodeFloat16(0x8000), -0)).toBe(true);
    expect(decodeFloat16(0x7c00)).toBe(Infinity);
    expect(decodeFloat16(0xfc00)).toBe(-Infinity);
    expect(decodeFloat16(0x7e00)).toBeNaN();
    expect(decodeFloat16(0x7c01)).toBeNaN();
  });

  it('encode inverts decode on all 65536 bit patterns except NaN payloads', () => {
    const failures: number[] = [];
    for (let bits = 0; bits < 0x10000; bits++) {
      const value = decodeFloat16(bits);
      const back = encodeFloat16(value);
      if (Number.isNaN(value) ? !Number.isNaN(decodeFloat16(back)) : back !== bits)
        failures.push(bits);
    }
    expect(failures).toEqual([]);
  });

  it('is monotone: decode of consecutive positive patterns increases', () => {
    const failures: number[] = [];
    for (let bits = 1; bits <= 0x7c00; bits++) {
      if (!(decodeFloat16(bits) > decodeFloat16(bits - 1))) failures.push(bits);
    }
    expect(failures).toEqual([]);
  });

  it('rounds any double to the nearest float16, ties to even', () => {
    fc.assert(
      fc.property(fc.double({ min: -70000, max: 70000, noNaN: true }), (value) => {
        const bits = encodeFloat16(value);
        const rounded = decodeFloat16(bits);
        if (Math.abs(value) >= 65520) {
          expect(Math.abs(rounded)).toBe(Infinity); // beyond the half-way point past 65504
          return;
        }
        // No float16 is strictly closer than the chosen one.
        const magnitudeBits = bits & 0x7fff;
        for (const neighbour of [magnitudeBits - 1, magnitudeBits + 1]) {
          if (neighbour < 0 || neighbour > 0x7bff) continue;
          const other = decodeFloat16(neighbour | (bits & 0x8000));
          const distance = Math.abs(value - rounded);
          expect(Math.abs(value - other)).toBeGreaterThanOrEqual(distance);
          if (Math.abs(value - other) === distance) expect(magnitudeBits % 2).toBe(0);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('bfloat16', () => {
  it('decodes as the top half of a float32', () => {
    expect(decodeBfloat16(0x3f80)).toBe(1);
    expect(decodeBfloat16(0xc020)).toBe(-2.5);
    expect(decodeBfloat16(0x0001)).toBe(2 ** -133); // smallest subnormal
    expect(decodeBfloat16(0x7f80)).toBe(Infinity);
    expect(decodeBfloat16(0xff80)).toBe(-Infinity);
    expect(decodeBfloat16(0x7fc0)).toBeNaN();
    expect(Object.is(decodeBfloat16(0x8000), -0)).toBe(true);
  });

  it('encode inverts decode on all non-NaN patterns', () => {
    const failures: number[] = [];
    for (let bits = 0; bits < 0x10000; bits++) {
      const value = decodeBfloat16(bits);
      if (!Number.isNaN(value) && encodeBfloat16(value) !== bits) failures.push(bits);
    }
    expect(failures).toEqual([]);
  });

  it('rounds ties to even and overflows to infinity', () => {
    // 1 + 2^-8 is half-way between 1 (even) and 1 + 2^-7 (odd): ties go to 1.
    expect(decodeBfloat16(encodeBfloat16(1 + 2 ** -8))).toBe(1);
    expect(decodeBfloat16(encodeBfloat16(1 + 3 * 2 ** -8))).toBe(1 + 2 ** -6);
    expect(decodeBfloat16(encodeBfloat16(1 + 2 ** -8 + 2 ** -30))).toBe(1 + 2 ** -7);
    expect(decodeBfloat16(encodeBfloat16(3.5e38))).toBe(Infinity);
  });
});
