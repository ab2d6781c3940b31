// The limits and budgets a host runs with: defaults from the machine (a quarter of its memory
// per job, a quarter of an hour), overridden by --memory-budget / --time-budget or the
// RANKSCOPE_MEMORY_BUDGET / RANKSCOPE_TIME_BUDGET environment variables.
import os from 'node:os';
import { defaultBudget } from '../../core/jobs/budget';
import type { HostLimits } from '../../core/protocol/limits';

/** "6GiB", "512 MiB", "1.5G", "1000000" (bytes). */
export function parseBytes(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|bytes?|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)?\s*$/i.exec(
    text,
  );
  if (!match) throw new Error(`"${text}" is not an amount of memory (try 4GiB or 512MiB).`);
  const unit = (match[2] ?? 'b').toLowerCase()[0];
  const scale = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 }[unit as 'b'];
  return Math.floor(Number(match[1]) * scale);
}

/** "900", "900s", "15m", "1.5h". */
export function parseSeconds(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(s|m|min|h)?\s*$/i.exec(text);
  if (!match) throw new Error(`"${text}" is not a duration (try 600, 10m or 1h).`);
  const unit = (match[2] ?? 's').toLowerCase()[0];
  return Number(match[1]) * { s: 1, m: 60, h: 3600 }[unit as 's'];
}

export function hostLimits(
  settings: { memoryBudget?: string; timeBudget?: string } = {},
  totalMemory = os.totalmem(),
): HostLimits {
  const budget = defaultBudget(totalMemory);
  const memory = settings.memoryBudget ?? process.env.RANKSCOPE_MEMORY_BUDGET;
  const time = settings.timeBudget ?? process.env.RANKSCOPE_TIME_BUDGET;
  return {
    // A 4096×4096 float64 matrix (128 MiB) and its envelope fit; files travel in chunks.
    messageBytes: 160 * 1024 ** 2,
    queuedRequests: 64,
    pendingUploads: 4,
    chunkBytes: 8 * 1024 ** 2,
    memoryBudgetBytes: memory ? parseBytes(memory) : budget.memoryBytes,
    timeBudgetSeconds: time ? parseSeconds(time) : budget.seconds,
  };
}
