// rankscope svd FILE [--values] [--tensor NAME] [--json | --csv]
import { svdReport } from '../../../core/jobs/rank-report';
import { singularValues } from '../../../core/linalg/svd';
import { readMatrixArgument } from '../input';
import type { Command } from 'commander';
import { CliInputError } from '../input-error';
import { formatValue, printCsv, printGrid, printJson, printTable } from '../output';
import { addExamples, addOutputOptions, outputFormat } from '../options';

export function registerSvd(program: Command): void {
  const command = program
    .command('svd')
    .summary('singular values (and vectors) of a matrix')
    .description(
      'The singular value decomposition A = U·diag(σ)·Vᵀ (thin), singular values descending.',
    )
    .argument('<file>', 'a matrix file, or "-" for standard input')
    .option('--values', 'singular values only (several times faster)')
    .option('--tensor <name>', 'the tensor to read from a .safetensors file');
  addOutputOptions(command, ['json', 'csv']);
  addExamples(command, [
    ['rankscope svd matrix.csv --values', 'σ₁ ≥ σ₂ ≥ … one per line'],
    ['rankscope svd weights.npy --values --csv > spectrum.csv', 'for a plot elsewhere'],
    ['rankscope svd matrix.csv --json', 'U, σ and V as JSON'],
  ]);
  command.action(
    async (
      file: string,
      options: { values?: boolean; tensor?: string; json?: boolean; csv?: boolean },
    ) => {
      const format = outputFormat(options);
      if (format === 'csv' && !options.values)
        throw new CliInputError('CSV holds one table: add --values, or use --json for U and V');
      const input = await readMatrixArgument(file, { tensor: options.tensor });
      // Values only: any matrix with A's singular values will do (the one read without a copy).
      const report = options.values
        ? {
            rows: input.rows,
            cols: input.cols,
            singularValues: Array.from(singularValues(input.spectrum)),
          }
        : svdReport(input.matrix, { vectors: true });
      const values = report.singularValues;
      if (format === 'json') printJson({ file: input.name, format: input.format, ...report });
      else if (format === 'csv')
        printCsv(
          ['index', 'singular_value'],
          values.map((value, i) => [i + 1, value]),
        );
      else {
        printTable([['matrix', `${input.rows} × ${input.cols}`]]);
        process.stdout.write('singular values\n');
        printGrid(values.map((value, i) => [`σ${i + 1}`, formatValue(value)]));
        if (!options.values) process.stdout.write('(U and V with --json)\n');
      }
    },
  );
}
