// The AI lab's jobs: the attention and embedding rank demos, and the analysis of a LoRA update.
import { z } from 'zod';
import { attentionScoresDemo, embeddingBottleneckDemo } from '../rank/attention';
import { analyzeDelta, deltaFromCheckpoints, deltaFromFactors } from '../rank/lora';
import { loraSubspaceSimilarity } from '../rank/angles';
import { matrixSchema } from '../rank/request-schemas';
import { addCosts, matrixBytes, productCost, svdCost } from './budget';
import { defineJob } from './job';

const dimension = z.number().int().min(1).max(4096);

export const attentionDemoJob = defineJob({
  request: z.object({
    sequenceLength: dimension,
    width: dimension,
    headWidth: dimension,
    seed: z.number().int().optional(),
  }),
  cost: ({ sequenceLength: n, width: d, headWidth: k }) =>
    addCosts(
      { bytes: matrixBytes(n, d) + 2 * matrixBytes(d, k), flops: 0 },
      productCost(n, d, k),
      productCost(n, d, k),
      productCost(n, k, n),
      svdCost(n, n, false),
    ),
  run: (request, context) => attentionScoresDemo(request, context),
});

export const embeddingDemoJob = defineJob({
  request: z.object({
    vocabulary: z.number().int().min(1).max(50_000),
    width: dimension,
    contexts: dimension,
    seed: z.number().int().optional(),
  }),
  // The embedding is drawn a block of words at a time (blocked-products.ts), never held whole.
  cost: ({ vocabulary, width, contexts }) =>
    addCosts(
      { bytes: matrixBytes(contexts, width), flops: 0 },
      productCost(contexts, width, vocabulary),
      svdCost(contexts, vocabulary, false),
    ),
  run: (request, context) => embeddingBottleneckDemo(request, context),
});

export const loraDeltaJob = defineJob({
  request: z.union([
    z.object({
      kind: z.literal('factors'),
      b: matrixSchema,
      a: matrixSchema,
      energy: z.number().gt(0).max(1).optional(),
    }),
    z.object({
      kind: z.literal('checkpoints'),
      before: matrixSchema,
      after: matrixSchema,
      energy: z.number().gt(0).max(1).optional(),
    }),
  ]),
  cost(request) {
    const [left, right] =
      request.kind === 'factors' ? [request.b, request.a] : [request.before, request.after];
    const rows = left.rows;
    const cols = right.cols;
    const product =
      request.kind === 'factors'
        ? productCost(rows, left.cols, cols)
        : { bytes: matrixBytes(rows, cols), flops: rows * cols };
    return addCosts(product, svdCost(rows, cols, true));
  },
  run(request, context) {
    const delta =
      request.kind === 'factors'
        ? deltaFromFactors(request.b, request.a)
        : deltaFromCheckpoints(request.before, request.after);
    context.checkCancelled();
    return analyzeDelta(delta, { energy: request.energy, context });
  },
});

export const loraSimilarityJob = defineJob({
  request: z.object({
    first: matrixSchema,
    second: matrixSchema,
    side: z.enum(['left', 'right']).default('right'),
    maxI: z.number().int().min(1).max(512).optional(),
    maxJ: z.number().int().min(1).max(512).optional(),
  }),
  cost: ({ first, second }) =>
    addCosts(
      svdCost(first.rows, first.cols, true),
      svdCost(second.rows, second.cols, true),
      productCost(512, Math.max(first.rows, first.cols), 512),
    ),
  run: (request) => loraSubspaceSimilarity(request.first, request.second, request),
});
