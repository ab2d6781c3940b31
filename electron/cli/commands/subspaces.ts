// rankscope subspaces FILE [--tensor NAME] [--json]
import { subspacesReport } from '../../../core/jobs/rank-report';
import { readMatrixArgument } from '../input';
import type { Command } from 'commander';
import { printJson, printTable } from '../output';
import { addExamples, addOutputOptions, outputFormat } from '../options';

export function registerSubspaces(program: Command): void {
  const command = program
    .command('subspaces')
    .summary('orthonormal bases and dimensions of the four fundamental subspaces')
    .description(
      'Column space, row space, null space and left null space at the numpy/MATLAB default rank, ' +
        'each with an orthonormal basis (in the JSON).',
    )
    .argument('<file>', 'a matrix file, or "-" for standard input')
    .option('--tensor <name>', 'the tensor to read from a .safetensors file');
  addOutputOptions(command, ['json']);
  addExamples(command, [
    ['rankscope subspaces matrix.csv', 'the four dimensions'],
    ['rankscope subspaces matrix.csv --json', 'with orthonormal bases'],
  ]);
  command.action(async (file: string, options: { tensor?: string; json?: boolean }) => {
    const format = outputFormat(options);
    const input = await readMatrixArgument(file, { tensor: options.tensor });
    const report = subspacesReport(input.matrix);
    if (format === 'json') {
      printJson({ file: input.name, format: input.format, ...report });
      return;
    }
    printTable(
      [
        ['rank', report.rank],
        ['tolerance', report.tolerance],
        ['column space', `dimension ${report.column.dimension} in ℝ^${input.rows}`],
        ['row space', `dimension ${report.row.dimension} in ℝ^${input.cols}`],
        ['null space', `dimension ${report.null.dimension} in ℝ^${input.cols}`],
        ['left null space', `dimension ${report.leftNull.dimension} in ℝ^${input.rows}`],
      ],
      { emphasis: ['rank'] },
    );
  });
}
