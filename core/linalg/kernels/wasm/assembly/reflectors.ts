// Householder reflector application, H = I − tau·v·vᵀ, pipelined as the TypeScript tier: the dot
// product of column j shares a pass (and the loads of v) with the update of column j − 1.
import { at, atInt, lanes } from './address';
import { axpy, dot } from './vectors';

/** A(m×n) ← H·A, v contiguous of length m. */
export function applyReflectorLeft(m: i32, n: i32, v: usize, tau: f64, a: usize, lda: i32): void {
  if (tau === 0 || n === 0) return;
  let previous: usize = 0;
  let previousScale: f64 = 0;
  for (let j = 0; j < n; j++) {
    const aj = at(a, j * lda);
    let s: f64;
    // The first column's sum runs in the order the pipelined ones do, so a block of columns
    // gets the same numbers whichever column it starts at (threads split the columns).
    if (previousScale !== 0) s = subtractThenDot(0, m, previous, previousScale, v, aj);
    else s = pairDot(0, m, v, aj);
    previous = aj;
    previousScale = tau * s;
  }
  if (previousScale !== 0) axpy(m, -previousScale, v, previous);
}

/** Σ v[i]·column[i] for i in [from, to), summed in the order of subtractThenDot. */
@inline
function pairDot(from: i32, to: i32, v: usize, column: usize): f64 {
  let sum = f64x2.splat(0);
  let i = from;
  for (; i + 1 < to; i += 2) sum = f64x2.add(sum, f64x2.mul(v128.load(at(v, i)), v128.load(at(column, i))));
  let s = lanes(sum);
  for (; i < to; i++) s += load<f64>(at(v, i)) * load<f64>(at(column, i));
  return s;
}

/** target[i] −= scale·v[i] and returns Σ v[i]·column[i], for i in [from, to). */
@inline
function subtractThenDot(from: i32, to: i32, target: usize, scale: f64, v: usize, column: usize): f64 {
  const vs = f64x2.splat(scale);
  let sum = f64x2.splat(0);
  let i = from;
  for (; i + 1 < to; i += 2) {
    const vi = v128.load(at(v, i));
    v128.store(at(target, i), f64x2.sub(v128.load(at(target, i)), f64x2.mul(vs, vi)));
    sum = f64x2.add(sum, f64x2.mul(vi, v128.load(at(column, i))));
  }
  let s = lanes(sum);
  for (; i < to; i++) {
    const vi = load<f64>(at(v, i));
    store<f64>(at(target, i), load<f64>(at(target, i)) - scale * vi);
    s += vi * load<f64>(at(column, i));
  }
  return s;
}

/** column[i] −= scale·v[i], then returns Σ next[i]·column[i], for i in [from, to). */
@inline
function subtractThenDotSame(from: i32, to: i32, column: usize, scale: f64, v: usize, next: usize): f64 {
  const vs = f64x2.splat(scale);
  let sum = f64x2.splat(0);
  let i = from;
  for (; i + 1 < to; i += 2) {
    const x = f64x2.sub(v128.load(at(column, i)), f64x2.mul(vs, v128.load(at(v, i))));
    v128.store(at(column, i), x);
    sum = f64x2.add(sum, f64x2.mul(v128.load(at(next, i)), x));
  }
  let s = lanes(sum);
  for (; i < to; i++) {
    const x = load<f64>(at(column, i)) - scale * load<f64>(at(v, i));
    store<f64>(at(column, i), x);
    s += load<f64>(at(next, i)) * x;
  }
  return s;
}

/**
 * H_{count−1}·…·H₀·A for reflectors stored as rows of `vectors` (see DenseKernels), each
 * skipped on columns left of its start; every column of A stays in cache for all of them.
 */
export function applyReflectorsLeft(
  m: i32, n: i32, count: i32, vectors: usize, vectorLd: i32, starts: usize, taus: usize,
  a: usize, lda: i32, firstColumn: i32,
): void {
  for (let j = 0; j < n; j++) {
    const aj = at(a, j * lda);
    const column = firstColumn + j;
    let pending: usize = 0;
    let pendingStart = m;
    let pendingScale: f64 = 0;
    for (let r = 0; r < count; r++) {
      const start = load<i32>(atInt(starts, r));
      const tau = load<f64>(at(taus, r));
      if (start > column || tau === 0) continue;
      const v = at(vectors, r * vectorLd);
      let s: f64;
      if (pendingScale !== 0) {
        s = subtractThenDotSame(min(start, pendingStart), m, aj, pendingScale, pending, v);
      } else {
        s = dot(m - start, at(v, start), at(aj, start));
      }
      pending = v;
      pendingStart = start;
      pendingScale = tau * s;
    }
    if (pendingScale !== 0) axpy(m - pendingStart, -pendingScale, at(pending, pendingStart), at(aj, pendingStart));
  }
}

/**
 * For each of the n columns of the m-row A: a_j ← H·(a_j − factors[j]·w); factors = 0 (null)
 * means no rank-one part. The rank-one update of column j and its dot product with v share a pass
 * with the reflection of column j − 1 (the bidiagonalization's fused step).
 */
export function updateThenReflectLeft(
  m: i32, n: i32, w: usize, factors: usize, v: usize, tau: f64, a: usize, lda: i32,
): void {
  let previous: usize = 0;
  let previousScale: f64 = 0;
  for (let j = 0; j < n; j++) {
    const aj = at(a, j * lda);
    const factor = factors === 0 ? 0 : load<f64>(at(factors, j));
    const fs = f64x2.splat(factor);
    const ps = f64x2.splat(previousScale);
    let sum = f64x2.splat(0);
    let i = 0;
    if (previousScale !== 0) {
      for (; i + 1 < m; i += 2) {
        const vi = v128.load(at(v, i));
        v128.store(at(previous, i), f64x2.sub(v128.load(at(previous, i)), f64x2.mul(ps, vi)));
        const t = f64x2.sub(v128.load(at(aj, i)), f64x2.mul(fs, v128.load(at(w, i))));
        v128.store(at(aj, i), t);
        sum = f64x2.add(sum, f64x2.mul(vi, t));
      }
    } else if (factor !== 0) {
      for (; i + 1 < m; i += 2) {
        const t = f64x2.sub(v128.load(at(aj, i)), f64x2.mul(fs, v128.load(at(w, i))));
        v128.store(at(aj, i), t);
        sum = f64x2.add(sum, f64x2.mul(v128.load(at(v, i)), t));
      }
    } else {
      for (; i + 1 < m; i += 2) sum = f64x2.add(sum, f64x2.mul(v128.load(at(v, i)), v128.load(at(aj, i))));
    }
    let s = lanes(sum);
    for (; i < m; i++) {
      const vi = load<f64>(at(v, i));
      if (previousScale !== 0) store<f64>(at(previous, i), load<f64>(at(previous, i)) - previousScale * vi);
      const t = load<f64>(at(aj, i)) - factor * load<f64>(at(w, i));
      store<f64>(at(aj, i), t);
      s += vi * t;
    }
    previous = aj;
    previousScale = tau * s;
  }
  if (previousScale !== 0) axpy(m, -previousScale, v, previous);
}
