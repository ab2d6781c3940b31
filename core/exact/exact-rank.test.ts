import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Rational } from './rational';
import { bareiss, bareissInteger } from './bareiss';
import { exactRank, exactRref } from './exact-rank';
import { inverseModulo, isPrime, randomPrimes, rankModulo, seededRandom } from './modular';
import { multimodularRref, rationalReconstruction } from './multimodular';
import { rref } from './rref';
import { determinant } from './factorizations';
import fixtures from './fixtures/sympy-rref.json';
import { type FixtureCase, multiply, rationalGrid, rationalMatrix, textGrid } from './test-support';

const cases = fixtures.cases as FixtureCase[];

function integerMatrix(
  rows: number,
  columns: number,
  random: () => number,
  range = 99,
): Rational[][] {
  return Array.from({ length: rows }, () =>
    Array.from({ length: columns }, () =>
      Rational.of(Math.floor(random() * (2 * range + 1)) - range),
    ),
  );
}

/** A rows×columns integer matrix of rank `rank`: a product of thin factors. */
function lowRank(rows: number, columns: number, rank: number, random: () => number): Rational[][] {
  if (rank === 0)
    return Array.from({ length: rows }, () => new Array<Rational>(columns).fill(Rational.zero));
  return multiply(
    integerMatrix(rows, rank, random, 9),
    integerMatrix(rank, columns, random, 9),
    rank,
  );
}

describe('modular arithmetic', () => {
  it('finds primes and inverses', () => {
    expect([2, 3, 5, 97, 65537, 67108859].every(isPrime)).toBe(true);
    expect([1, 4, 561, 65535, 67108863, 3215031751].some(isPrime)).toBe(false);
    const primes = randomPrimes(seededRandom(7));
    for (let k = 0; k < 20; k++) {
      const p = primes.next().value as number;
      expect(isPrime(p)).toBe(true);
      expect(p).toBeLessThan(2 ** 26);
      const a = 1 + ((k * 7919) % (p - 1));
      expect((a * inverseModulo(a, p)) % p).toBe(1);
    }
  });

  it('rank mod p is at most the rank, and p = 2 can lose rank', () => {
    const matrix = [
      [1n, 1n],
      [1n, 3n],
    ];
    expect(rankModulo(matrix, 2, 2).rank).toBe(1);
    expect(rankModulo(matrix, 2, 67108859).rank).toBe(2);
  });

  it('reconstructs fractions from residues', () => {
    const modulus = 67108859n * 67108837n;
    for (const [numerator, denominator] of [
      [-3n, 7n],
      [12345n, 679n],
      [0n, 1n],
      [1n, 1n],
    ] as const) {
      const inverse = BigInt(
        // denominator⁻¹ mod modulus by Fermat would need the factorization; use the extended gcd instead.
        (() => {
          let [a, b, x, y]: bigint[] = [denominator, modulus, 1n, 0n];
          while (b !== 0n) {
            const q = a / b;
            [a, b, x, y] = [b, a - q * b, y, x - q * y];
          }
          return ((x % modulus) + modulus) % modulus;
        })(),
      );
      const residue = (((numerator * inverse) % modulus) + modulus) % modulus;
      expect(rationalReconstruction(residue, modulus, 2n ** 25n)).toEqual({
        numerator,
        denominator,
      });
    }
  });
});

describe('bareiss', () => {
  it('agrees with SymPy on rank, pivots and determinant', () => {
    for (const fixture of cases) {
      const result = bareiss(rationalGrid(fixture.matrix), fixture.cols);
      expect(result.rank, fixture.name).toBe(fixture.rank);
      expect(result.pivots, fixture.name).toEqual(fixture.pivots);
      const integral = fixture.matrix.every((row) => row.every((value) => !value.includes('/')));
      if (fixture.determinant && integral)
        expect(String(result.determinant)).toBe(fixture.determinant);
    }
  });

  it('divides exactly: rank, pivots and determinant match rational elimination (property)', () => {
    const integerEntries = fc
      .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
      .chain(([rows, columns]) =>
        fc.array(
          fc.array(fc.integer({ min: -4, max: 4 }), { minLength: columns, maxLength: columns }),
          {
            minLength: rows,
            maxLength: rows,
          },
        ),
      );
    fc.assert(
      fc.property(integerEntries, (entries) => {
        const matrix = entries.map((row) => row.map((value) => Rational.of(value)));
        const result = bareissInteger(
          entries.map((row) => row.map(BigInt)),
          entries[0].length,
        );
        const expected = rref(matrix, { trace: false });
        expect(result.rank).toBe(expected.rank);
        expect(result.pivots).toEqual(expected.pivots);
        if (entries.length === entries[0].length) {
          expect(String(result.determinant)).toBe(determinant(matrix).toString());
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('multimodular RREF and exactRank', () => {
  it('agrees with SymPy on the fixture set', () => {
    for (const fixture of cases) {
      const matrix = rationalGrid(fixture.matrix);
      const result = multimodularRref(matrix, { columns: fixture.cols, random: seededRandom(3) });
      expect(result, fixture.name).not.toBeNull();
      expect(textGrid(result!.rref), fixture.name).toEqual(fixture.rref);
      expect(result!.pivots, fixture.name).toEqual(fixture.pivots);
      const rank = exactRank(matrix, { columns: fixture.cols, certify: true });
      expect(rank.rank, fixture.name).toBe(fixture.rank);
      expect(rank.certified).toBe(true);
    }
  });

  it('agrees with rational Gauss–Jordan on random rational matrices (property)', () => {
    fc.assert(
      fc.property(rationalMatrix(6, 7), fc.integer({ min: 1, max: 2 ** 31 }), (matrix, seed) => {
        const expected = rref(matrix, { trace: false });
        const result = multimodularRref(matrix, { random: seededRandom(seed) })!;
        expect(textGrid(result.rref)).toEqual(textGrid(expected.rref));
        expect(result.pivots).toEqual(expected.pivots);
      }),
      { numRuns: 100 },
    );
  });

  it('reduces larger rank-deficient and rectangular integer matrices exactly', () => {
    const random = seededRandom(11);
    for (const [rows, columns, rank] of [
      [12, 15, 7],
      [15, 9, 9],
      [20, 20, 13],
      [9, 14, 0],
    ]) {
      const matrix = lowRank(rows, columns, rank, random);
      const expected = rref(matrix, { trace: false });
      expect(expected.rank).toBe(rank);
      const fast = exactRref(matrix, { random });
      expect(fast.method).toBe('multimodular');
      expect(textGrid(fast.rref)).toEqual(textGrid(expected.rref));
      for (const certify of [false, true]) {
        const result = exactRank(matrix, { certify, random });
        expect(result.rank).toBe(rank);
        expect(result.pivots).toEqual(expected.pivots);
        if (certify) expect(result.certified).toBe(true);
        else expect(result.errorBound).toBeLessThan(1e-6);
      }
    }
  });

  it('proves full rank from one prime and uses Bareiss for small matrices', () => {
    const random = seededRandom(5);
    const square = integerMatrix(40, 40, random);
    const full = exactRank(square, { random });
    expect(full).toMatchObject({ rank: 40, method: 'modular', certified: true, errorBound: 0 });
    expect(
      exactRank(
        rationalGrid([
          [1, 2],
          [2, 4],
        ]),
      ),
    ).toMatchObject({ rank: 1, method: 'bareiss', certified: true });
  });

  it('handles huge entries and fractions', () => {
    const big = 10n ** 40n;
    const matrix = [
      [Rational.of(big), Rational.of(1, 3), Rational.of(big + 1n)],
      [Rational.of(2n * big), Rational.of(2, 3), Rational.of(2n * big + 2n)],
      [Rational.of(1, 7), Rational.of(-5), Rational.of(big, 3)],
    ];
    const repeated = Array.from({ length: 4 }, () => matrix).flat();
    const wide = repeated.map((row, i) => [
      ...row,
      ...row.map((value) => value.multiply(Rational.of(i + 1))),
    ]);
    const expected = rref(wide, { trace: false });
    const result = multimodularRref(wide, { random: seededRandom(9) })!;
    expect(textGrid(result.rref)).toEqual(textGrid(expected.rref));
    expect(exactRank(wide, { certify: true }).rank).toBe(expected.rank);
  });
});
