// Level-1 kernels over contiguous doubles, two lanes at a time.
import { at, lanes } from './address';

/** Σ x_i·y_i with four independent sums, so the additions' latency is hidden. */
export function dot(length: i32, x: usize, y: usize): f64 {
  let s0 = f64x2.splat(0);
  let s1 = f64x2.splat(0);
  let s2 = f64x2.splat(0);
  let s3 = f64x2.splat(0);
  let i = 0;
  for (; i + 7 < length; i += 8) {
    s0 = f64x2.add(s0, f64x2.mul(v128.load(at(x, i)), v128.load(at(y, i))));
    s1 = f64x2.add(s1, f64x2.mul(v128.load(at(x, i + 2)), v128.load(at(y, i + 2))));
    s2 = f64x2.add(s2, f64x2.mul(v128.load(at(x, i + 4)), v128.load(at(y, i + 4))));
    s3 = f64x2.add(s3, f64x2.mul(v128.load(at(x, i + 6)), v128.load(at(y, i + 6))));
  }
  let sum = f64x2.add(f64x2.add(s0, s1), f64x2.add(s2, s3));
  for (; i + 1 < length; i += 2) {
    sum = f64x2.add(sum, f64x2.mul(v128.load(at(x, i)), v128.load(at(y, i))));
  }
  let s = lanes(sum);
  for (; i < length; i++) s += load<f64>(at(x, i)) * load<f64>(at(y, i));
  return s;
}

/** y ← y + alpha·x. */
export function axpy(length: i32, alpha: f64, x: usize, y: usize): void {
  const a = f64x2.splat(alpha);
  let i = 0;
  for (; i + 1 < length; i += 2) {
    v128.store(at(y, i), f64x2.add(v128.load(at(y, i)), f64x2.mul(a, v128.load(at(x, i)))));
  }
  for (; i < length; i++) store<f64>(at(y, i), load<f64>(at(y, i)) + alpha * load<f64>(at(x, i)));
}

/** x ← c·x + s·y, y ← c·y − s·x. */
export function rotate(length: i32, x: usize, y: usize, c: f64, s: f64): void {
  const cc = f64x2.splat(c);
  const ss = f64x2.splat(s);
  let i = 0;
  for (; i + 1 < length; i += 2) {
    const xv = v128.load(at(x, i));
    const yv = v128.load(at(y, i));
    v128.store(at(x, i), f64x2.add(f64x2.mul(cc, xv), f64x2.mul(ss, yv)));
    v128.store(at(y, i), f64x2.sub(f64x2.mul(cc, yv), f64x2.mul(ss, xv)));
  }
  for (; i < length; i++) {
    const xs = load<f64>(at(x, i));
    const ys = load<f64>(at(y, i));
    store<f64>(at(x, i), c * xs + s * ys);
    store<f64>(at(y, i), c * ys - s * xs);
  }
}
