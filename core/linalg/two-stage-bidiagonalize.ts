// Two-stage reduction of an m×n matrix (m ≥ n) to upper bidiagonal form for its singular values:
// dense → band of width b with blocked QR/LQ panels (band-reduction.ts, matrix–matrix products),
// then band → bidiagonal by bulge chasing (kernels/band-chase.ts, small reflectors in cache).
// Cost: 4·m·n² − 4·n³/3 flops at gemm speed plus 8·b·n² in the chase.
import type { JobContext } from '../job-context';
import {
  bandReductionScratchDoubles,
  bandStorage,
  bandStorageDoubles,
  reduceToBand,
} from './band-reduction';
import { chaseWorkDoubles } from './kernels/band-chase';
import { kernels } from './kernels/kernels';
import type { Matrix } from './matrix';
import { teamSize } from './threads/thread-team';
import { plainWorkspace, workspaceOf } from './workspace';

/**
 * The band width, chosen by measurement (core/bench/linalg.ts, 2-core EPYC): wider bands make
 * stage 1's products faster and stage 2's chase slower (its cost grows with b).
 */
export function bandwidthFor(n: number): number {
  if (chosenBandwidth !== undefined) return chosenBandwidth;
  return n >= 2048 ? 48 : 32;
}

let chosenBandwidth: number | undefined;

/** Fixes the band width (the benchmark measures several); undefined restores the choice above. */
export function setBandwidth(bandwidth: number | undefined): void {
  chosenBandwidth = bandwidth;
}

/** Below this many columns the one-stage reduction is as fast and simpler. */
export const twoStageCrossover = 96;

/** Doubles the two-stage reduction takes from the workspace beside the m×n matrix. */
export function twoStageScratchDoubles(m: number, n: number): number {
  const b = bandwidthFor(n);
  return bandReductionScratchDoubles(m, n, b) + bandStorageDoubles(n, b, teamSize());
}

/** Sweeps chased between looks at the cancellation flag (a pipelined team drains at each). */
const sweepsPerCall = 256;

/**
 * The bidiagonal form of `work` (m×n, m ≥ n, destroyed) for its singular values. Progress runs
 * from `from` to `to` of the job's.
 */
export function twoStageBidiagonal(
  work: Matrix,
  context?: JobContext,
  from = 0,
  to = 0.9,
): { diagonal: Float64Array; superdiagonal: Float64Array } {
  const n = work.cols;
  const b = bandwidthFor(n);
  const space = workspaceOf(work.data) ?? plainWorkspace;
  const stageOne = 0.85;
  const scaled: JobContext | undefined = context && {
    progress: (fraction, message) => context.progress(from + (to - from) * fraction, message),
    checkCancelled: () => context.checkCancelled(),
  };
  const reduction = reduceToBand(work, b, scaled, stageOne);
  const { band, ld } = bandStorage(reduction, space);
  const chaseWork = space.vector(chaseWorkDoubles(b, teamSize()));
  for (let sweep = 0; sweep < n - 1; sweep += sweepsPerCall) {
    scaled?.checkCancelled();
    const done = 1 - ((n - sweep) / n) ** 2;
    scaled?.progress(stageOne + (1 - stageOne) * done, 'chasing the band');
    kernels.chaseBand(band, n, b, ld, sweep, Math.min(n - 1, sweep + sweepsPerCall), chaseWork);
  }
  const up = 2 * b - 1;
  const diagonal = new Float64Array(n);
  const superdiagonal = new Float64Array(Math.max(n - 1, 0));
  for (let i = 0; i < n; i++) diagonal[i] = band[i * ld + up];
  for (let i = 0; i + 1 < n; i++) superdiagonal[i] = band[(i + 1) * ld + up - 1];
  return { diagonal, superdiagonal };
}
