// The active dense kernel set (see dense-kernels.ts for the interface): the WebAssembly SIMD tier
// where it runs, over the portable TypeScript loops.
import type { DenseKernels } from './dense-kernels';
import { typescriptKernels } from './typescript-kernels';
import { createWasmKernels } from './wasm-kernels';

export type { DenseKernels } from './dense-kernels';

/**
 * The active kernel set: the WebAssembly SIMD tier for arrays in a workspace memory, the
 * TypeScript loops for everything else (and everywhere when WebAssembly is unavailable).
 */
export let kernels: DenseKernels = createWasmKernels(typescriptKernels);

export function useKernels(next: DenseKernels): void {
  kernels = next;
}
