// Test setup: runs a suite on the kernel tier the environment names, so every accuracy test holds
// on each. RANKSCOPE_TEST_KERNELS=relaxed uses the relaxed SIMD build (fused multiply-add; Node 20
// has it behind a V8 flag), =plain forces the plain build, =typescript turns WebAssembly off;
// RANKSCOPE_TEST_THREADS=N splits every large kernel call N ways (core/linalg/threads).
import { setFlagsFromString } from 'node:v8';
import { SequentialTeam } from '../threads/sequential-team';
import { setActiveTeam } from '../threads/thread-team';
import { relaxedSimdInUse, setRelaxedSimdWanted, setWasmKernelsEnabled } from './wasm-module';

const tier = process.env.RANKSCOPE_TEST_KERNELS;
if (tier === 'relaxed') {
  setFlagsFromString('--experimental-wasm-relaxed-simd');
  if (!relaxedSimdInUse())
    throw new Error('RANKSCOPE_TEST_KERNELS=relaxed: this engine has no relaxed SIMD');
} else if (tier === 'plain') {
  setRelaxedSimdWanted(false);
} else if (tier === 'typescript') {
  setWasmKernelsEnabled(false);
} else if (tier !== undefined && tier !== '') {
  throw new Error(`RANKSCOPE_TEST_KERNELS=${tier}: expected relaxed, plain or typescript`);
}

const threads = Number(process.env.RANKSCOPE_TEST_THREADS ?? 1);
if (!Number.isInteger(threads) || threads < 1) {
  throw new Error(`RANKSCOPE_TEST_THREADS=${process.env.RANKSCOPE_TEST_THREADS}: expected a count`);
}
if (threads > 1) setActiveTeam(new SequentialTeam(threads));
