// One step of a panel of QR with column pivoting (LAPACK dlaqps) over the trailing columns, in
// one pass over the columns: F's new column, the pivot row, the column-norm downdate.
// See DenseKernels.pivotedPanelStep (core/linalg/kernels/dense-kernels.ts).
import { at } from './address';
import { gemvTranspose } from './products';

/** Downdating that keeps less than this fraction of a norm's square has lost too much accuracy. */
const safeLimit: f64 = Math.sqrt(Math.pow(2, -53));

/**
 * For each of the n columns j of the m-row A: f_j,k = tau·dot(A_j, v) + Σ_{p<k} f_j,p·aux_p; then
 * A(0, j) −= Σ_{p≤k} row[p·lda]·f_j,p; then (downdate ≠ 0) the norm of A_j below row 0 is
 * downdated in partial[j], or set to −1 where it lost its accuracy against exact[j].
 */
export function pivotedPanelStep(
  m: i32, n: i32, k: i32, a: usize, lda: i32, v: usize, row: usize, tau: f64,
  aux: usize, f: usize, ldf: i32, partial: usize, exact: usize, downdate: i32,
): void {
  // F's new entries start as τ·Aᵀ·v, four columns at a time; each group is finished at once,
  // while the tops of its columns are still in cache.
  const fk = at(f, k * ldf);
  for (let j0 = 0; j0 < n; j0 += 4) {
    const j1 = min(n, j0 + 4);
    gemvTranspose(m, j1 - j0, tau, at(a, j0 * lda), lda, v, 0, at(fk, j0));
    if (j1 - j0 === 4) {
      finishFour(j0, k, a, lda, row, aux, f, ldf);
      for (let j = j0; j < j1; j++) {
        downdateNorm(j, load<f64>(at(a, j * lda)), partial, exact, downdate);
      }
    } else {
      for (let j = j0; j < j1; j++) {
        finishColumn(j, k, at(a, j * lda), row, lda, aux, f, ldf, partial, exact, downdate);
      }
    }
  }
}

/**
 * finishColumn's F entries and pivot-row entries for columns j0 … j0 + 3 at once, in pairs of
 * lanes (F's rows are adjacent), each entry with the same operations in the same order.
 */
@inline
function finishFour(
  j0: i32, k: i32, a: usize, lda: i32, row: usize, aux: usize, f: usize, ldf: i32,
): void {
  const f0 = at(f, j0);
  const fk = at(f0, k * ldf);
  let low = v128.load(fk);
  let high = v128.load(at(fk, 2));
  for (let p = 0; p < k; p++) {
    const x = f64x2.splat(load<f64>(at(aux, p)));
    const fp = at(f0, p * ldf);
    low = f64x2.add(low, f64x2.mul(v128.load(fp), x));
    high = f64x2.add(high, f64x2.mul(v128.load(at(fp, 2)), x));
  }
  v128.store(fk, low);
  v128.store(at(fk, 2), high);
  const c0 = at(a, j0 * lda);
  const c1 = at(c0, lda);
  const c2 = at(c1, lda);
  const c3 = at(c2, lda);
  let topLow = f64x2.replace_lane(f64x2.splat(load<f64>(c0)), 1, load<f64>(c1));
  let topHigh = f64x2.replace_lane(f64x2.splat(load<f64>(c2)), 1, load<f64>(c3));
  for (let p = 0; p <= k; p++) {
    const r = f64x2.splat(load<f64>(at(row, p * lda)));
    const fp = at(f0, p * ldf);
    topLow = f64x2.sub(topLow, f64x2.mul(r, v128.load(fp)));
    topHigh = f64x2.sub(topHigh, f64x2.mul(r, v128.load(at(fp, 2))));
  }
  store<f64>(c0, f64x2.extract_lane(topLow, 0));
  store<f64>(c1, f64x2.extract_lane(topLow, 1));
  store<f64>(c2, f64x2.extract_lane(topHigh, 0));
  store<f64>(c3, f64x2.extract_lane(topHigh, 1));
}

/** F's entry, the pivot-row entry and the norm of column j, once F holds τ·A_jᵀ·v. */
@inline
function finishColumn(
  j: i32, k: i32, column: usize, row: usize, lda: i32,
  aux: usize, f: usize, ldf: i32, partial: usize, exact: usize, downdate: i32,
): void {
  const fj = at(f, j);
  let value = load<f64>(at(fj, k * ldf));
  for (let p = 0; p < k; p++) value += load<f64>(at(fj, p * ldf)) * load<f64>(at(aux, p));
  store<f64>(at(fj, k * ldf), value);
  let top = load<f64>(column);
  for (let p = 0; p <= k; p++) top -= load<f64>(at(row, p * lda)) * load<f64>(at(fj, p * ldf));
  store<f64>(column, top);
  downdateNorm(j, top, partial, exact, downdate);
}

/** Column j's norm below the pivot row, less its new pivot-row entry `top` (or −1: recompute). */
@inline
function downdateNorm(j: i32, top: f64, partial: usize, exact: usize, downdate: i32): void {
  if (downdate === 0) return;
  const norm = load<f64>(at(partial, j));
  if (norm === 0) return;
  const ratio = Math.abs(top) / norm;
  const kept = Math.max(0, (1 + ratio) * (1 - ratio));
  const drift = norm / load<f64>(at(exact, j));
  store<f64>(at(partial, j), kept * drift * drift <= safeLimit ? -1 : norm * Math.sqrt(kept));
}
