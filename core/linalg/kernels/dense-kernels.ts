// The hot loops every dense algorithm runs on, behind one small BLAS-like interface, so the
// TypeScript loops, the WebAssembly SIMD tier and its threaded form are interchangeable without
// touching any algorithm. Arrays are column-major Float64Array with an offset and a leading
// dimension (LAPACK style). Only the interface lives here, so the tiers import no implementation.
export interface DenseKernels {
  /** C(m×n) ← alpha·op(A)·op(B) + beta·C, op(X) = X or Xᵀ; op(A) is m×depth, op(B) depth×n. */
  gemm(
    transposeA: boolean,
    transposeB: boolean,
    m: number,
    n: number,
    depth: number,
    alpha: number,
    a: Float64Array,
    aOffset: number,
    lda: number,
    b: Float64Array,
    bOffset: number,
    ldb: number,
    beta: number,
    c: Float64Array,
    cOffset: number,
    ldc: number,
  ): void;
  /** y ← alpha·op(A)·x + beta·y for the m×n matrix A; x and y contiguous. */
  gemv(
    transposeA: boolean,
    m: number,
    n: number,
    alpha: number,
    a: Float64Array,
    aOffset: number,
    lda: number,
    x: Float64Array,
    xOffset: number,
    beta: number,
    y: Float64Array,
    yOffset: number,
  ): void;
  /** A(m×n) ← (I − tau·v·vᵀ)·A, v contiguous of length m (v[0] as stored, usually 1). */
  applyReflectorLeft(
    m: number,
    n: number,
    v: Float64Array,
    vOffset: number,
    tau: number,
    a: Float64Array,
    aOffset: number,
    lda: number,
  ): void;
  /**
   * One step of a panel of QR with column pivoting (LAPACK dlaqps) on the n columns right of the
   * pivot column, rows from the pivot row on (m of them; A at aOffset). The pivot column v is at
   * vOffset (v[0] = 1 as stored) and the pivot row's panel entries at rowOffset + p·lda, p ≤ k.
   * For each column j: f_j,k ← tau·A_jᵀ·v + Σ_{p<k} f_j,p·aux_p, with f_j,p at fOffset + j + p·ldf
   * (F = τ·Aᵀ·v less what the panel's earlier reflectors owe); then the pivot row
   * A(0, j) −= Σ_{p≤k} A(0, panel p)·f_j,p; then, when m > 1, the norm of A_j below the pivot row
   * is downdated in partialNorms[normsOffset + j], or set to −1 where it lost its accuracy against
   * exactNorms (Drmač & Bujanović, LAWN 176), for the caller to recompute.
   */
  pivotedPanelStep(
    m: number,
    n: number,
    k: number,
    a: Float64Array,
    aOffset: number,
    lda: number,
    vOffset: number,
    rowOffset: number,
    tau: number,
    aux: Float64Array,
    auxOffset: number,
    f: Float64Array,
    fOffset: number,
    ldf: number,
    partialNorms: Float64Array,
    exactNorms: Float64Array,
    normsOffset: number,
  ): void;
  /**
   * Applies count reflectors in order, H_{count−1}·…·H₀·A, to an m×n A whose column j has the
   * absolute index firstColumn + j. Reflector r is (I − taus[r]·v·vᵀ) with v = vectors[r·vectorLd + i]
   * for rows i ≥ starts[r]; the caller stores zeros above starts[r], down to the smallest start
   * of the block. It is skipped on columns whose absolute index is below
   * starts[r], where the caller knows it acts as the identity. Each column stays in cache for all.
   */
  applyReflectorsLeft(
    m: number,
    n: number,
    count: number,
    vectors: Float64Array,
    vectorLd: number,
    starts: Int32Array,
    taus: Float64Array,
    a: Float64Array,
    aOffset: number,
    lda: number,
    firstColumn: number,
  ): void;
  /**
   * For each of the n columns of the m-row A: a_j ← (I − tau·v·vᵀ)·(a_j − factors[j]·w), with no
   * rank-one part when factors is null (the fused step of the bidiagonalization).
   */
  updateThenReflectLeft(
    m: number,
    n: number,
    w: Float64Array,
    wOffset: number,
    factors: Float64Array | null,
    factorsOffset: number,
    v: Float64Array,
    vOffset: number,
    tau: number,
    a: Float64Array,
    aOffset: number,
    lda: number,
  ): void;
  /** A(m×n) ← A·(I − tau·v·vᵀ), v contiguous of length n; work holds at least m numbers. */
  applyReflectorRight(
    m: number,
    n: number,
    v: Float64Array,
    vOffset: number,
    tau: number,
    a: Float64Array,
    aOffset: number,
    lda: number,
    work: Float64Array,
  ): void;
  /** Givens rotation of two contiguous vectors: x ← c·x + s·y, y ← c·y − s·x. */
  rotate(
    data: Float64Array,
    xOffset: number,
    yOffset: number,
    length: number,
    c: number,
    s: number,
  ): void;
  /**
   * A Givens sweep on the columns of an m-row matrix: for i = 0 .. count−1 in order, columns
   * first+i and first+i+1 are rotated by (cosines[i], sines[i]) as in `rotate` (LAPACK dlasr 'R','V','F').
   */
  rotationSweep(
    data: Float64Array,
    m: number,
    ld: number,
    first: number,
    count: number,
    cosines: Float64Array,
    sines: Float64Array,
  ): void;
  /**
   * Several Givens sweeps in order: sweep r rotates columns firsts[r]+i and firsts[r]+i+1 by
   * (cosines[offsets[r]+i], sines[offsets[r]+i]) for i < counts[r]. Equal to calling
   * `rotationSweep` once per sweep, but each block of rows stays in cache across all sweeps.
   */
  rotationSweeps(
    data: Float64Array,
    m: number,
    ld: number,
    sweepCount: number,
    firsts: Int32Array,
    counts: Int32Array,
    offsets: Int32Array,
    cosines: Float64Array,
    sines: Float64Array,
  ): void;
  dot(length: number, x: Float64Array, xOffset: number, y: Float64Array, yOffset: number): number;
  /** y ← y + alpha·x over contiguous vectors. */
  axpy(
    length: number,
    alpha: number,
    x: Float64Array,
    xOffset: number,
    y: Float64Array,
    yOffset: number,
  ): void;
  /**
   * One block column of LU with partial pivoting (LAPACK dgetrf2 on the panel, then dlaswp and
   * dtrsm): A is m×(left + width + right) at aOffset, its row 0 the block's top. Columns
   * [left, left + width) are factored in place (unit L below, U on and above the diagonal);
   * pivots[pivotsOffset + p] is the row, counted from the top, swapped with row p (the first
   * largest entry, as idamax), for p < min(m, width). The swaps reach every column, and the right
   * block becomes L11⁻¹·A12; the trailing update is the caller's (a gemm).
   */
  luBlock(
    m: number,
    left: number,
    width: number,
    right: number,
    a: Float64Array,
    aOffset: number,
    lda: number,
    pivots: Int32Array,
    pivotsOffset: number,
  ): void;
  /**
   * Sweeps firstSweep … lastSweep − 1 of the chase of an n×n upper band matrix (bandwidth b) to
   * bidiagonal form, in the band storage of band-chase.ts (ld ≥ 3b − 1); work holds
   * chaseWorkDoubles(b, threads) doubles (3b for one thread).
   */
  chaseBand(
    band: Float64Array,
    n: number,
    b: number,
    ld: number,
    firstSweep: number,
    lastSweep: number,
    work: Float64Array,
  ): void;
}
