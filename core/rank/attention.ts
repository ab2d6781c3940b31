// Rank bottlenecks designed into transformers. Attention scores S = Q·Kᵀ/√d_k with Q = X·W_Q and
// K = X·W_K (n×d_k each) have rank ≤ d_k however long the sequence (Bhojanapalli et al. 2020);
// latent attention (MLA, DeepSeek-V2) caches a width-r latent instead of full keys and values,
// so K and V have rank ≤ r; logits H·Eᵀ over a vocabulary of |V| have rank ≤ d (the softmax
// bottleneck, Yang et al. 2018). Cost: one n×n (or n×|V|) product and its singular values.
import type { Matrix } from '../linalg/matrix';
import { gaussianMatrix } from '../linalg/random';
import { singularValues } from '../linalg/svd';
import type { JobContext } from '../job-context';
import {
  multiplyBlocked,
  multiplyTransposeBBlocked,
  multiplyTransposeBByRowBlocks,
} from './blocked-products';
import { decideRank, type RankDecision } from './policies';

function scaled(matrix: Matrix, factor: number): Matrix {
  const data = matrix.data;
  for (let k = 0; k < data.length; k++) data[k] *= factor;
  return matrix;
}

export interface AttentionDemo {
  sequenceLength: number;
  width: number;
  headWidth: number;
  /** Descending singular values of the n×n score matrix. */
  singularValues: Float64Array;
  rank: RankDecision;
  /** min(n, d, d_k): the rank the construction allows. */
  bound: number;
}

/** Seeded scores of one attention head: X (n×d), W_Q and W_K (d×d_k), S = XW_Q (XW_K)ᵀ/√d_k. */
export function attentionScoresDemo(
  options: { sequenceLength: number; width: number; headWidth: number; seed?: number },
  context?: JobContext,
): AttentionDemo {
  const { sequenceLength: n, width: d, headWidth: dk } = options;
  const seed = options.seed ?? 1;
  const x = gaussianMatrix(n, d, seed);
  const weightQuery = scaled(gaussianMatrix(d, dk, seed + 1), 1 / Math.sqrt(d));
  const weightKey = scaled(gaussianMatrix(d, dk, seed + 2), 1 / Math.sqrt(d));
  // In blocks, with cancel checked between them: at 4096 wide the products take minutes.
  const report = (from: number) => (fraction: number) =>
    context?.progress(from + 0.1 * fraction, 'multiplying');
  const query = multiplyBlocked(x, weightQuery, context, report(0));
  const key = multiplyBlocked(x, weightKey, context, report(0.1));
  const scores = scaled(
    multiplyTransposeBBlocked(query, key, context, report(0.2)),
    1 / Math.sqrt(dk),
  );
  const values = singularValues(scores, { context });
  return {
    sequenceLength: n,
    width: d,
    headWidth: dk,
    singularValues: values,
    rank: decideRank(values, scores, { kind: 'default' }),
    bound: Math.min(n, d, dk),
  };
}

export interface LatentAttentionBudget {
  /** Bytes of keys and values cached per token per layer, standard multi-head attention. */
  standardBytesPerToken: number;
  /** Bytes of the latent cached per token per layer under MLA (plus decoupled RoPE keys). */
  latentBytesPerToken: number;
  /** For the whole sequence and every layer. */
  standardBytes: number;
  latentBytes: number;
  savedFraction: number;
  /** K = C·W_UK with the latent C of width r: rank(K) ≤ r. */
  keyRankBound: number;
}

export function latentAttentionBudget(options: {
  sequenceLength: number;
  layers: number;
  heads: number;
  headWidth: number;
  latentWidth: number;
  ropeWidth?: number;
  bytesPerValue?: number;
}): LatentAttentionBudget {
  const bytes = options.bytesPerValue ?? 2;
  const standardBytesPerToken = 2 * options.heads * options.headWidth * bytes;
  const latentBytesPerToken = (options.latentWidth + (options.ropeWidth ?? 0)) * bytes;
  const tokens = options.sequenceLength * options.layers;
  return {
    standardBytesPerToken,
    latentBytesPerToken,
    standardBytes: standardBytesPerToken * tokens,
    latentBytes: latentBytesPerToken * tokens,
    savedFraction: 1 - latentBytesPerToken / standardBytesPerToken,
    keyRankBound: Math.min(
      options.latentWidth,
      options.sequenceLength,
      options.heads * options.headWidth,
    ),
  };
}

export interface EmbeddingBottleneck {
  vocabulary: number;
  width: number;
  contexts: number;
  singularValues: Float64Array;
  rank: RankDecision;
  bound: number;
}

/** Logits H·Eᵀ of n contexts over a vocabulary |V| with embeddings of width d: rank ≤ d. */
export function embeddingBottleneckDemo(
  options: { vocabulary: number; width: number; contexts: number; seed?: number },
  context?: JobContext,
): EmbeddingBottleneck {
  const seed = options.seed ?? 7;
  const hidden = gaussianMatrix(options.contexts, options.width, seed + 1);
  // The embedding is drawn a block of words at a time and never held whole; cancel is checked
  // between blocks (at 50 000 × 4096 it would be 1.6 GB, and the product takes minutes).
  const logits = multiplyTransposeBByRowBlocks(
    hidden,
    options.vocabulary,
    (start, count) => gaussianMatrix(count, options.width, seed + 2 + start),
    context,
    (fraction) => context?.progress(0.3 * fraction, 'forming the logits'),
  );
  const values = singularValues(logits, { context });
  return {
    vocabulary: options.vocabulary,
    width: options.width,
    contexts: options.contexts,
    singularValues: values,
    rank: decideRank(values, logits, { kind: 'default' }),
    bound: Math.min(options.width, options.vocabulary, options.contexts),
  };
}
