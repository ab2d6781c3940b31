// One tensor of a checkpoint, one pass, and one layer of a base and its fine-tune: the jobs a pool
// worker runs. The worker opens the tensor's file itself (through the CheckpointFiles its host lends
// it), decodes only that tensor straight into the workspace the pass reduces, and returns the
// result with its timing. Requests are plain data (the checkpoint table's rows), validated here.
import { z } from 'zod';
import { decodeTensor } from '../formats/tensor-decoding';
import { workspaceOf } from '../linalg/workspace';
import type { CheckpointFiles, CheckpointTensor } from '../weights/checkpoint';
import { diffTensors } from '../weights/checkpoint-diff';
import { reportSettingsSchema, type ReportSettings } from '../weights/report';
import {
  fullPass,
  quickPass,
  quickPassWorkspaceDoubles,
  tensorSeed,
  type FullPass,
  type QuickPass,
} from '../weights/spectrum-passes';
import { matrixBytes, svdCost, type Cost } from './budget';
import type { JobContext } from './context';
import { defineJob } from './job';

const size = z.number().int().nonnegative();
const elementSchema = z.object({
  kind: z.enum(['float', 'int', 'uint', 'bool', 'bfloat', 'e4m3', 'e5m2', 'e8m0']),
  size: z
    .number()
    .int()
    .refine((bytes) => [1, 2, 4, 8].includes(bytes), 'an element takes 1, 2, 4 or 8 bytes'),
  littleEndian: z.boolean(),
});
const rangeSchema = z.object({ byteOffset: size, byteLength: size });
const encodingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('elements'), element: elementSchema, order: z.enum(['C', 'F']) }),
  z.object({
    kind: z.literal('strided'),
    element: elementSchema,
    strides: z.array(size).max(16),
    storageOffset: size,
  }),
  z.object({ kind: z.literal('ggml'), type: z.string().max(16) }),
  z.object({
    kind: z.literal('protobuf'),
    wire: z.enum(['fixed32', 'fixed64', 'varint']),
    as: z.enum(['float', 'double', 'int', 'uint', 'float16', 'bfloat16', 'e4m3', 'e5m2']),
    pieces: z.array(rangeSchema),
  }),
  z.object({
    kind: z.literal('deflated'),
    skip: size,
    inflatedLength: size,
    crc32: size,
    inner: z.object({ element: elementSchema, order: z.enum(['C', 'F']) }),
  }),
]);

export const checkpointTensorSchema = z.object({
  name: z.string().max(4096),
  dtype: z.string().max(64),
  quantization: z
    .object({ scheme: z.string(), bitsPerWeight: z.number(), blockSize: size })
    .optional(),
  data: z.object({
    file: z.string().max(4096),
    byteOffset: size,
    byteLength: size,
    shape: z.array(size).max(64),
    encoding: encodingSchema,
  }),
  rows: size,
  cols: size,
  reshaped: z.string().optional(),
  bytes: size,
});

export const checkpointTensorRequestSchema = z.object({
  tensor: checkpointTensorSchema,
  pass: z.enum(['quick', 'full']),
  settings: reportSettingsSchema,
  /** Largest tensor accepted, in entries (default 2^28). */
  maxEntries: z.number().int().positive().optional(),
});
export type CheckpointTensorRequest = z.infer<typeof checkpointTensorRequestSchema>;

// The schema and the checkpoint's row must agree.
const _tensorFits = (tensor: CheckpointTensor): z.input<typeof checkpointTensorSchema> => tensor;
void _tensorFits;

export interface TensorPassResult {
  name: string;
  rows: number;
  cols: number;
  reshaped?: string;
  /** Wall time of the decode and the pass. */
  seconds: number;
  result: QuickPass | FullPass;
}

const wallClock = () => performance.now() / 1000;

export async function analyzeCheckpointTensor(
  files: CheckpointFiles,
  request: {
    tensor: CheckpointTensor;
    pass: 'quick' | 'full';
    settings: ReportSettings;
    maxEntries?: number;
  },
  context?: JobContext,
  clock: () => number = wallClock,
): Promise<TensorPassResult> {
  const { tensor, pass, settings } = request;
  const start = clock();
  const source = await files.open(tensor.data.file);
  const decoded = await decodeTensor(source, tensor.data, {
    tensorName: tensor.name,
    // The quick pass's products take the weight either way round; the SVD wants it tall.
    layout: pass === 'quick' ? 'sketch' : 'spectrum',
    maxEntries: request.maxEntries,
    context,
    ...(pass === 'quick'
      ? {
          workspaceDoubles:
            tensor.rows * tensor.cols +
            quickPassWorkspaceDoubles(tensor.rows, tensor.cols, settings.quick),
        }
      : {}),
  });
  const shape = { rows: decoded.rows, cols: decoded.cols };
  let result: QuickPass | FullPass;
  try {
    result =
      pass === 'quick'
        ? quickPass(
            decoded.matrix,
            settings.quick,
            tensorSeed(settings.quick.seed, tensor.name),
            context,
          )
        : fullPass(decoded.matrix, shape, settings.policy, context);
  } finally {
    // The passes return plain arrays: the next tensor, often of this shape, takes the memory
    // already faulted in (kernels/instance-pool.ts) instead of mapping a fresh one.
    workspaceOf(decoded.matrix.data)?.dispose();
  }
  const row: TensorPassResult = {
    name: tensor.name,
    rows: decoded.rows,
    cols: decoded.cols,
    seconds: clock() - start,
    result,
  };
  if (decoded.reshaped) row.reshaped = decoded.reshaped;
  return row;
}

/**
 * What one pass over one tensor holds and does: the full pass decodes the tensor into the SVD's
 * workspace (values only); the quick pass holds the tensor as stored plus the sketch's workspace
 * and does 2(2q + 1) products of the tensor with an m×l or n×l block.
 */
export function checkpointTensorCost({ tensor, pass, settings }: CheckpointTensorRequest): Cost {
  const { rows, cols } = tensor;
  if (pass === 'full') return svdCost(rows, cols, false);
  const width = Math.min(settings.quick.rank + settings.quick.oversample, Math.min(rows, cols));
  const products = 2 * (2 * settings.quick.powerIterations + 1);
  return {
    bytes: matrixBytes(rows, cols) + 8 * quickPassWorkspaceDoubles(rows, cols, settings.quick),
    flops: Math.max(products * 2 * rows * cols * width, rows * cols),
  };
}

/**
 * What a worker lends a job that reads files: the files of a folder on its disk (closed by the
 * worker when the job ends). Only the host's own jobs get it; a page's compute call never does.
 */
export interface FileReadingContext extends JobContext {
  folderFiles(folder: string): CheckpointFiles;
}

function isFileReading(context: JobContext): context is FileReadingContext {
  return typeof (context as Partial<FileReadingContext>).folderFiles === 'function';
}

export const checkpointTensorJobRequestSchema = checkpointTensorRequestSchema.extend({
  /** The checkpoint's folder on the host's disk (absolute): the host resolved it from a handle. */
  folder: z.string().min(1).max(4096),
});

/**
 * The catalog's job: one tensor of a checkpoint, read by the worker from the folder the host names.
 * Host-only: its request names a place on disk, so a page's compute call is refused.
 */
export const checkpointTensorJob = defineJob({
  request: checkpointTensorJobRequestSchema,
  cost: checkpointTensorCost,
  hostOnly: true,
  run: ({ folder, ...request }, context) => {
    if (!isFileReading(context))
      throw new Error("The checkpoint job reads files, so it runs only on a host's workers.");
    return analyzeCheckpointTensor(context.folderFiles(folder), request, context);
  },
});

const quickSettingsSchema = reportSettingsSchema.shape.quick;

export const checkpointDiffJobRequestSchema = z.object({
  /** The folders of the base and the tuned checkpoint on the host's disk (absolute). */
  baseFolder: z.string().min(1).max(4096),
  tunedFolder: z.string().min(1).max(4096),
  base: checkpointTensorSchema,
  tuned: checkpointTensorSchema,
  /** Leading values by the quick pass instead of the full spectrum of ΔW. */
  sketch: quickSettingsSchema.optional(),
  maxEntries: z.number().int().positive().optional(),
});

/**
 * One layer of a base and its fine-tune: ΔW formed as the tuned tensor streams over the base, then
 * its spectrum (checkpoint-diff.ts). Holds ΔW and, for a sketch, its workspace; one SVD of ΔW.
 */
export const checkpointDiffJob = defineJob({
  request: checkpointDiffJobRequestSchema,
  cost: ({ base, sketch, ...request }) =>
    checkpointTensorCost({
      tensor: base,
      pass: sketch ? 'quick' : 'full',
      settings: {
        passes: [sketch ? 'quick' : 'full'],
        policy: { kind: 'default' },
        quick: sketch ?? { rank: 1, oversample: 0, powerIterations: 0, seed: 0 },
        selection: 'matrices',
      },
      ...(request.maxEntries ? { maxEntries: request.maxEntries } : {}),
    }),
  hostOnly: true,
  run: (request, context) => {
    if (!isFileReading(context))
      throw new Error("The checkpoint job reads files, so it runs only on a host's workers.");
    return diffTensors(
      context.folderFiles(request.baseFolder),
      request.base,
      context.folderFiles(request.tunedFolder),
      request.tuned,
      { sketch: request.sketch, maxEntries: request.maxEntries, context },
    );
  },
});
