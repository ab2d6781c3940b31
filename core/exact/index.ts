// The exact core's public surface, for the job layer, the CLI and the row-reduction studio.
export * from './rational';
export * from './entry';
export * from './rref';
export * from './analysis';
export * from './factorizations';
export * from './system';
export * from './command';
export * from './manual';
export * from './latex';
export * from './exact-rank';
export { bareiss, bareissInteger, type BareissResult } from './bareiss';
export { multimodularRref, type MultimodularRref, type MultimodularOptions } from './multimodular';
export { rankModulo, randomPrimes, seededRandom, integerRows } from './modular';
