// Every rankscope command, in the order `rankscope help` lists them. A command is one file in
// this folder that registers itself on the program (and loads what it needs only when it runs);
// adding one is that file plus one line here.
import type { Command } from 'commander';
import { registerDiff } from '../checkpoints/diff';
import { registerMerge } from '../checkpoints/merge';
import { registerAnalyze } from './analyze';
import { registerAngles } from './angles';
import { registerOpen } from './open';
import { registerRank } from './rank';
import { registerRead } from './read';
import { registerRref } from './rref';
import { registerServe } from './serve';
import { registerSubspaces } from './subspaces';
import { registerSvd } from './svd';
import { registerWorksheet } from './worksheet';

export const commands: ((program: Command) => void)[] = [
  registerRank,
  registerRref,
  registerSvd,
  registerSubspaces,
  registerAngles,
  registerRead,
  registerAnalyze,
  registerMerge,
  registerDiff,
  registerWorksheet,
  registerOpen,
  registerServe,
];
