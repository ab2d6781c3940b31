import { describe, expect, it } from 'vitest';
import { catalog } from './catalog';
import { checkBudget, defaultBudget, OverBudgetError, svdCost } from './budget';
import { checkpointTensorCost } from './checkpoint-tensor';
import { CancelledError, type JobContext } from './context';

const budget = defaultBudget(24 * 1024 ** 3);

/** A 3×2 F32 tensor of a checkpoint's table, as the host sends it to a worker. */
const tinyTensor = {
  name: 'w',
  dtype: 'F32',
  data: {
    file: 'w.safetensors',
    byteOffset: 0,
    byteLength: 24,
    shape: [3, 2],
    encoding: {
      kind: 'elements',
      element: { kind: 'float', size: 4, littleEndian: true },
      order: 'C',
    },
  },
  rows: 3,
  cols: 2,
  bytes: 24,
};

describe('job budgets', () => {
  it('every job estimates its cost from its request before running', () => {
    const small = { rows: 3, cols: 2, data: new Float64Array(6) };
    const requests: Record<keyof typeof catalog, unknown> = {
      analyze: {
        cells: [
          ['1', '2'],
          ['3', '4'],
        ],
      },
      stress: { size: 10 },
      rref: {
        cells: [
          ['1', '2'],
          ['3', '4'],
        ],
      },
      spectrum: { matrix: small },
      subspaces: { matrix: small },
      angles: { a: small, b: small },
      lowRank: { matrix: small, rank: 1 },
      robustPca: { matrix: small },
      completion: { matrix: small, mask: new Uint8Array(6).fill(1) },
      attentionDemo: { sequenceLength: 8, width: 4, headWidth: 2 },
      embeddingDemo: { vocabulary: 20, width: 4, contexts: 8 },
      loraDelta: { kind: 'factors', b: small, a: { rows: 2, cols: 4, data: new Float64Array(8) } },
      loraSimilarity: { first: small, second: small },
      checkpointTensor: {
        folder: '/models/tiny',
        tensor: tinyTensor,
        pass: 'quick',
        settings: {
          passes: ['quick'],
          policy: { kind: 'default' },
          quick: { rank: 16, oversample: 8, powerIterations: 1, seed: 1 },
          selection: 'matrices',
        },
      },
      checkpointDiff: {
        baseFolder: '/models/base',
        tunedFolder: '/models/tuned',
        base: tinyTensor,
        tuned: tinyTensor,
      },
    };
    for (const [name, job] of Object.entries(catalog)) {
      const request = job.request.parse(requests[name as keyof typeof catalog]);
      const cost = (job.cost as (request: unknown) => { bytes: number; flops: number })(request);
      expect(cost.bytes, name).toBeGreaterThan(0);
      expect(cost.flops, name).toBeGreaterThan(0);
      expect(() => checkBudget(name, cost, budget), name).not.toThrow();
    }
  });

  it('refuses the embedding demo at its maxima with a sentence giving the estimate', () => {
    const request = catalog.embeddingDemo.request.parse({
      vocabulary: 50_000,
      width: 4096,
      contexts: 4096,
    });
    const cost = catalog.embeddingDemo.cost(request);
    // 4096 × 50 000 logits alone are 1.6 GB; their SVD is some 10¹² operations.
    expect(cost.bytes).toBeGreaterThan(1.6e9);
    expect(cost.flops).toBeGreaterThan(1e12);
    expect(() => checkBudget('the job “embeddingDemo”', cost, budget)).toThrow(OverBudgetError);
    expect(() => checkBudget('the job “embeddingDemo”', cost, budget)).toThrow(
      /the job “embeddingDemo” would take about 82 minutes \([\d.]+e12 operations\), more than the 15 minutes/,
    );
  });

  it('refuses by memory first, naming both figures', () => {
    expect(() =>
      checkBudget('the job “stress”', { bytes: 9 * 1024 ** 3, flops: 1 }, budget),
    ).toThrow(
      'the job “stress” would need about 9 GiB of memory, more than the 6 GiB this host allows one job (set with --memory-budget).',
    );
  });

  it('prices a checkpoint tensor by its pass: the quick pass is a few products, the full an SVD', () => {
    const tensor = {
      name: 'model.layers.0.mlp.up_proj.weight',
      dtype: 'BF16',
      data: {
        file: 'model.safetensors',
        byteOffset: 0,
        byteLength: 11008 * 4096 * 2,
        shape: [11008, 4096],
        encoding: {
          kind: 'elements' as const,
          element: { kind: 'bfloat' as const, size: 2, littleEndian: true },
          order: 'C' as const,
        },
      },
      rows: 11008,
      cols: 4096,
      bytes: 11008 * 4096 * 2,
    };
    const settings = {
      passes: ['quick' as const, 'full' as const],
      policy: { kind: 'default' as const },
      quick: { rank: 64, oversample: 10, powerIterations: 1, seed: 7 },
      selection: 'matrices' as const,
    };
    const full = checkpointTensorCost({ tensor, pass: 'full', settings });
    const quick = checkpointTensorCost({ tensor, pass: 'quick', settings });
    expect(full).toEqual(svdCost(11008, 4096, false));
    // Six products with a 74-wide block against 4mn² − 4n³/3: some sixteen times less work.
    expect(quick.flops).toBe(6 * 2 * 11008 * 4096 * 74);
    expect(full.flops / quick.flops).toBeGreaterThan(15);
    // Both fit the default budget of a 24 GiB machine, so a 7B model's largest tensors run.
    expect(() => checkBudget('quick', quick, budget)).not.toThrow();
    expect(() => checkBudget('full', full, budget)).not.toThrow();
  });

  it('counts the SVD as Golub and Van Loan do: 4mn² − 4n³/3 for values only', () => {
    expect(svdCost(300, 100, false).flops).toBeCloseTo(4 * 300 * 100 ** 2 - (4 * 100 ** 3) / 3);
    expect(svdCost(100, 300, false).flops).toBe(svdCost(300, 100, false).flops);
    expect(svdCost(300, 100, true).flops).toBeGreaterThan(svdCost(300, 100, false).flops);
  });
});

describe('cancel inside the heavy loops', () => {
  function cancelAfter(checks: number): JobContext & { seen: number } {
    return {
      seen: 0,
      progress() {},
      checkCancelled() {
        if (++this.seen > checks) throw new CancelledError();
      },
    };
  }

  it('the embedding demo stops while forming its logits, long before its SVD', () => {
    const request = catalog.embeddingDemo.request.parse({
      vocabulary: 50_000,
      width: 256,
      contexts: 512,
    });
    const context = cancelAfter(3);
    const started = performance.now();
    expect(() => catalog.embeddingDemo.run(request, context)).toThrow(CancelledError);
    // Three blocks of the product at most, not the 50 000-word vocabulary and its SVD.
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(context.seen).toBe(4);
  });

  it('the attention demo stops inside its products', () => {
    const request = catalog.attentionDemo.request.parse({
      sequenceLength: 2048,
      width: 2048,
      headWidth: 512,
    });
    const context = cancelAfter(1);
    expect(() => catalog.attentionDemo.run(request, context)).toThrow(CancelledError);
    expect(context.seen).toBe(2);
  });
});
