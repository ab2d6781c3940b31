// A large matrix that takes part in many thin products (a randomized range finder's A·Ω and Aᵀ·Q):
// copied once into a kernel memory with room beside it for the thin operands, so every product
// runs in place in WebAssembly (over the thread team when there is one) instead of copying A
// again each time. Cost: one copy of A; each product 2·m·n·k flops plus O((m + n)·k) copies.
import type { Matrix } from './matrix';
import { kernels } from './kernels/kernels';
import { zeros } from './matrix';
import { multiply, multiplyTransposeA } from './products';
import { createWorkspace, plainWorkspace, type Workspace } from './workspace';

export class ResidentMatrix {
  readonly rows: number;
  readonly cols: number;
  private readonly space: Workspace;
  private readonly a: Matrix;

  /** Keeps a copy of `a` with room for products with up to `thinColumns` columns. */
  constructor(
    a: Matrix,
    private readonly thinColumns: number,
  ) {
    this.rows = a.rows;
    this.cols = a.cols;
    const room = 2 * (a.rows + a.cols) * thinColumns;
    this.space = createWorkspace(a.rows * a.cols + room + 256);
    this.a = this.space === plainWorkspace ? a : this.space.copyOf(a);
  }

  /** A·B for an n×k matrix B. */
  times(b: Matrix): Matrix {
    return this.product(false, b);
  }

  /** Aᵀ·B for an m×k matrix B. */
  transposeTimes(b: Matrix): Matrix {
    return this.product(true, b);
  }

  private product(transpose: boolean, b: Matrix): Matrix {
    const inner = transpose ? this.rows : this.cols;
    const outer = transpose ? this.cols : this.rows;
    if (b.rows !== inner) {
      throw new RangeError(`product: inner dimensions differ (${inner} vs ${b.rows})`);
    }
    if (this.space === plainWorkspace || b.cols > this.thinColumns) {
      return transpose ? multiplyTransposeA(this.a, b) : multiply(this.a, b);
    }
    const mark = this.space.mark();
    try {
      const operand = this.space.copyOf(b);
      const result = this.space.matrix(outer, b.cols);
      const { rows: m, data } = this.a;
      kernels.gemm(
        transpose,
        false,
        outer,
        b.cols,
        inner,
        1,
        data,
        0,
        m,
        operand.data,
        0,
        inner,
        0,
        result.data,
        0,
        outer,
      );
      const out = zeros(outer, b.cols);
      out.data.set(result.data);
      return out;
    } finally {
      this.space.release(mark);
    }
  }
}
