// One step of a panel of QR with column pivoting (LAPACK dlaqps) over the trailing columns, in
// one call: F's new column (one pass over the columns), the pivot row, the column-norm downdate.
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
  // F's new column starts as τ·Aᵀ·v (the one pass over the columns), then each column is finished.
  const fk = at(f, k * ldf);
  gemvTranspose(m, n, tau, a, lda, v, 0, fk);
  for (let j = 0; j < n; j++) {
    finishColumn(j, k, at(a, j * lda), row, lda, aux, f, ldf, partial, exact, downdate);
  }
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
  if (downdate === 0) return;
  const norm = load<f64>(at(partial, j));
  if (norm === 0) return;
  const ratio = Math.abs(top) / norm;
  const kept = Math.max(0, (1 + ratio) * (1 - ratio));
  const drift = norm / load<f64>(at(exact, j));
  store<f64>(at(partial, j), kept * drift * drift <= safeLimit ? -1 : norm * Math.sqrt(kept));
}
