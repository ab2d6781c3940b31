import type { z } from 'zod';
import type { Cost } from './budget';
import type { JobContext } from './context';

/**
 * One compute job: a validated request in, a result out (structured-clone friendly), and what it
 * will cost, estimated from the request before it runs (budget.ts), so a host can refuse it first.
 */
export interface Job<Schema extends z.ZodType, Result> {
  request: Schema;
  cost(request: z.infer<Schema>): Cost;
  /**
   * The request names files on the host's disk: only the host itself runs it (on its workers);
   * a page's compute call is refused.
   */
  hostOnly?: boolean;
  run(request: z.infer<Schema>, context: JobContext): Result;
}

/** Keeps the exact return type of `run` (sync or async), so callers and the contract see it. */
export function defineJob<Schema extends z.ZodType, Result>(
  job: Job<Schema, Result>,
): Job<Schema, Result> {
  return job;
}
