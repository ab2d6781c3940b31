import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/src/**/*.test.{ts,tsx}'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The kernel tier under test (RANKSCOPE_TEST_KERNELS, RANKSCOPE_TEST_THREADS; default: as shipped).
    setupFiles: ['core/linalg/kernels/kernel-tier.setup.ts'],
  },
});
