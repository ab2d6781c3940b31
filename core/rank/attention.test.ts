import { describe, expect, it } from 'vitest';
import { attentionScoresDemo, embeddingBottleneckDemo, latentAttentionBudget } from './attention';

describe('attention rank bottlenecks', () => {
  it('gives scores of rank exactly d_k when the sequence is longer than the head', () => {
    const demo = attentionScoresDemo({ sequenceLength: 96, width: 64, headWidth: 8, seed: 3 });
    expect(demo.rank.rank).toBe(8);
    expect(demo.bound).toBe(8);
    expect(demo.singularValues.length).toBe(96);
    // Beyond d_k the values are rounding noise, far below the tolerance.
    expect(demo.singularValues[8]).toBeLessThan(1e-12 * demo.singularValues[0]);
  });

  it('is limited by the sequence when it is shorter than the head', () => {
    expect(attentionScoresDemo({ sequenceLength: 5, width: 32, headWidth: 16 }).rank.rank).toBe(5);
  });

  it('counts the KV-cache bytes MLA saves', () => {
    // 32 heads of width 128 in bf16: 2·32·128·2 = 16 KiB per token per layer; a 512-wide latent
    // plus 64 RoPE dims is (512+64)·2 = 1152 bytes.
    const budget = latentAttentionBudget({
      sequenceLength: 4096,
      layers: 32,
      heads: 32,
      headWidth: 128,
      latentWidth: 512,
      ropeWidth: 64,
    });
    expect(budget.standardBytesPerToken).toBe(16_384);
    expect(budget.latentBytesPerToken).toBe(1_152);
    expect(budget.standardBytes).toBe(16_384 * 4096 * 32);
    expect(budget.savedFraction).toBeCloseTo(1 - 1152 / 16384, 12);
    expect(budget.keyRankBound).toBe(512);
  });

  it('bounds the logits of a vocabulary by the embedding width', () => {
    const demo = embeddingBottleneckDemo({ vocabulary: 300, width: 12, contexts: 80 });
    expect(demo.rank.rank).toBe(12);
    expect(demo.bound).toBe(12);
  });
});
