// Level-2 and level-3 products on column-major arrays (leading dimensions in elements).
import { at, lanes } from './address';

const depthBlock = 128;
const rowBlock = 256;

/**
 * C += alpha·A·B (A m×depth, B depth×n). Blocked so a 256×128 panel of A stays in L2 while two
 * columns of C are updated by four columns of A at a time.
 */
export function gemmPlain(
  m: i32, n: i32, depth: i32, alpha: f64,
  a: usize, lda: i32, b: usize, ldb: i32, c: usize, ldc: i32,
): void {
  for (let p0 = 0; p0 < depth; p0 += depthBlock) {
    const p1 = min(depth, p0 + depthBlock);
    for (let i0 = 0; i0 < m; i0 += rowBlock) {
      const i1 = min(m, i0 + rowBlock);
      const i2 = i0 + ((i1 - i0) & ~1);
      let j = 0;
      for (; j + 1 < n; j += 2) {
        const c0 = at(c, j * ldc);
        const c1 = at(c, (j + 1) * ldc);
        const b0 = at(b, j * ldb);
        const b1 = at(b, (j + 1) * ldb);
        let p = p0;
        for (; p + 3 < p1; p += 4) {
          const x0 = alpha * load<f64>(at(b0, p));
          const x1 = alpha * load<f64>(at(b0, p + 1));
          const x2 = alpha * load<f64>(at(b0, p + 2));
          const x3 = alpha * load<f64>(at(b0, p + 3));
          const y0 = alpha * load<f64>(at(b1, p));
          const y1 = alpha * load<f64>(at(b1, p + 1));
          const y2 = alpha * load<f64>(at(b1, p + 2));
          const y3 = alpha * load<f64>(at(b1, p + 3));
          const vx0 = f64x2.splat(x0);
          const vx1 = f64x2.splat(x1);
          const vx2 = f64x2.splat(x2);
          const vx3 = f64x2.splat(x3);
          const vy0 = f64x2.splat(y0);
          const vy1 = f64x2.splat(y1);
          const vy2 = f64x2.splat(y2);
          const vy3 = f64x2.splat(y3);
          const a0 = at(a, p * lda);
          const a1 = at(a0, lda);
          const a2 = at(a1, lda);
          const a3 = at(a2, lda);
          let i = i0;
          for (; i < i2; i += 2) {
            const u0 = v128.load(at(a0, i));
            const u1 = v128.load(at(a1, i));
            const u2 = v128.load(at(a2, i));
            const u3 = v128.load(at(a3, i));
            let s = v128.load(at(c0, i));
            s = f64x2.add(s, f64x2.add(f64x2.mul(u0, vx0), f64x2.mul(u1, vx1)));
            s = f64x2.add(s, f64x2.add(f64x2.mul(u2, vx2), f64x2.mul(u3, vx3)));
            v128.store(at(c0, i), s);
            let t = v128.load(at(c1, i));
            t = f64x2.add(t, f64x2.add(f64x2.mul(u0, vy0), f64x2.mul(u1, vy1)));
            t = f64x2.add(t, f64x2.add(f64x2.mul(u2, vy2), f64x2.mul(u3, vy3)));
            v128.store(at(c1, i), t);
          }
          for (; i < i1; i++) {
            const u0 = load<f64>(at(a0, i));
            const u1 = load<f64>(at(a1, i));
            const u2 = load<f64>(at(a2, i));
            const u3 = load<f64>(at(a3, i));
            store<f64>(at(c0, i), load<f64>(at(c0, i)) + u0 * x0 + u1 * x1 + u2 * x2 + u3 * x3);
            store<f64>(at(c1, i), load<f64>(at(c1, i)) + u0 * y0 + u1 * y1 + u2 * y2 + u3 * y3);
          }
        }
        for (; p < p1; p++) {
          const ap = at(a, p * lda);
          columnUpdate(i0, i1, ap, alpha * load<f64>(at(b0, p)), c0);
          columnUpdate(i0, i1, ap, alpha * load<f64>(at(b1, p)), c1);
        }
      }
      if (j < n) {
        const c0 = at(c, j * ldc);
        const b0 = at(b, j * ldb);
        for (let p = p0; p < p1; p++) {
          columnUpdate(i0, i1, at(a, p * lda), alpha * load<f64>(at(b0, p)), c0);
        }
      }
    }
  }
}

/** c[i0:i1] += x·a[i0:i1]. */
@inline
function columnUpdate(i0: i32, i1: i32, a: usize, x: f64, c: usize): void {
  const vx = f64x2.splat(x);
  let i = i0;
  for (; i + 1 < i1; i += 2) {
    v128.store(at(c, i), f64x2.add(v128.load(at(c, i)), f64x2.mul(v128.load(at(a, i)), vx)));
  }
  for (; i < i1; i++) store<f64>(at(c, i), load<f64>(at(c, i)) + load<f64>(at(a, i)) * x);
}

/**
 * C += alpha·Aᵀ·B (A depth×m, B depth×n): entries are dot products of columns, 2×2 at a time,
 * over 256-long stretches of depth so the stretch of B stays in L2 while A streams once.
 */
export function gemmTransposeA(
  m: i32, n: i32, depth: i32, alpha: f64,
  a: usize, lda: i32, b: usize, ldb: i32, c: usize, ldc: i32,
): void {
  const stretch = 256;
  for (let p0 = 0; p0 < depth; p0 += stretch) {
    const p1 = min(depth, p0 + stretch);
    const p2 = p0 + ((p1 - p0) & ~1);
    let i = 0;
    for (; i + 1 < m; i += 2) {
      const a0 = at(a, i * lda);
      const a1 = at(a0, lda);
      let j = 0;
      for (; j + 1 < n; j += 2) {
        const b0 = at(b, j * ldb);
        const b1 = at(b0, ldb);
        let s00 = f64x2.splat(0);
        let s01 = f64x2.splat(0);
        let s10 = f64x2.splat(0);
        let s11 = f64x2.splat(0);
        for (let p = p0; p < p2; p += 2) {
          const x0 = v128.load(at(a0, p));
          const x1 = v128.load(at(a1, p));
          const y0 = v128.load(at(b0, p));
          const y1 = v128.load(at(b1, p));
          s00 = f64x2.add(s00, f64x2.mul(x0, y0));
          s01 = f64x2.add(s01, f64x2.mul(x0, y1));
          s10 = f64x2.add(s10, f64x2.mul(x1, y0));
          s11 = f64x2.add(s11, f64x2.mul(x1, y1));
        }
        let t00 = lanes(s00);
        let t01 = lanes(s01);
        let t10 = lanes(s10);
        let t11 = lanes(s11);
        if (p2 < p1) {
          const x0 = load<f64>(at(a0, p2));
          const x1 = load<f64>(at(a1, p2));
          const y0 = load<f64>(at(b0, p2));
          const y1 = load<f64>(at(b1, p2));
          t00 += x0 * y0;
          t01 += x0 * y1;
          t10 += x1 * y0;
          t11 += x1 * y1;
        }
        const c0 = at(c, j * ldc);
        const c1 = at(c0, ldc);
        store<f64>(at(c0, i), load<f64>(at(c0, i)) + alpha * t00);
        store<f64>(at(c1, i), load<f64>(at(c1, i)) + alpha * t01);
        store<f64>(at(c0, i + 1), load<f64>(at(c0, i + 1)) + alpha * t10);
        store<f64>(at(c1, i + 1), load<f64>(at(c1, i + 1)) + alpha * t11);
      }
      for (; j < n; j++) {
        const b0 = at(b, j * ldb);
        const c0 = at(c, j * ldc);
        store<f64>(at(c0, i), load<f64>(at(c0, i)) + alpha * dotRange(p0, p1, a0, b0));
        store<f64>(at(c0, i + 1), load<f64>(at(c0, i + 1)) + alpha * dotRange(p0, p1, a1, b0));
      }
    }
    for (; i < m; i++) {
      const a0 = at(a, i * lda);
      for (let j = 0; j < n; j++) {
        const c0 = at(c, j * ldc);
        store<f64>(at(c0, i), load<f64>(at(c0, i)) + alpha * dotRange(p0, p1, a0, at(b, j * ldb)));
      }
    }
  }
}

@inline
function dotRange(p0: i32, p1: i32, x: usize, y: usize): f64 {
  let sum = f64x2.splat(0);
  let other = f64x2.splat(0);
  let p = p0;
  for (; p + 3 < p1; p += 4) {
    sum = f64x2.add(sum, f64x2.mul(v128.load(at(x, p)), v128.load(at(y, p))));
    other = f64x2.add(other, f64x2.mul(v128.load(at(x, p + 2)), v128.load(at(y, p + 2))));
  }
  sum = f64x2.add(sum, other);
  for (; p + 1 < p1; p += 2) sum = f64x2.add(sum, f64x2.mul(v128.load(at(x, p)), v128.load(at(y, p))));
  let s = lanes(sum);
  for (; p < p1; p++) s += load<f64>(at(x, p)) * load<f64>(at(y, p));
  return s;
}

/** y += alpha·A·x (A m×n): four columns per pass over y. */
export function gemvPlain(m: i32, n: i32, alpha: f64, a: usize, lda: i32, x: usize, y: usize): void {
  const m2 = m & ~1;
  let j = 0;
  for (; j + 3 < n; j += 4) {
    const x0 = alpha * load<f64>(at(x, j));
    const x1 = alpha * load<f64>(at(x, j + 1));
    const x2 = alpha * load<f64>(at(x, j + 2));
    const x3 = alpha * load<f64>(at(x, j + 3));
    const v0 = f64x2.splat(x0);
    const v1 = f64x2.splat(x1);
    const v2 = f64x2.splat(x2);
    const v3 = f64x2.splat(x3);
    const a0 = at(a, j * lda);
    const a1 = at(a0, lda);
    const a2 = at(a1, lda);
    const a3 = at(a2, lda);
    let i = 0;
    for (; i < m2; i += 2) {
      let s = v128.load(at(y, i));
      s = f64x2.add(s, f64x2.add(f64x2.mul(v128.load(at(a0, i)), v0), f64x2.mul(v128.load(at(a1, i)), v1)));
      s = f64x2.add(s, f64x2.add(f64x2.mul(v128.load(at(a2, i)), v2), f64x2.mul(v128.load(at(a3, i)), v3)));
      v128.store(at(y, i), s);
    }
    for (; i < m; i++) {
      store<f64>(
        at(y, i),
        load<f64>(at(y, i)) +
          load<f64>(at(a0, i)) * x0 + load<f64>(at(a1, i)) * x1 +
          load<f64>(at(a2, i)) * x2 + load<f64>(at(a3, i)) * x3,
      );
    }
  }
  for (; j < n; j++) columnUpdate(0, m, at(a, j * lda), alpha * load<f64>(at(x, j)), y);
}

/**
 * y_j = beta·y_j + alpha·dot(A_j, x) (A m×n): four columns per pass over x, two pairs of lanes per
 * column, so eight independent sums hide the latency of the additions.
 */
export function gemvTranspose(
  m: i32, n: i32, alpha: f64, a: usize, lda: i32, x: usize, beta: f64, y: usize,
): void {
  const m4 = m & ~3;
  let j = 0;
  for (; j + 3 < n; j += 4) {
    const a0 = at(a, j * lda);
    const a1 = at(a0, lda);
    const a2 = at(a1, lda);
    const a3 = at(a2, lda);
    let s0 = f64x2.splat(0);
    let s1 = f64x2.splat(0);
    let s2 = f64x2.splat(0);
    let s3 = f64x2.splat(0);
    let t0 = f64x2.splat(0);
    let t1 = f64x2.splat(0);
    let t2 = f64x2.splat(0);
    let t3 = f64x2.splat(0);
    let i = 0;
    for (; i < m4; i += 4) {
      const x0 = v128.load(at(x, i));
      const x1 = v128.load(at(x, i + 2));
      s0 = f64x2.add(s0, f64x2.mul(v128.load(at(a0, i)), x0));
      s1 = f64x2.add(s1, f64x2.mul(v128.load(at(a1, i)), x0));
      s2 = f64x2.add(s2, f64x2.mul(v128.load(at(a2, i)), x0));
      s3 = f64x2.add(s3, f64x2.mul(v128.load(at(a3, i)), x0));
      t0 = f64x2.add(t0, f64x2.mul(v128.load(at(a0, i + 2)), x1));
      t1 = f64x2.add(t1, f64x2.mul(v128.load(at(a1, i + 2)), x1));
      t2 = f64x2.add(t2, f64x2.mul(v128.load(at(a2, i + 2)), x1));
      t3 = f64x2.add(t3, f64x2.mul(v128.load(at(a3, i + 2)), x1));
    }
    let r0 = lanes(f64x2.add(s0, t0));
    let r1 = lanes(f64x2.add(s1, t1));
    let r2 = lanes(f64x2.add(s2, t2));
    let r3 = lanes(f64x2.add(s3, t3));
    for (; i < m; i++) {
      const xs = load<f64>(at(x, i));
      r0 += load<f64>(at(a0, i)) * xs;
      r1 += load<f64>(at(a1, i)) * xs;
      r2 += load<f64>(at(a2, i)) * xs;
      r3 += load<f64>(at(a3, i)) * xs;
    }
    storeScaled(y, j, beta, alpha * r0);
    storeScaled(y, j + 1, beta, alpha * r1);
    storeScaled(y, j + 2, beta, alpha * r2);
    storeScaled(y, j + 3, beta, alpha * r3);
  }
  for (; j < n; j++) storeScaled(y, j, beta, alpha * dotRange(0, m, at(a, j * lda), x));
}

/** y_j = beta·y_j + value, reading y_j only when beta ≠ 0 (it may hold garbage otherwise). */
@inline
function storeScaled(y: usize, j: i32, beta: f64, value: f64): void {
  const old = beta === 0 ? 0 : beta * load<f64>(at(y, j));
  store<f64>(at(y, j), old + value);
}
