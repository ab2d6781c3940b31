import { afterAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { kernels } from '../../core/linalg/kernels/kernels';
import { gaussianMatrix } from '../../core/linalg/random';
import { singularValues } from '../../core/linalg/svd';
import { createWorkspace } from '../../core/linalg/workspace';
import { ComputePool } from './compute-pool';

const bootstrap = fileURLToPath(new URL('../worker/typescript-bootstrap.mjs', import.meta.url));
const entry = fileURLToPath(new URL('./thread-team.test-worker.ts', import.meta.url));
/** Products with these alphas make helper 1 throw in its piece, or take its thread down. */
const faults = { throws: -13, exits: -17 };

function makePool(size: number) {
  const lines: string[] = [];
  const pool = new ComputePool({
    workerScript: bootstrap,
    workerData: { entry, faults },
    size,
    log: (line) => lines.push(line),
  });
  return { pool, lines };
}

/** Until every worker has started and none is lent (so the next job can borrow them all). */
async function allIdle(pool: ComputePool): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (pool.idleWorkers < pool.size) {
    if (Date.now() > deadline) throw new Error('workers never became idle');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

interface Product {
  c: Float64Array;
  sizes: number[];
}

/** The same product on this thread, one-thread kernels, same workspace size. */
function oneThreadProduct(m: number, n: number, depth: number, alpha: number): Float64Array {
  const space = createWorkspace(m * depth + depth * n + m * n + 64);
  const a = space.vector(m * depth);
  a.set(gaussianMatrix(m, depth, 1).data);
  const b = space.vector(depth * n);
  b.set(gaussianMatrix(depth, n, 2).data);
  const c = space.vector(m * n);
  kernels.gemm(false, false, m, n, depth, alpha, a, 0, m, b, 0, depth, 0, c, 0, m);
  return c.slice();
}

describe('thread teams lent by the compute pool', () => {
  const { pool, lines } = makePool(4);
  afterAll(() => pool.close());

  it('split a product over 1, 2 and 4 threads with the one-thread result, bit for bit', async () => {
    // Odd sizes: ragged 8-row panels, an odd last column, uneven pieces; split by columns, then rows.
    const shapes = [
      [301, 257, 129],
      [1030, 9, 277],
    ];
    const expected = shapes.map(([m, n, depth]) => oneThreadProduct(m, n, depth, 0.75));
    for (const threads of [1, 2, 4]) {
      for (const [index, [m, n, depth]] of shapes.entries()) {
        await allIdle(pool);
        const request = { m, n, depth, alpha: 0.75 };
        const result = (await pool.run('product', request, { threads })) as Product;
        expect(result.sizes, `${m}×${n}×${depth} on ${threads}`).toEqual([threads]);
        expect(result.c).toEqual(expected[index]);
      }
    }
  });

  it('chase the band in a pipeline of 2 and 4 threads with the one-thread values, bit for bit', async () => {
    const shape = { m: 700, n: 650 };
    const expected = singularValues(gaussianMatrix(shape.m, shape.n, 3));
    for (const threads of [2, 4]) {
      await allIdle(pool);
      const result = (await pool.run('values', shape, { threads })) as {
        values: Float64Array;
        size: number;
        chases: number;
      };
      expect(result.size).toBe(threads);
      expect(result.chases).toBeGreaterThan(0);
      expect(result.values).toEqual(expected);
    }
  });

  const shape = { m: 400, n: 300, depth: 200 };

  it('fails the job, not the pool, when a helper throws in its piece', async () => {
    await allIdle(pool);
    await expect(pool.run('product', { ...shape, alpha: faults.throws })).rejects.toMatchObject({
      name: 'HelperFailedError',
    });
    await allIdle(pool);
    const after = (await pool.run('product', { ...shape, alpha: 1 })) as Product;
    expect(after.sizes).toEqual([4]);
    expect(after.c).toEqual(oneThreadProduct(shape.m, shape.n, shape.depth, 1));
  });

  it('fails only that job when a helper thread dies mid-product, and replaces the helper', async () => {
    await allIdle(pool);
    await expect(pool.run('product', { ...shape, alpha: faults.exits })).rejects.toMatchObject({
      name: 'WorkerCrashed',
    });
    expect(lines.some((line) => line.includes('helper thread exited'))).toBe(true);
    expect(pool.size).toBe(4);
    await allIdle(pool);
    const after = (await pool.run('product', { ...shape, alpha: 1 })) as Product;
    expect(after.sizes).toEqual([4]);
  });

  it('gives lent workers back when another job queues, and both jobs finish', async () => {
    await allIdle(pool);
    const long = pool.run('product', { ...shape, alpha: 1, repeat: 400 }) as Promise<Product>;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const short = (await pool.run('product', { ...shape, alpha: 2 })) as Product;
    const first = await long;
    expect(first.sizes[0]).toBe(4);
    // Recalled part-way: the rest ran on its own thread.
    expect(first.sizes.at(-1)).toBe(1);
    expect(short.c).toEqual(oneThreadProduct(shape.m, shape.n, shape.depth, 2));
  });
});
