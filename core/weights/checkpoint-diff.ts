// Comparing two checkpoints of one architecture (a base and its fine-tune), layer by layer:
// ΔW = W_tuned − W_base formed in one matrix as the tuned tensor streams over the base, its
// spectrum, its rank by each policy, how much it moved (‖ΔW‖_F/‖W_base‖_F), and the LoRA rank that
// would keep 90/95/99 % of its energy Σσᵢ² (Hu et al. 2021). Full spectrum by default; with a
// sketch rank, the quick pass's leading values and the exact total energy (ranks beyond the sketch
// are lower bounds). Cost per layer: one decode of each tensor and one SVD of ΔW.
import { decodeTensor } from '../formats/tensor-decoding';
import type { JobContext } from '../job-context';
import { frobeniusNorm } from '../linalg/norms';
import { singularValues } from '../linalg/svd';
import { workspaceOf } from '../linalg/workspace';
import { defaultRank, noiseEdgeRank, spectralGapRank, type RankDecision } from '../rank/policies';
import type { CheckpointFiles, CheckpointTensor } from './checkpoint';
import {
  quickPass,
  quickPassWorkspaceDoubles,
  tensorSeed,
  type QuickPassSettings,
} from './spectrum-passes';

export interface CheckpointPairing {
  /** Tensors of the same name and shape in both, in the base's order. */
  pairs: { base: CheckpointTensor; tuned: CheckpointTensor }[];
  onlyInBase: string[];
  onlyInTuned: string[];
  shapeMismatch: { name: string; base: number[]; tuned: number[] }[];
}

export function pairCheckpointTensors(
  base: readonly CheckpointTensor[],
  tuned: readonly CheckpointTensor[],
): CheckpointPairing {
  const tunedByName = new Map(tuned.map((tensor) => [tensor.name, tensor]));
  const pairing: CheckpointPairing = {
    pairs: [],
    onlyInBase: [],
    onlyInTuned: [],
    shapeMismatch: [],
  };
  for (const tensor of base) {
    const other = tunedByName.get(tensor.name);
    if (!other) pairing.onlyInBase.push(tensor.name);
    else if (JSON.stringify(other.data.shape) !== JSON.stringify(tensor.data.shape)) {
      pairing.shapeMismatch.push({
        name: tensor.name,
        base: tensor.data.shape,
        tuned: other.data.shape,
      });
    } else pairing.pairs.push({ base: tensor, tuned: other });
  }
  const baseNames = new Set(base.map((tensor) => tensor.name));
  for (const tensor of tuned)
    if (!baseNames.has(tensor.name)) pairing.onlyInTuned.push(tensor.name);
  return pairing;
}

export interface LayerDelta {
  name: string;
  shape: number[];
  rows: number;
  cols: number;
  baseDtype: string;
  tunedDtype: string;
  /** ΔW's singular values: all of them, or the sketch's leading ones. */
  singularValues: number[];
  spectrum: 'full' | 'sketch';
  /** ‖ΔW‖_F, exact either way. */
  frobeniusNorm: number;
  /** ‖ΔW‖_F / ‖W_base‖_F (Infinity when the base is zero and ΔW is not). */
  relativeChange: number;
  ranks: { default: RankDecision; gap: RankDecision; noise: RankDecision };
  /** Smallest r whose r leading values keep 90 / 95 / 99 % of Σσᵢ², and r(m+n), its LoRA parameters. */
  lora: Record<'p90' | 'p95' | 'p99', { rank: number; parameters: number; atLeast: boolean }>;
}

export interface DiffOptions {
  /** Leading values by the quick pass instead of the full spectrum (a rank, e.g. 64). */
  sketch?: QuickPassSettings;
  maxEntries?: number;
  context?: JobContext;
}

/** ΔW of one pair of tensors, with its spectrum and ranks. */
export async function diffTensors(
  baseFiles: CheckpointFiles,
  base: CheckpointTensor,
  tunedFiles: CheckpointFiles,
  tuned: CheckpointTensor,
  options: DiffOptions = {},
): Promise<LayerDelta> {
  const { context, sketch } = options;
  const decoded = await decodeTensor(await baseFiles.open(base.data.file), base.data, {
    tensorName: base.name,
    layout: 'spectrum',
    maxEntries: options.maxEntries,
    context,
    ...(sketch
      ? {
          workspaceDoubles:
            base.rows * base.cols + quickPassWorkspaceDoubles(base.rows, base.cols, sketch),
        }
      : {}),
  });
  try {
    const baseNorm = frobeniusNorm(decoded.matrix);
    const delta = await decodeTensor(await tunedFiles.open(tuned.data.file), tuned.data, {
      tensorName: tuned.name,
      maxEntries: options.maxEntries,
      context,
      subtractFrom: decoded,
    });
    const shape = { rows: delta.rows, cols: delta.cols };
    const deltaNorm = frobeniusNorm(delta.matrix);
    let values: Float64Array;
    if (sketch) {
      const quick = quickPass(delta.matrix, sketch, tensorSeed(sketch.seed, base.name), context);
      values = Float64Array.from(quick.topSingularValues);
    } else {
      values = singularValues(delta.matrix, { context, overwrite: true });
    }
    const full = values.length === Math.min(shape.rows, shape.cols);
    const energy = (fraction: number) => {
      // Σσᵢ² up to r against fraction·‖ΔW‖_F² (exact, so a sketch's ranks are honest lower bounds).
      const total = deltaNorm * deltaNorm;
      // A layer that did not move needs no adapter at all.
      if (total === 0) return { rank: 0, atLeast: false };
      let kept = 0;
      for (let r = 0; r < values.length; r++) {
        kept += values[r] * values[r];
        if (kept >= fraction * total * (1 - 4 * Number.EPSILON))
          return { rank: r + 1, atLeast: false };
      }
      return { rank: values.length, atLeast: !full };
    };
    const lora = (fraction: number) => {
      const { rank, atLeast } = energy(fraction);
      return { rank, parameters: rank * (shape.rows + shape.cols), atLeast };
    };
    return {
      name: base.name,
      shape: base.data.shape,
      rows: shape.rows,
      cols: shape.cols,
      baseDtype: base.dtype,
      tunedDtype: tuned.dtype,
      singularValues: Array.from(values),
      spectrum: sketch ? 'sketch' : 'full',
      frobeniusNorm: deltaNorm,
      relativeChange: baseNorm === 0 ? (deltaNorm === 0 ? 0 : Infinity) : deltaNorm / baseNorm,
      ranks: {
        default: defaultRank(values, shape),
        gap: spectralGapRank(values, shape),
        noise: noiseEdgeRank(values, shape),
      },
      lora: { p90: lora(0.9), p95: lora(0.95), p99: lora(0.99) },
    };
  } finally {
    // Everything returned is copied out: the next layer, often of this shape, takes the memory
    // already faulted in (linalg/kernels/instance-pool.ts).
    workspaceOf(decoded.matrix.data)?.dispose();
  }
}
