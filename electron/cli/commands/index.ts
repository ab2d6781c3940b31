// Every rankscope command, in the order `rankscope help` lists them. A command is one file in
// this folder that registers itself on the program (and loads what it needs only when it runs);
// adding one is that file plus one line here. Each is imported only when it is wanted: a run of
// `rankscope rank` loads the rank command and nothing of the others (electron/cli/main.ts).
import type { Command } from 'commander';

/** Adds a command, with its options, help and action, to the program. */
export type Registration = (program: Command) => void;

export interface CommandEntry {
  name: string;
  /** Imports the command's file; resolves to its registration. */
  load(): Promise<Registration>;
}

export const commands: readonly CommandEntry[] = [
  { name: 'rank', load: async () => (await import('./rank')).registerRank },
  { name: 'rref', load: async () => (await import('./rref')).registerRref },
  { name: 'svd', load: async () => (await import('./svd')).registerSvd },
  { name: 'subspaces', load: async () => (await import('./subspaces')).registerSubspaces },
  { name: 'angles', load: async () => (await import('./angles')).registerAngles },
  { name: 'read', load: async () => (await import('./read')).registerRead },
  { name: 'analyze', load: async () => (await import('./analyze')).registerAnalyze },
  { name: 'merge', load: async () => (await import('../checkpoints/merge')).registerMerge },
  { name: 'diff', load: async () => (await import('../checkpoints/diff')).registerDiff },
  { name: 'worksheet', load: async () => (await import('./worksheet')).registerWorksheet },
  { name: 'open', load: async () => (await import('./open')).registerOpen },
  { name: 'serve', load: async () => (await import('./serve')).registerServe },
];
