// The checkpoint side of the contract: the Lab asks the host to analyse a checkpoint a person chose
// (a file, a shard index or a folder, by handle); the host reads it from disk, runs the tensors on
// its workers largest first, and streams the report's JSON Lines back as progress, so the page's
// table fills as rows finish and the page can save or reopen the report without the weights.
import { z } from 'zod';
import { rankPolicySchema } from '../rank/request-schemas';
import type { LayerDelta } from '../weights/checkpoint-diff';
import type { ScheduleProgress } from '../weights/scheduler';
import { fileHandleSchema } from './files';

export const checkpointRunRequestSchema = z.object({
  /** A checkpoint file, a shard index (`*.index.json`) or a folder of shards, as chosen. */
  source: fileHandleSchema,
  passes: z
    .array(z.enum(['quick', 'full']))
    .min(1)
    .max(2),
  /** Only these tensors (a full pass on demand); default every matrix of the checkpoint. */
  tensors: z.array(z.string().max(4096)).min(1).max(100_000).optional(),
  policy: rankPolicySchema.default({ kind: 'default' }),
});
export type CheckpointRunRequest = z.input<typeof checkpointRunRequestSchema>;

/** What each progress event of a checkpoint run carries in `partial`. */
export interface CheckpointRunProgress {
  /** Report lines (JSON Lines, each ending in a newline) written since the last event. */
  lines: string;
  progress?: ScheduleProgress;
}

export interface CheckpointRun {
  /** The whole report of the run (header and every line), as written. */
  report: string;
  failures: number;
}

/** A saved report the page reads (to show it without the weights). */
export interface WeightReportFile {
  name: string;
  text: string;
}

/** The largest report file the host reads for the page. */
export const largestReportBytes = 128 * 1024 ** 2;

/** Two checkpoints of one architecture: a base and its fine-tune, layer by layer. */
export const checkpointDiffRequestSchema = z.object({
  base: fileHandleSchema,
  tuned: fileHandleSchema,
  /** ΔW's leading values by the quick pass (this many) instead of its full spectrum. */
  sketchRank: z.number().int().min(1).max(4096).optional(),
});
export type CheckpointDiffRequest = z.input<typeof checkpointDiffRequestSchema>;

export interface CheckpointDiffResult {
  /** Layers of the same name and shape in both, in the base's order of completion. */
  layers: LayerDelta[];
  onlyInBase: string[];
  onlyInTuned: string[];
  shapeMismatch: { name: string; base: number[]; tuned: number[] }[];
  failures: { name: string; message: string }[];
}

/** What each progress event of a diff carries in `partial`: a finished layer. */
export interface CheckpointDiffProgress {
  layer?: LayerDelta;
}
