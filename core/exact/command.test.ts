import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Rational } from './rational';
import { rref } from './rref';
import { rationalMatrix } from './test-support';
import { CommandError, formatRowOperation, parseRowOperation, type RowOperation } from './command';

function described(operation: RowOperation): string {
  return operation.kind === 'swap'
    ? `swap ${operation.rows.join(',')}`
    : `${operation.kind} ${operation.rows.join(',')} by ${operation.factor}`;
}

describe('parseRowOperation', () => {
  it('accepts the forms people type', () => {
    const forms: [string, string][] = [
      ['R2 <- R2 - 2R1', 'add 1,0 by -2'],
      ['R2 = R2 - 2*R1', 'add 1,0 by -2'],
      ['R2 → R2 + (1/2)R3', 'add 1,2 by 1/2'],
      ['R2 ← R2 − 3R1', 'add 1,0 by -3'],
      ['r2 -> -2R1 + R2', 'add 1,0 by -2'],
      ['R2 <- R2 + R3/4', 'add 1,2 by 1/4'],
      ['R1 <-> R3', 'swap 0,2'],
      ['R1 ↔ R3', 'swap 0,2'],
      ['R3 *= 1/2', 'scale 2 by 1/2'],
      ['R3 /= -4', 'scale 2 by -1/4'],
      ['R3 -> (1/2)R3', 'scale 2 by 1/2'],
      ['R3 = -R3', 'scale 2 by -1'],
      ['R3 = 0.5*R3', 'scale 2 by 1/2'],
      ['R10 <- R10 + (2/3 - 1/6)R1', 'add 9,0 by 1/2'],
      ['R1 <- R1 - 1e-3R2', 'add 0,1 by -1/1000'],
      // The other textbook convention: the target row written last.
      ['R2 - 2R1 -> R2', 'add 1,0 by -2'],
      ['R₂ − 2R₁ → R₂', 'add 1,0 by -2'],
      ['R_2 - 2R_1 → R_2', 'add 1,0 by -2'],
      ['-2R1 + R2 -> R2', 'add 1,0 by -2'],
      ['(1/2)R3 -> R3', 'scale 2 by 1/2'],
    ];
    for (const [text, expected] of forms)
      expect(described(parseRowOperation(text)), text).toBe(expected);
  });

  it('rejects nonsense with a message', () => {
    const bad: [string, RegExp][] = [
      ['', /type an operation/],
      ['hello', /is not a row operation/],
      ['R0 <-> R1', /numbered from 1/],
      ['R2 <- R1', /R2 must appear on the right/],
      ['R2 <- 2R2 + R1', /two separate steps/],
      ['R2 <- R2 + R1 + R3', /only one other row/],
      ['R2 <- R2 + xR1', /x is not defined/],
      ['R2 <- R2 + sqrt(2)R1', /must be an exact number/],
      ['R3 *= 0', /scaling by 0 is not allowed/],
      ['R3 = R3 - R3', /scaling by 0 is not allowed/],
      ['R2 <- R2 + (1/2R1', /not closed/],
      ['R2 <- R2 + 2', /is not a multiple of a row/],
      ['R3 /= 0', /division by zero/],
    ];
    for (const [text, message] of bad) {
      expect(() => parseRowOperation(text), text).toThrow(CommandError);
      expect(() => parseRowOperation(text), text).toThrow(message);
    }
  });

  it('reads back the notation of every traced step (property)', () => {
    fc.assert(
      fc.property(rationalMatrix(5, 5), (matrix) => {
        for (const step of rref(matrix).steps) {
          const operation = parseRowOperation(step.notation);
          expect(operation.kind).toBe(step.kind);
          expect(operation.rows).toEqual(step.rows);
          if (operation.kind !== 'swap') expect(operation.factor.equals(step.factor)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
    expect(described(parseRowOperation('R_{2} → R_{2} - 2R_{1}'))).toBe('add 1,0 by -2');
  });

  it('reads back what formatRowOperation writes (property)', () => {
    const factor = fc
      .tuple(
        fc.integer({ min: -20, max: 20 }).filter((value) => value !== 0),
        fc.integer({ min: 1, max: 9 }),
      )
      .map(([numerator, denominator]) => Rational.of(numerator, denominator));
    const row = fc.integer({ min: 0, max: 11 });
    const operation: fc.Arbitrary<RowOperation> = fc.oneof(
      fc
        .tuple(row, row)
        .map(([first, second]): RowOperation => ({ kind: 'swap', rows: [first, second] })),
      fc
        .tuple(row, factor)
        .map(([target, value]): RowOperation => ({ kind: 'scale', rows: [target], factor: value })),
      fc
        .tuple(row, row, factor)
        .filter(([target, source]) => target !== source)
        .map(([target, source, value]): RowOperation => ({
          kind: 'add',
          rows: [target, source],
          factor: value,
        })),
    );
    fc.assert(
      fc.property(operation, (original) => {
        expect(described(parseRowOperation(formatRowOperation(original)))).toBe(
          described(original),
        );
      }),
    );
  });
});
