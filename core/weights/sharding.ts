// Splitting a checkpoint's analysis across machines: shard K of N owns a deterministic,
// work-balanced share of the tensors — largest first, each to the shard with the least work so far
// (Graham's LPT rule, within 4/3 of the best split) — a pure function of the table and N, so every
// machine computes the same split. Shards default from a Slurm job array or a Kubernetes Indexed
// Job, read from an environment record. Cost O(t log t + t·N).
import type { CheckpointTensor } from './checkpoint';
import type { PassName } from './report';

export interface ShardSpec {
  /** 1-based: shard 1 of 3 is the first. */
  index: number;
  count: number;
}

export class ShardError extends Error {
  override readonly name = 'ShardError';
}

/** "K/N" (1 ≤ K ≤ N), as `--shard 2/3` writes it. */
export function parseShardSpec(text: string): ShardSpec {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match)
    throw new ShardError(`the shard ${JSON.stringify(text)} is not of the form K/N, e.g. 2/3`);
  return checkShard(Number(match[1]), Number(match[2]), `the shard ${text}`);
}

function checkShard(index: number, count: number, what: string): ShardSpec {
  if (!Number.isSafeInteger(count) || count < 1)
    throw new ShardError(`${what}: the shard count must be a whole number ≥ 1`);
  if (!Number.isSafeInteger(index) || index < 1 || index > count) {
    throw new ShardError(`${what}: the shard number must lie between 1 and ${count}`);
  }
  return { index, count };
}

function wholeNumber(env: Record<string, string | undefined>, name: string): number | undefined {
  const text = env[name];
  if (text === undefined || text.trim() === '') return undefined;
  if (!/^\s*\d+\s*$/.test(text))
    throw new ShardError(`${name}=${JSON.stringify(text)} is not a whole number`);
  return Number(text);
}

/**
 * The shard an environment asks for: a Slurm job array (SLURM_ARRAY_TASK_ID, counted from
 * SLURM_ARRAY_TASK_MIN in steps of SLURM_ARRAY_TASK_STEP, with SLURM_ARRAY_TASK_COUNT tasks) or a
 * Kubernetes Indexed Job (JOB_COMPLETION_INDEX from 0, with `count` given, as the Job's
 * completions). Undefined when neither is set.
 */
export function shardFromEnvironment(
  env: Record<string, string | undefined>,
  options: { count?: number } = {},
): ShardSpec | undefined {
  const slurmTask = wholeNumber(env, 'SLURM_ARRAY_TASK_ID');
  if (slurmTask !== undefined) {
    const minimum = wholeNumber(env, 'SLURM_ARRAY_TASK_MIN') ?? 0;
    const step = wholeNumber(env, 'SLURM_ARRAY_TASK_STEP') ?? 1;
    const tasks = wholeNumber(env, 'SLURM_ARRAY_TASK_COUNT');
    if (step < 1) throw new ShardError('SLURM_ARRAY_TASK_STEP must be at least 1');
    if ((slurmTask - minimum) % step !== 0 || slurmTask < minimum) {
      throw new ShardError(
        `SLURM_ARRAY_TASK_ID=${slurmTask} is not on the array's range from ${minimum} in steps of ${step}`,
      );
    }
    const count = options.count ?? tasks;
    if (count === undefined)
      throw new ShardError('SLURM_ARRAY_TASK_COUNT is not set: give the shard count');
    if (options.count !== undefined && tasks !== undefined && tasks !== options.count) {
      throw new ShardError(
        `the shard count ${options.count} differs from SLURM_ARRAY_TASK_COUNT=${tasks}`,
      );
    }
    return checkShard((slurmTask - minimum) / step + 1, count, 'the Slurm array task');
  }
  const completion = wholeNumber(env, 'JOB_COMPLETION_INDEX');
  if (completion !== undefined) {
    if (options.count === undefined) {
      throw new ShardError(
        "JOB_COMPLETION_INDEX is set, but not the shard count: give it (the Job's completions)",
      );
    }
    return checkShard(completion + 1, options.count, 'the Kubernetes completion index');
  }
  return undefined;
}

/** Relative work of a tensor's passes: the quick pass grows with m·n, the full with m·n·min(m, n). */
export function tensorWork(
  tensor: Pick<CheckpointTensor, 'rows' | 'cols'>,
  passes: readonly PassName[],
  sketchWidth = 24,
): number {
  const { rows, cols } = tensor;
  let work = 0;
  if (passes.includes('quick')) work += rows * cols * Math.min(sketchWidth, rows, cols) * 4;
  if (passes.includes('full')) work += rows * cols * Math.min(rows, cols) * 4;
  // Reading costs something even for a tensor too small to analyse.
  return work + rows * cols;
}

/** The tensors of each of `count` shards (index 0 is shard 1), each list in table order. */
export function assignShards(
  tensors: readonly Pick<CheckpointTensor, 'name' | 'rows' | 'cols'>[],
  count: number,
  passes: readonly PassName[],
): string[][] {
  checkShard(1, count, 'the shard count');
  const order = new Map(tensors.map((tensor, index) => [tensor.name, index]));
  const byWork = tensors
    .map((tensor) => ({ name: tensor.name, work: tensorWork(tensor, passes) }))
    .sort((a, b) => b.work - a.work || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const loads = new Array<number>(count).fill(0);
  const shares: string[][] = Array.from({ length: count }, () => []);
  for (const { name, work } of byWork) {
    let lightest = 0;
    for (let shard = 1; shard < count; shard++)
      if (loads[shard] < loads[lightest]) lightest = shard;
    loads[lightest] += work;
    shares[lightest].push(name);
  }
  for (const share of shares) share.sort((a, b) => order.get(a)! - order.get(b)!);
  return shares;
}
