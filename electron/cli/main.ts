// `rankscope`: the same core as the app, for scripting and for checking Rankscope against
// other tools. Each command prints JSON (--json) or a short human-readable report.
import { Command } from 'commander';
import { appVersion } from '../services/app-version';
import { isInputError } from './input-error';
import { registerRank } from './commands/rank';
import { registerRref } from './commands/rref';
import { registerSvd } from './commands/svd';
import { registerSubspaces } from './commands/subspaces';
import { registerAngles } from './commands/angles';
import { registerAnalyze } from './commands/analyze';
import { registerWorksheet } from './commands/worksheet';
import { registerMerge } from './checkpoints/merge';
import { registerDiff } from './checkpoints/diff';

export function buildProgram(): Command {
  const program = new Command('rankscope')
    .description('Matrix rank, exact row reduction, SVD and subspaces from the command line.')
    .version(appVersion)
    .showHelpAfterError()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  registerRank(program);
  registerRref(program);
  registerSvd(program);
  registerSubspaces(program);
  registerAngles(program);
  registerAnalyze(program);
  registerWorksheet(program);
  registerMerge(program);
  registerDiff(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().exitOverride().parseAsync(argv);
    return 0;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version') return 0;
    if (code?.startsWith('commander.')) return 2;
    const message = (error as Error).message ?? String(error);
    process.stderr.write(`rankscope: ${message.split('\n')[0]}\n`);
    return isInputError(error) ? 2 : 1;
  }
}
