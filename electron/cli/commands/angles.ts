// rankscope angles FILE_A FILE_B [--json]
import type { Command } from 'commander';
import { anglesReport } from '../../../core/jobs/rank-report';
import { printJson, printReport } from '../output';
import { readMatrixFile } from '../read-matrix';

export function registerAngles(program: Command): void {
  program
    .command('angles')
    .description('principal angles (radians) between the column spaces of two matrices')
    .argument('<fileA>', 'first matrix file')
    .argument('<fileB>', 'second matrix file')
    .option('--json', 'print JSON')
    .action((fileA: string, fileB: string, options: { json?: boolean }) => {
      const report = anglesReport(readMatrixFile(fileA).matrix, readMatrixFile(fileB).matrix);
      if (options.json) printJson(report);
      else
        printReport([['principal angles (rad)', Array.from(report.angles as ArrayLike<number>)]]);
    });
}
