// rankscope subspaces FILE [--json]
import type { Command } from 'commander';
import { subspacesReport } from '../../../core/jobs/rank-report';
import { printJson, printReport } from '../output';
import { readMatrixFile } from '../read-matrix';

export function registerSubspaces(program: Command): void {
  program
    .command('subspaces')
    .description('orthonormal bases and dimensions of the four fundamental subspaces')
    .argument('<file>', 'matrix file')
    .option('--tensor <name>', 'the tensor to read from a safetensors file')
    .option('--json', 'print JSON')
    .action((file: string, options: { json?: boolean; tensor?: string }) => {
      const loaded = readMatrixFile(file, { tensor: options.tensor });
      const report = subspacesReport(loaded.matrix);
      if (options.json) printJson(report);
      else
        printReport([
          ['rank', report.rank],
          ['column space', `dim ${report.column.dimension} in R^${loaded.rows}`],
          ['row space', `dim ${report.row.dimension} in R^${loaded.cols}`],
          ['null space', `dim ${report.null.dimension} in R^${loaded.cols}`],
          ['left null space', `dim ${report.leftNull.dimension} in R^${loaded.rows}`],
        ]);
    });
}
