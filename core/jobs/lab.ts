// The AI lab's jobs: the attention and embedding rank demos, and the analysis of a LoRA update.
import { z } from 'zod';
import { attentionScoresDemo, embeddingBottleneckDemo } from '../rank/attention';
import { analyzeDelta, deltaFromCheckpoints, deltaFromFactors } from '../rank/lora';
import { loraSubspaceSimilarity } from '../rank/angles';
import { matrixSchema } from '../rank/request-schemas';
import { defineJob } from './job';

const dimension = z.number().int().min(1).max(4096);

export const attentionDemoJob = defineJob({
  request: z.object({
    sequenceLength: dimension,
    width: dimension,
    headWidth: dimension,
    seed: z.number().int().optional(),
  }),
  run: (request, context) => attentionScoresDemo(request, context),
});

export const embeddingDemoJob = defineJob({
  request: z.object({
    vocabulary: z.number().int().min(1).max(50_000),
    width: dimension,
    contexts: dimension,
    seed: z.number().int().optional(),
  }),
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
  run: (request) => loraSubspaceSimilarity(request.first, request.second, request),
});
