// The WebAssembly SIMD tier of the dense kernels (AssemblyScript). Every array argument is a
// byte address in this module's memory, which the TypeScript side hands out (core/linalg/workspace.ts).
export { axpy, dot, rotate } from './vectors';
export { gemmPlain, gemmTransposeA, gemvPlain, gemvTranspose } from './products';
export { gemm } from './packed-products';
export { applyReflectorLeft, applyReflectorsLeft, updateThenReflectLeft } from './reflectors';
export { rotationSweep, rotationSweeps } from './rotations';
export { chaseBand, chaseBandTeam } from './band-chase';
export { luBlock } from './lu-block';
export { pivotedPanelStep } from './pivoted-panel';
