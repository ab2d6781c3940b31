// C += alpha·op(A)·op(B) for every combination of transposes, blocked as Goto & van de Geijn
// (ACM TOMS 34(3), 2008): a block of op(A) (up to 256 deep) is packed into 8-row micro-panels in
// the caller's scratch, then an 8×2 register tile of C is accumulated per pair of columns of op(B),
// read in place. Cost: 2·m·n·depth flops; packing m·depth copies per block of 256 of depth.
import { at } from './address';
import { madd } from './arithmetic';

const rowsPerPanel = 8;
const deepest = 256;
/** Largest packed block of op(A), in doubles (256 KB: it stays in L2 while C streams past). */
const largestPack = 32768;
/** The scratch starts with a tile for the ragged edges of C. */
const tileDoubles = 16;

/**
 * C(m×n) += alpha·op(A)·op(B) where op(A) is m×depth and op(B) depth×n; transposeA/B non-zero
 * mean A, B are stored transposed. scratch must hold at least 16 + 8·256 doubles (the tile and
 * one panel of the deepest block); more lets taller blocks of op(A) stay packed.
 */
export function gemm(
  transposeA: i32, transposeB: i32, m: i32, n: i32, depth: i32, alpha: f64,
  a: usize, lda: i32, b: usize, ldb: i32, c: usize, ldc: i32, scratch: usize, scratchDoubles: i32,
): void {
  if (m <= 0 || n <= 0 || depth <= 0 || alpha == 0) return;
  // op(B)(p, j) lives at b + p·stepP + j·stepJ.
  const stepP: usize = transposeB ? <usize>ldb << 3 : 8;
  const stepJ: usize = transposeB ? 8 : <usize>ldb << 3;
  const tile = scratch;
  const packed = scratch + (tileDoubles << 3);
  const kc = min(deepest, depth);
  const capacity = min(largestPack, scratchDoubles - tileDoubles);
  const mc = max(rowsPerPanel, (capacity / kc) & ~(rowsPerPanel - 1));
  for (let p0 = 0; p0 < depth; p0 += kc) {
    const dk = min(kc, depth - p0);
    for (let i0 = 0; i0 < m; i0 += mc) {
      const rows = min(mc, m - i0);
      packRows(transposeA, a, lda, i0, rows, p0, dk, packed);
      const panels = (rows + rowsPerPanel - 1) / rowsPerPanel;
      const panelBytes = <usize>(dk * rowsPerPanel) << 3;
      let j = 0;
      for (; j + 1 < n; j += 2) {
        const bColumn = b + <usize>p0 * stepP + <usize>j * stepJ;
        const cColumn = at(c, i0 + j * ldc);
        for (let q = 0; q < panels; q++) {
          const height = min(rowsPerPanel, rows - q * rowsPerPanel);
          tilePair(dk, packed + <usize>q * panelBytes, bColumn, stepP, stepJ, alpha,
            at(cColumn, q * rowsPerPanel), ldc, height, tile);
        }
      }
      if (j < n) {
        const bColumn = b + <usize>p0 * stepP + <usize>j * stepJ;
        const cColumn = at(c, i0 + j * ldc);
        for (let q = 0; q < panels; q++) {
          const height = min(rowsPerPanel, rows - q * rowsPerPanel);
          tileSingle(dk, packed + <usize>q * panelBytes, bColumn, stepP, alpha,
            at(cColumn, q * rowsPerPanel), height, tile);
        }
      }
    }
  }
}

/**
 * Packs rows [i0, i0+rows) × depth [p0, p0+depth) of op(A) as 8-row micro-panels: panel q holds,
 * for each p, the 8 entries op(A)(i0+8q .. i0+8q+7, p0+p) contiguously, zeros past the last row.
 */
function packRows(
  transposed: i32, a: usize, lda: i32, i0: i32, rows: i32, p0: i32, depth: i32, target: usize,
): void {
  let panel = target;
  const panelBytes = <usize>(depth * rowsPerPanel) << 3;
  for (let r0 = 0; r0 < rows; r0 += rowsPerPanel) {
    const height = min(rowsPerPanel, rows - r0);
    if (!transposed) {
      let source = at(a, i0 + r0 + p0 * lda);
      const stride = <usize>lda << 3;
      let out = panel;
      if (height == rowsPerPanel) {
        for (let p = 0; p < depth; p++) {
          v128.store(out, v128.load(source));
          v128.store(out, v128.load(source, 16), 16);
          v128.store(out, v128.load(source, 32), 32);
          v128.store(out, v128.load(source, 48), 48);
          source += stride;
          out += 64;
        }
      } else {
        for (let p = 0; p < depth; p++) {
          for (let r = 0; r < rowsPerPanel; r++) {
            store<f64>(at(out, r), r < height ? load<f64>(at(source, r)) : 0);
          }
          source += stride;
          out += 64;
        }
      }
    } else {
      // op(A)(i, p) = A(p, i): each row of the panel is a contiguous column of A.
      for (let r = 0; r < rowsPerPanel; r++) {
        let out = at(panel, r);
        if (r < height) {
          const source = at(a, p0 + (i0 + r0 + r) * lda);
          for (let p = 0; p < depth; p++) {
            store<f64>(out, load<f64>(at(source, p)));
            out += 64;
          }
        } else {
          for (let p = 0; p < depth; p++) {
            store<f64>(out, 0);
            out += 64;
          }
        }
      }
    }
    panel += panelBytes;
  }
}

/** C(0:height, 0:2) += alpha·panel·op(B)(:, j:j+2): eight lanes-pairs of sums in registers. */
function tilePair(
  depth: i32, panel: usize, bColumn: usize, stepP: usize, stepJ: usize, alpha: f64,
  c: usize, ldc: i32, height: i32, tile: usize,
): void {
  let c00 = f64x2.splat(0);
  let c10 = f64x2.splat(0);
  let c20 = f64x2.splat(0);
  let c30 = f64x2.splat(0);
  let c01 = f64x2.splat(0);
  let c11 = f64x2.splat(0);
  let c21 = f64x2.splat(0);
  let c31 = f64x2.splat(0);
  let pa = panel;
  let pb = bColumn;
  const end = panel + (<usize>depth << 6);
  while (pa < end) {
    const a0 = v128.load(pa);
    const a1 = v128.load(pa, 16);
    const a2 = v128.load(pa, 32);
    const a3 = v128.load(pa, 48);
    const b0 = v128.load64_splat(pb);
    c00 = madd(a0, b0, c00);
    c10 = madd(a1, b0, c10);
    c20 = madd(a2, b0, c20);
    c30 = madd(a3, b0, c30);
    const b1 = v128.load64_splat(pb + stepJ);
    c01 = madd(a0, b1, c01);
    c11 = madd(a1, b1, c11);
    c21 = madd(a2, b1, c21);
    c31 = madd(a3, b1, c31);
    pa += 64;
    pb += stepP;
  }
  const scale = f64x2.splat(alpha);
  if (height == rowsPerPanel) {
    const c1 = c + (<usize>ldc << 3);
    v128.store(c, madd(c00, scale, v128.load(c)));
    v128.store(c, madd(c10, scale, v128.load(c, 16)), 16);
    v128.store(c, madd(c20, scale, v128.load(c, 32)), 32);
    v128.store(c, madd(c30, scale, v128.load(c, 48)), 48);
    v128.store(c1, madd(c01, scale, v128.load(c1)));
    v128.store(c1, madd(c11, scale, v128.load(c1, 16)), 16);
    v128.store(c1, madd(c21, scale, v128.load(c1, 32)), 32);
    v128.store(c1, madd(c31, scale, v128.load(c1, 48)), 48);
    return;
  }
  v128.store(tile, c00);
  v128.store(tile, c10, 16);
  v128.store(tile, c20, 32);
  v128.store(tile, c30, 48);
  v128.store(tile, c01, 64);
  v128.store(tile, c11, 80);
  v128.store(tile, c21, 96);
  v128.store(tile, c31, 112);
  for (let j = 0; j < 2; j++) {
    for (let i = 0; i < height; i++) {
      const target = at(c, i + j * ldc);
      store<f64>(target, load<f64>(target) + alpha * load<f64>(at(tile, i + j * rowsPerPanel)));
    }
  }
}

/** The last, odd column: C(0:height, 0) += alpha·panel·op(B)(:, j). */
function tileSingle(
  depth: i32, panel: usize, bColumn: usize, stepP: usize, alpha: f64, c: usize, height: i32,
  tile: usize,
): void {
  let c0 = f64x2.splat(0);
  let c1 = f64x2.splat(0);
  let c2 = f64x2.splat(0);
  let c3 = f64x2.splat(0);
  let pa = panel;
  let pb = bColumn;
  const end = panel + (<usize>depth << 6);
  while (pa < end) {
    const b0 = v128.load64_splat(pb);
    c0 = madd(v128.load(pa), b0, c0);
    c1 = madd(v128.load(pa, 16), b0, c1);
    c2 = madd(v128.load(pa, 32), b0, c2);
    c3 = madd(v128.load(pa, 48), b0, c3);
    pa += 64;
    pb += stepP;
  }
  v128.store(tile, c0);
  v128.store(tile, c1, 16);
  v128.store(tile, c2, 32);
  v128.store(tile, c3, 48);
  for (let i = 0; i < height; i++) {
    const target = at(c, i);
    store<f64>(target, load<f64>(target) + alpha * load<f64>(at(tile, i)));
  }
}
