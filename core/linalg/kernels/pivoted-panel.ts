// The TypeScript tier's step of a panel of QR with column pivoting (LAPACK dlaqps): the same
// fused pass as the WebAssembly kernel (wasm/assembly/pivoted-panel.ts) on ordinary arrays.
// Cost: 2·m·n + 4·k·n flops.
import type { DenseKernels } from './dense-kernels';

/** Downdating that keeps less than this fraction of a norm's square has lost too much accuracy. */
export const safeDowndateLimit = Math.sqrt(2 ** -53);

/** See DenseKernels.pivotedPanelStep; offsets are in elements. */
export const pivotedPanelStepLoops: DenseKernels['pivotedPanelStep'] = (
  m,
  n,
  k,
  a,
  aOffset,
  lda,
  vOffset,
  rowOffset,
  tau,
  aux,
  auxOffset,
  f,
  fOffset,
  ldf,
  partialNorms,
  exactNorms,
  normsOffset,
) => {
  for (let j = 0; j < n; j++) {
    const column = aOffset + j * lda;
    let product = 0;
    for (let i = 0; i < m; i++) product += a[column + i] * a[vOffset + i];
    const fj = fOffset + j;
    let value = tau * product;
    for (let p = 0; p < k; p++) value += f[fj + p * ldf] * aux[auxOffset + p];
    f[fj + k * ldf] = value;
    let top = a[column];
    for (let p = 0; p <= k; p++) top -= a[rowOffset + p * lda] * f[fj + p * ldf];
    a[column] = top;
    const at = normsOffset + j;
    const norm = partialNorms[at];
    if (m <= 1 || norm === 0) continue;
    const ratio = Math.abs(top) / norm;
    const kept = Math.max(0, (1 + ratio) * (1 - ratio));
    const drift = norm / exactNorms[at];
    partialNorms[at] = kept * drift * drift <= safeDowndateLimit ? -1 : norm * Math.sqrt(kept);
  }
};
