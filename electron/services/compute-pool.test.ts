import { afterAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { ComputePool } from './compute-pool';

const bootstrap = fileURLToPath(new URL('../worker/typescript-bootstrap.mjs', import.meta.url));
const entry = fileURLToPath(new URL('./compute-pool.test-worker.ts', import.meta.url));

function makePool(size = 2, cancelGraceMs = 300) {
  const lines: string[] = [];
  const pool = new ComputePool({
    workerScript: bootstrap,
    workerData: { entry },
    size,
    cancelGraceMs,
    log: (line) => lines.push(line),
  });
  return { pool, lines };
}

describe('ComputePool', () => {
  const { pool, lines } = makePool();
  afterAll(() => pool.close());

  it('runs a job and logs its timing', async () => {
    await expect(pool.run('echo', { hello: 'world' })).resolves.toEqual({ hello: 'world' });
    expect(lines.some((line) => /echo #\d+ ok in [\d.]+ ms/.test(line))).toBe(true);
  });

  it('streams progress and cancels a job mid-way through its flag', async () => {
    const seen: number[] = [];
    const controller = new AbortController();
    const running = pool.run(
      'slowCounter',
      { steps: 2000 },
      {
        signal: controller.signal,
        onProgress: (event) => {
          seen.push(event.fraction);
          if (seen.length === 3) controller.abort();
        },
      },
    );
    await expect(running).rejects.toMatchObject({ name: 'CancelledError' });
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen[1]).toBeGreaterThan(seen[0]);
    // The worker noticed the flag itself, so it was not restarted and still answers.
    await expect(pool.run('echo', 1)).resolves.toBe(1);
  });

  it('rejects a throwing job with its message and lives on', async () => {
    await expect(pool.run('throws', null)).rejects.toMatchObject({
      name: 'RangeError',
      message: 'row 3 has 2 entries, expected 4',
    });
    await expect(pool.run('echo', 2)).resolves.toBe(2);
  });

  it('rejects a job whose worker exits, replaces the worker and lives on', async () => {
    await expect(pool.run('exits', null)).rejects.toMatchObject({ name: 'WorkerCrashed' });
    expect(pool.size).toBe(2);
    const answers = await Promise.all([
      pool.run('echo', 3),
      pool.run('echo', 4),
      pool.run('echo', 5),
    ]);
    expect(answers).toEqual([3, 4, 5]);
  });

  it('terminates a job stuck in a loop after the grace period, then keeps working', async () => {
    const running = pool.run('spinsForever', null, { jobId: 'stuck' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    pool.cancel('stuck');
    await expect(running).rejects.toMatchObject({ name: 'CancelledError' });
    expect(lines.some((line) => line.includes('ignored cancel'))).toBe(true);
    await expect(pool.run('echo', 'after')).resolves.toBe('after');
  });

  it('cancels a queued job without running it', async () => {
    const blockers = [
      pool.run('slowCounter', { steps: 40 }),
      pool.run('slowCounter', { steps: 40 }),
    ];
    const queued = pool.run('echo', 'never', { jobId: 'queued' });
    pool.cancel('queued');
    await expect(queued).rejects.toMatchObject({ name: 'CancelledError' });
    await expect(Promise.all(blockers)).resolves.toEqual([40, 40]);
  });

  it('runs 200 small jobs concurrently, each answered correctly', async () => {
    const jobs = Array.from({ length: 200 }, (_, k) => pool.run('echo', { k }));
    const answers = (await Promise.all(jobs)) as { k: number }[];
    expect(answers.map((answer) => answer.k)).toEqual(Array.from({ length: 200 }, (_, k) => k));
  });

  it('round-trips a 2048×2048 matrix as transferred buffers', async () => {
    const n = 2048;
    const data = new Float64Array(n * n);
    for (let k = 0; k < data.length; k++) data[k] = k % 1000;
    const result = (await pool.run('double', { rows: n, cols: n, data })) as {
      rows: number;
      data: Float64Array;
    };
    // Transferred, not copied: the sender's buffer is detached.
    expect(data.byteLength).toBe(0);
    expect(result.rows).toBe(n);
    expect(result.data.length).toBe(n * n);
    expect(result.data[12345]).toBe(2 * (12345 % 1000));
    expect(result.data[n * n - 1]).toBe(2 * ((n * n - 1) % 1000));
  });

  it('shares a SharedArrayBuffer matrix with the worker without copying', async () => {
    const data = new Float64Array(new SharedArrayBuffer(8 * 1000));
    await expect(pool.run('fillShared', { data })).resolves.toBe(1000);
    expect(data[999]).toBe(999);
  });
});
