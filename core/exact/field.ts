// The arithmetic an elimination needs, so one Gauss–Jordan routine serves exact rationals and
// floating point alike: the exact field decides zero exactly, the floating one against a tolerance.
import { Rational } from './rational';

export interface Field<T> {
  readonly zero: T;
  readonly one: T;
  /** Zero to the field's tolerance (pivot decisions). */
  isZero(value: T): boolean;
  /** Exactly zero (skipping work that cannot change anything). */
  isExactZero(value: T): boolean;
  add(left: T, right: T): T;
  subtract(left: T, right: T): T;
  multiply(left: T, right: T): T;
  divide(left: T, right: T): T;
  negate(value: T): T;
  /** |left| compared with |right|: -1, 0, 1. */
  compareMagnitude(left: T, right: T): number;
  isOne(value: T): boolean;
  /** Short text for notation and reasons: "1/2", "-3", "0.7071". */
  format(value: T): string;
}

export const rationalField: Field<Rational> = {
  zero: Rational.zero,
  one: Rational.one,
  isZero: (value) => value.isZero(),
  isExactZero: (value) => value.isZero(),
  add: (left, right) => left.add(right),
  subtract: (left, right) => left.subtract(right),
  multiply: (left, right) => left.multiply(right),
  divide: (left, right) => left.divide(right),
  negate: (value) => value.negate(),
  compareMagnitude: (left, right) => left.abs().compare(right.abs()),
  isOne: (value) => value.isOne(),
  format: (value) => value.toString(),
};

/** Six significant digits, without trailing zeros: enough to read a step, not to recompute it. */
export function formatFloat(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return String(Number(value.toPrecision(6)));
}

export function floatField(tolerance: number): Field<number> {
  return {
    zero: 0,
    one: 1,
    isZero: (value) => Math.abs(value) <= tolerance,
    isExactZero: (value) => value === 0,
    add: (left, right) => left + right,
    subtract: (left, right) => left - right,
    multiply: (left, right) => left * right,
    divide: (left, right) => left / right,
    negate: (value) => -value,
    compareMagnitude: (left, right) => Math.sign(Math.abs(left) - Math.abs(right)),
    isOne: (value) => value === 1,
    format: formatFloat,
  };
}
