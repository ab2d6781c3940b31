import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assignShards,
  parseShardSpec,
  shardFromEnvironment,
  ShardError,
  tensorWork,
} from './sharding';

// A 7B-like table: 32 layers of attention (4096²) and MLP (11008×4096, 4096×11008) and two embeddings.
const llama = [
  { name: 'embed', rows: 32000, cols: 4096 },
  ...Array.from({ length: 32 }, (_, layer) => [
    ...['q', 'k', 'v', 'o'].map((part) => ({
      name: `layers.${layer}.${part}`,
      rows: 4096,
      cols: 4096,
    })),
    { name: `layers.${layer}.gate`, rows: 11008, cols: 4096 },
    { name: `layers.${layer}.up`, rows: 11008, cols: 4096 },
    { name: `layers.${layer}.down`, rows: 4096, cols: 11008 },
  ]).flat(),
  { name: 'lm_head', rows: 32000, cols: 4096 },
];

describe('shard assignment', () => {
  it('gives every tensor to exactly one shard, the same way every time and in any input order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            rows: fc.integer({ min: 1, max: 5000 }),
            cols: fc.integer({ min: 1, max: 5000 }),
          }),
          { minLength: 1, maxLength: 60 },
        ),
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom(['quick'] as const, ['full'] as const, ['quick', 'full'] as const),
        (sizes, count, passes) => {
          const tensors = sizes.map((size, k) => ({ name: `t${k}`, ...size }));
          const shards = assignShards(tensors, count, passes);
          expect(shards).toHaveLength(count);
          expect(shards.flat().sort()).toEqual(tensors.map((tensor) => tensor.name).sort());
          // Determinism: a shuffled table gives the same split.
          const shuffled = [...tensors].reverse();
          expect(assignShards(shuffled, count, passes).map((share) => [...share].sort())).toEqual(
            shards.map((share) => [...share].sort()),
          );
          // Greedy list scheduling never exceeds the mean load plus (1 − 1/N) of the largest work.
          const works = tensors.map((tensor) => tensorWork(tensor, passes));
          const total = works.reduce((a, b) => a + b, 0);
          const bound = total / count + (1 - 1 / count) * Math.max(...works);
          const byName = new Map(tensors.map((tensor, k) => [tensor.name, works[k]]));
          for (const share of shards) {
            const load = share.reduce((sum, name) => sum + byName.get(name)!, 0);
            expect(load).toBeLessThanOrEqual(bound * (1 + 1e-12));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("stays within Graham's 4/3 − 1/(3N) of the best split, found by trying every split", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 2, max: 3 }),
        (sides, count) => {
          const tensors = sides.map((side, k) => ({ name: `t${k}`, rows: side, cols: 64 }));
          const works = tensors.map((tensor) => tensorWork(tensor, ['full']));
          const byName = new Map(tensors.map((tensor, k) => [tensor.name, works[k]]));
          const largest = (shares: string[][]) =>
            Math.max(...shares.map((s) => s.reduce((sum, name) => sum + byName.get(name)!, 0)));
          // The best largest load, over all count^n splits.
          let best = Infinity;
          for (let code = 0; code < count ** works.length; code++) {
            const loads = new Array<number>(count).fill(0);
            for (let k = 0, c = code; k < works.length; k++, c = Math.floor(c / count))
              loads[c % count] += works[k];
            best = Math.min(best, Math.max(...loads));
          }
          const greedy = largest(assignShards(tensors, count, ['full']));
          expect(greedy).toBeLessThanOrEqual((4 / 3 - 1 / (3 * count)) * best * (1 + 1e-12));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('balances a 7B model over 8 machines within 2 % of the mean', () => {
    const shards = assignShards(llama, 8, ['quick']);
    const byName = new Map(llama.map((tensor) => [tensor.name, tensorWork(tensor, ['quick'])]));
    const loads = shards.map((share) => share.reduce((sum, name) => sum + byName.get(name)!, 0));
    const mean = loads.reduce((a, b) => a + b, 0) / loads.length;
    for (const load of loads) expect(Math.abs(load - mean) / mean).toBeLessThan(0.02);
  });
});

describe('shard specs', () => {
  it('reads K/N and refuses what is not one', () => {
    expect(parseShardSpec('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShardSpec(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    for (const text of ['0/3', '4/3', '3', 'a/b', '1/0', '-1/2'])
      expect(() => parseShardSpec(text)).toThrow(ShardError);
  });

  it('defaults from a Slurm job array, counting from its first task and in its steps', () => {
    expect(shardFromEnvironment({ SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: '4' })).toEqual(
      { index: 1, count: 4 },
    );
    // sbatch --array=1-3
    expect(
      shardFromEnvironment({
        SLURM_ARRAY_TASK_ID: '3',
        SLURM_ARRAY_TASK_MIN: '1',
        SLURM_ARRAY_TASK_COUNT: '3',
      }),
    ).toEqual({ index: 3, count: 3 });
    // sbatch --array=0-8:4 → tasks 0, 4, 8
    expect(
      shardFromEnvironment({
        SLURM_ARRAY_TASK_ID: '4',
        SLURM_ARRAY_TASK_MIN: '0',
        SLURM_ARRAY_TASK_STEP: '4',
        SLURM_ARRAY_TASK_COUNT: '3',
      }),
    ).toEqual({ index: 2, count: 3 });
    expect(() =>
      shardFromEnvironment({ SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_COUNT: '3' }),
    ).toThrow(/between 1 and 3/);
    expect(() =>
      shardFromEnvironment({ SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: '3' }, { count: 4 }),
    ).toThrow(/differs/);
    expect(() =>
      shardFromEnvironment({ SLURM_ARRAY_TASK_ID: 'x', SLURM_ARRAY_TASK_COUNT: '3' }),
    ).toThrow(/not a whole number/);
  });

  it('defaults from a Kubernetes Indexed Job with the count given, and from nothing to nothing', () => {
    expect(shardFromEnvironment({ JOB_COMPLETION_INDEX: '0' }, { count: 5 })).toEqual({
      index: 1,
      count: 5,
    });
    expect(shardFromEnvironment({ JOB_COMPLETION_INDEX: '4' }, { count: 5 })).toEqual({
      index: 5,
      count: 5,
    });
    expect(() => shardFromEnvironment({ JOB_COMPLETION_INDEX: '2' })).toThrow(/give it/);
    expect(shardFromEnvironment({ HOME: '/root' })).toBeUndefined();
  });
});
