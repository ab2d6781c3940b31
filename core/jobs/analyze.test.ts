import { describe, expect, it } from 'vitest';
import { defaultDecimalReading, hasLongDecimal } from '../exact/decimal-reading';
import { analyze } from './analyze';

// A 4×3 product of a 4×2 and a 2×3 random factor, computed in numpy and written with the 17
// digits repr gives: numpy's rank is 2 (σ₃ ≈ 2.8e−16), but these decimals, read exactly, are
// a different matrix, of rank 3.
const numpyRankTwo = [
  ['-0.8646237213786667', '7.500849672192317', '2.168114902337521'],
  ['-0.1615315421507098', '1.5490487121920804', '0.47369753340219484'],
  ['0.4676642853786922', '-1.443508609526384', '0.04182674638793969'],
  ['1.8295049113944102', '-6.647173271092445', '-0.30114424943797524'],
];

describe('analyze: one rank story for decimals', () => {
  it('reads long decimals as floating data by default, and tells the exact rank beside it', () => {
    expect(defaultDecimalReading(numpyRankTwo, 'typed')).toBe('floating');
    const result = analyze(numpyRankTwo);
    expect(result).toMatchObject({ exact: false, reading: 'floating', rank: 2, nullity: 1 });
    expect(result.exactRank).toBe(3);
    expect(result.numericalRank).toBe(2);
    expect(result.pivots).toBeNull();
    expect(result.subspaces.find((space) => space.key === 'null')?.dimension).toBe(1);
    const story = result.story!;
    expect(story.separatingIndex).toBe(3);
    expect(story.separatingValue).toBe(result.singularValues[2]);
    expect(story.separatingValue).toBeLessThan(result.tolerance);
    expect(story.separatingValue).toBeGreaterThan(0);
    expect(story.sentence).toMatch(
      /^σ₃ = \d\.?\d*e−1\d is below the tolerance \d\.?\d*e−1\d: as floating numbers the rank is 2; as the decimals written, 3\.$/,
    );
  });

  it('reads the same decimals exactly when asked, still telling the numerical rank', () => {
    const result = analyze(numpyRankTwo, 'exact');
    expect(result).toMatchObject({ exact: true, reading: 'exact', rank: 3, nullity: 0 });
    expect(result.pivots).toEqual([0, 1, 2]);
    expect(result.story?.numericalRank).toBe(2);
  });

  it('reads short hand-typed decimals exactly, and floating when they come from a file', () => {
    const typed = [
      ['0.5', '1', '0.25'],
      ['1', '2', '0.5'],
      ['0.1', '0.3', '1.5'],
    ];
    expect(defaultDecimalReading(typed, 'typed')).toBe('exact');
    expect(defaultDecimalReading(typed, 'file')).toBe('floating');
    const exact = analyze(typed);
    expect(exact).toMatchObject({ exact: true, rank: 2, exactRank: 2, numericalRank: 2 });
    expect(exact.pivots).toEqual([0, 1]);
    expect(exact.story).toBeNull();
    const floating = analyze(typed, 'floating');
    expect(floating).toMatchObject({ exact: false, rank: 2, exactRank: 2, story: null });
    expect(floating.method).toMatch(/^Numerical: the decimals are read as floating data/);
  });

  it('keeps integers and fractions exact under either reading', () => {
    const cells = [
      ['1', '2'],
      ['1/2', '1'],
    ];
    for (const reading of ['exact', 'floating'] as const) {
      expect(analyze(cells, reading)).toMatchObject({ exact: true, rank: 1, story: null });
    }
  });

  it('counts significant digits, not characters, to tell a long decimal', () => {
    expect(hasLongDecimal('0.000125')).toBe(false);
    expect(hasLongDecimal('3.14159')).toBe(false);
    expect(hasLongDecimal('3.141593')).toBe(true);
    expect(hasLongDecimal('3.1e-16')).toBe(false);
    expect(hasLongDecimal('2.2204460492503131e-16')).toBe(true);
    expect(hasLongDecimal('1234567')).toBe(false);
    expect(hasLongDecimal('1/3 + 0.1234567')).toBe(true);
  });
});
