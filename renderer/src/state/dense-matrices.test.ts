import { describe, it, expect } from 'vitest';
import type { DenseMatrixData, ReadMatrixRequest } from '../../../core/protocol/files';
import { DenseMatrixCache } from './dense-matrices';

interface PendingRead {
  request: ReadMatrixRequest;
  resolve(data: DenseMatrixData): void;
  reject(error: Error): void;
}

function fakeHost() {
  const reads: PendingRead[] = [];
  const read = (request: ReadMatrixRequest) =>
    new Promise<DenseMatrixData>((resolve, reject) => reads.push({ request, resolve, reject }));
  return { reads, read };
}

function numbers(rows: number, cols: number): DenseMatrixData {
  return { rows, cols, data: Float64Array.from({ length: rows * cols }, (_, k) => k + 0.5) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('dense matrix cache', () => {
  it('reads a matrix once, however many views ask, and tells subscribers when it lands', async () => {
    const cache = new DenseMatrixCache();
    const host = fakeHost();
    let notified = 0;
    cache.subscribe(() => notified++);
    cache.load(host.read, 'dense-a', '/p/lecture.rankscope', { rows: 3, cols: 2 });
    cache.load(host.read, 'dense-a', '/p/lecture.rankscope', { rows: 3, cols: 2 });
    expect(host.reads).toHaveLength(1);
    expect(host.reads[0].request).toEqual({ matrixId: 'dense-a', project: '/p/lecture.rankscope' });
    expect(cache.get('dense-a')).toEqual({ status: 'loading' });

    host.reads[0].resolve(numbers(3, 2));
    await settle();
    const entry = cache.get('dense-a');
    expect(entry?.status).toBe('ready');
    if (entry?.status === 'ready')
      expect(Array.from(entry.matrix.data)).toEqual([0.5, 1.5, 2.5, 3.5, 4.5, 5.5]);
    expect(notified).toBe(2);
    cache.load(host.read, 'dense-a', null, { rows: 3, cols: 2 });
    expect(host.reads).toHaveLength(1);
  });

  it('asks without a path for a document never saved', () => {
    const cache = new DenseMatrixCache();
    const host = fakeHost();
    cache.load(host.read, 'dense-b', null, { rows: 1, cols: 1 });
    expect(host.reads[0].request).toEqual({ matrixId: 'dense-b' });
  });

  it('keeps a failed read as an error, tried again only for another project file', async () => {
    const cache = new DenseMatrixCache();
    const host = fakeHost();
    cache.load(host.read, 'dense-c', null, { rows: 2, cols: 2 });
    host.reads[0].reject(new Error('No dense matrix "dense-c" is known.'));
    await settle();
    expect(cache.get('dense-c')).toEqual({
      status: 'error',
      error: 'No dense matrix "dense-c" is known.',
      path: null,
    });
    cache.load(host.read, 'dense-c', null, { rows: 2, cols: 2 });
    expect(host.reads).toHaveLength(1);
    cache.load(host.read, 'dense-c', '/p/saved.rankscope', { rows: 2, cols: 2 });
    expect(host.reads).toHaveLength(2);
    host.reads[1].resolve(numbers(2, 2));
    await settle();
    expect(cache.get('dense-c')?.status).toBe('ready');
  });

  it('refuses numbers of another size than the project says', async () => {
    const cache = new DenseMatrixCache();
    const host = fakeHost();
    cache.load(host.read, 'dense-d', null, { rows: 200, cols: 150 });
    host.reads[0].resolve(numbers(150, 200));
    await settle();
    const entry = cache.get('dense-d');
    expect(entry?.status).toBe('error');
    if (entry?.status === 'error') expect(entry.error).toContain('150×200');
    cache.load(host.read, 'dense-e', null, { rows: 2, cols: 2 });
    host.reads[1].resolve({ rows: 2, cols: 2, data: new Float64Array(3) });
    await settle();
    expect(cache.get('dense-e')?.status).toBe('error');
  });

  it('copies numbers that are a view into a larger buffer, so jobs can take them', async () => {
    const cache = new DenseMatrixCache();
    const host = fakeHost();
    cache.load(host.read, 'dense-f', null, { rows: 2, cols: 1 });
    const shared = new Float64Array([9, 7, 5, 3]);
    host.reads[0].resolve({ rows: 2, cols: 1, data: shared.subarray(1, 3) });
    await settle();
    const entry = cache.get('dense-f');
    if (entry?.status !== 'ready') throw new Error('not ready');
    expect(Array.from(entry.matrix.data)).toEqual([7, 5]);
    expect(entry.matrix.data.buffer.byteLength).toBe(16);
  });

  it('drops the numbers of matrices that left the project, and a read landing after that', async () => {
    const cache = new DenseMatrixCache();
    const host = fakeHost();
    cache.seed('kept', { rows: 1, cols: 1, data: new Float64Array([1]) });
    cache.seed('gone', { rows: 1, cols: 1, data: new Float64Array([2]) });
    cache.load(host.read, 'late', null, { rows: 1, cols: 1 });
    const before = cache.snapshot();
    cache.keepOnly(new Set(['kept']));
    expect(cache.snapshot()).not.toBe(before);
    expect([...cache.snapshot().keys()]).toEqual(['kept']);
    host.reads[0].resolve(numbers(1, 1));
    await settle();
    expect(cache.get('late')).toBeUndefined();
    // Nothing to drop: the snapshot stays the same object, so no view re-renders.
    const same = cache.snapshot();
    cache.keepOnly(new Set(['kept']));
    expect(cache.snapshot()).toBe(same);
  });
});
