// Byte address of element i of an array of doubles that starts at byte address base.
@inline
export function at(base: usize, i: i32): usize {
  return base + (<usize>i << 3);
}

@inline
export function atInt(base: usize, i: i32): usize {
  return base + (<usize>i << 2);
}

/** Sum of the two lanes of a pair of doubles. */
@inline
export function lanes(x: v128): f64 {
  return f64x2.extract_lane(x, 0) + f64x2.extract_lane(x, 1);
}
