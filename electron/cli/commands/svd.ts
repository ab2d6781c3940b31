// rankscope svd FILE [--values] [--json]
import type { Command } from 'commander';
import { svdReport } from '../../../core/jobs/rank-report';
import { printJson, printReport } from '../output';
import { readMatrixFile } from '../read-matrix';

export function registerSvd(program: Command): void {
  program
    .command('svd')
    .description('singular values (and vectors) of a matrix')
    .argument('<file>', 'matrix file')
    .option('--values', 'singular values only')
    .option('--tensor <name>', 'the tensor to read from a safetensors file')
    .option('--json', 'print JSON')
    .action((file: string, options: { values?: boolean; json?: boolean; tensor?: string }) => {
      const loaded = readMatrixFile(file, { tensor: options.tensor });
      const report = svdReport(loaded.matrix, { vectors: !options.values });
      if (options.json) printJson(report);
      else
        printReport([['singular values', Array.from(report.singularValues as ArrayLike<number>)]]);
    });
}
