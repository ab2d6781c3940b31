// The active dense kernel set (see dense-kernels.ts for the interface): the WebAssembly SIMD tier
// where it runs, split over a thread team when the job has one, over the portable TypeScript loops.
import type { DenseKernels } from './dense-kernels';
import { createThreadedKernels } from './threaded-kernels';
import { typescriptKernels } from './typescript-kernels';
import { createWasmKernels } from './wasm-kernels';

export type { DenseKernels } from './dense-kernels';

/**
 * The active kernel set: the WebAssembly SIMD tier for arrays in a workspace memory (over the
 * team's threads for large calls on a shared one), the TypeScript loops for everything else
 * (and everywhere when WebAssembly is unavailable).
 */
export const kernels: DenseKernels = createThreadedKernels(createWasmKernels(typescriptKernels));
