// Helpers shared by the core/formats tests: expected values stored as float64 bit patterns, the
// check that a parser either returns or throws a FormatError, and byte mutations for fuzzing.
import fc from 'fast-check';
import { expect } from 'vitest';
import { FormatError } from './format-error';

export interface ExpectedMatrix {
  rows: number;
  cols: number;
  /** Column-major float64 values as 16 hex digits (big-endian bits). */
  values: string[];
  shape?: number[];
  dtype?: string;
}

export function valuesFromHex(values: readonly string[]): Float64Array {
  const result = new Float64Array(values.length);
  const view = new DataView(new ArrayBuffer(8));
  values.forEach((hex, k) => {
    view.setBigUint64(0, BigInt('0x' + hex));
    result[k] = view.getFloat64(0);
  });
  return result;
}

/** Same doubles bit for bit, except that any NaN equals any NaN. */
export function expectSameDoubles(actual: Float64Array, expected: Float64Array): void {
  expect(actual.length).toBe(expected.length);
  for (let k = 0; k < expected.length; k++) {
    if (Number.isNaN(expected[k])) expect(actual[k], `entry ${k}`).toBeNaN();
    else
      expect(Object.is(actual[k], expected[k]), `entry ${k}: ${actual[k]} vs ${expected[k]}`).toBe(
        true,
      );
  }
}

/** Runs parse; anything thrown must be a FormatError whose message names a location. */
export function expectOnlyFormatError(parse: () => unknown): void {
  try {
    parse();
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
  }
}

export async function expectOnlyFormatErrorAsync(parse: () => Promise<unknown>): Promise<void> {
  try {
    await parse();
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
  }
}

export interface Mutation {
  edits: [number, number][];
  truncate: number | null;
  insert: { at: number; bytes: Uint8Array } | null;
}

/** Random damage to a valid file: overwritten bytes, a cut, an insertion. */
export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
  edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
  truncate: fc.option(fc.nat(), { nil: null }),
  insert: fc.option(
    fc.record({ at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
    {
      nil: null,
    },
  ),
});

export function mutate(original: Uint8Array, mutation: Mutation): Uint8Array {
  let bytes = original.slice();
  if (bytes.length > 0) for (const [at, value] of mutation.edits) bytes[at % bytes.length] = value;
  if (mutation.insert) {
    const at = mutation.insert.at % (bytes.length + 1);
    const grown = new Uint8Array(bytes.length + mutation.insert.bytes.length);
    grown.set(bytes.subarray(0, at));
    grown.set(mutation.insert.bytes, at);
    grown.set(bytes.subarray(at), at + mutation.insert.bytes.length);
    bytes = grown;
  }
  if (mutation.truncate !== null) bytes = bytes.subarray(0, mutation.truncate % (bytes.length + 1));
  return bytes;
}
