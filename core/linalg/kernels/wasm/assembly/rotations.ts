// Givens sweeps on the columns of a matrix (LAPACK dlasr 'R', 'V', 'F'), over blocks of rows so
// the touched slice of every column stays in cache across all the rotations of a batch.
import { at, atInt } from './address';

/** Rotates columns x and y (c, s) on rows [i0, i1): x ← c·x + s·y, y ← c·y − s·x. */
@inline
function rotateRows(i0: i32, i1: i32, x: usize, y: usize, c: f64, s: f64): void {
  const cc = f64x2.splat(c);
  const ss = f64x2.splat(s);
  let i = i0;
  for (; i + 1 < i1; i += 2) {
    const xv = v128.load(at(x, i));
    const yv = v128.load(at(y, i));
    v128.store(at(x, i), f64x2.add(f64x2.mul(cc, xv), f64x2.mul(ss, yv)));
    v128.store(at(y, i), f64x2.sub(f64x2.mul(cc, yv), f64x2.mul(ss, xv)));
  }
  for (; i < i1; i++) {
    const xs = load<f64>(at(x, i));
    const ys = load<f64>(at(y, i));
    store<f64>(at(x, i), c * xs + s * ys);
    store<f64>(at(y, i), c * ys - s * xs);
  }
}

/** Two neighbouring rotations fused: the shared column y stays in a register. */
@inline
function rotatePairRows(
  i0: i32, i1: i32, x: usize, y: usize, z: usize, c1: f64, s1: f64, c2: f64, s2: f64,
): void {
  const vc1 = f64x2.splat(c1);
  const vs1 = f64x2.splat(s1);
  const vc2 = f64x2.splat(c2);
  const vs2 = f64x2.splat(s2);
  let i = i0;
  for (; i + 1 < i1; i += 2) {
    const xv = v128.load(at(x, i));
    const yv = v128.load(at(y, i));
    const zv = v128.load(at(z, i));
    const yr = f64x2.sub(f64x2.mul(vc1, yv), f64x2.mul(vs1, xv));
    v128.store(at(x, i), f64x2.add(f64x2.mul(vc1, xv), f64x2.mul(vs1, yv)));
    v128.store(at(y, i), f64x2.add(f64x2.mul(vc2, yr), f64x2.mul(vs2, zv)));
    v128.store(at(z, i), f64x2.sub(f64x2.mul(vc2, zv), f64x2.mul(vs2, yr)));
  }
  for (; i < i1; i++) {
    const xs = load<f64>(at(x, i));
    const ys = load<f64>(at(y, i));
    const zs = load<f64>(at(z, i));
    const yr = c1 * ys - s1 * xs;
    store<f64>(at(x, i), c1 * xs + s1 * ys);
    store<f64>(at(y, i), c2 * yr + s2 * zs);
    store<f64>(at(z, i), c2 * zs - s2 * yr);
  }
}

export function rotationSweep(
  data: usize, m: i32, ld: i32, first: i32, count: i32, cosines: usize, sines: usize,
): void {
  const rowBlock = 64;
  for (let i0 = 0; i0 < m; i0 += rowBlock) {
    const i1 = min(m, i0 + rowBlock);
    for (let r = 0; r < count; r++) {
      const c = load<f64>(at(cosines, r));
      const s = load<f64>(at(sines, r));
      if (c === 1 && s === 0) continue;
      const x = at(data, (first + r) * ld);
      rotateRows(i0, i1, x, at(x, ld), c, s);
    }
  }
}

export function rotationSweeps(
  data: usize, m: i32, ld: i32, sweepCount: i32, firsts: usize, counts: usize, offsets: usize,
  cosines: usize, sines: usize,
): void {
  const rowBlock = 32;
  for (let i0 = 0; i0 < m; i0 += rowBlock) {
    const i1 = min(m, i0 + rowBlock);
    for (let sweep = 0; sweep < sweepCount; sweep++) {
      const offset = load<i32>(atInt(offsets, sweep));
      const count = load<i32>(atInt(counts, sweep));
      let x = at(data, load<i32>(atInt(firsts, sweep)) * ld);
      let r = 0;
      for (; r + 1 < count; r += 2) {
        const y = at(x, ld);
        rotatePairRows(
          i0, i1, x, y, at(y, ld),
          load<f64>(at(cosines, offset + r)), load<f64>(at(sines, offset + r)),
          load<f64>(at(cosines, offset + r + 1)), load<f64>(at(sines, offset + r + 1)),
        );
        x = at(x, 2 * ld);
      }
      if (r < count) {
        rotateRows(i0, i1, x, at(x, ld), load<f64>(at(cosines, offset + r)), load<f64>(at(sines, offset + r)));
      }
    }
  }
}
