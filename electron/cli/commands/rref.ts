// rankscope rref FILE [--strategy textbook|partial] [--json | --csv | --latex]
import * as reports from '../../../core/jobs/rref-result';
import { entriesOf, readMatrixArgument } from '../input';
import { Option, type Command } from 'commander';
import { printCsv, printGrid, printJson, printTable } from '../output';
import { addExamples, addOutputOptions, outputFormat } from '../options';

export function registerRref(program: Command): void {
  const command = program
    .command('rref')
    .summary('exact reduced row echelon form, with every elementary operation')
    .description(
      'The reduced row echelon form over the rationals (floating point with partial pivoting ' +
        'if an entry is irrational), with each elementary row operation up to 30×30.',
    )
    .argument('<file>', 'a matrix file, or "-" for standard input; cells may be fractions like 3/4')
    .addOption(
      new Option('--strategy <strategy>', 'textbook: first non-zero pivot; partial: largest')
        .choices(['textbook', 'partial'])
        .default('textbook'),
    );
  addOutputOptions(command, ['json', 'csv', 'latex']);
  addExamples(command, [
    ['rankscope rref matrix.csv', 'the steps and the RREF'],
    ['rankscope rref matrix.csv --latex > steps.tex', 'the trace as an align* chain'],
    ["echo '[1 2; 3 4]' | rankscope rref - --csv", 'the RREF as CSV (exact fractions)'],
  ]);
  command.action(
    async (
      file: string,
      options: { strategy: 'textbook' | 'partial'; json?: boolean; csv?: boolean; latex?: boolean },
    ) => {
      const format = outputFormat(options);
      const input = await readMatrixArgument(file);
      const entries = await entriesOf(input);
      if (format === 'latex') {
        process.stdout.write(reports.rrefCliLatex(entries, { strategy: options.strategy }) + '\n');
        return;
      }
      const report = reports.rrefCliReport(entries, { strategy: options.strategy });
      if (format === 'json') {
        printJson({ file: input.name, format: input.format, ...report });
        return;
      }
      if (format === 'csv') {
        printCsv(report.rref[0]?.map((_, j) => `c${j + 1}`) ?? [], report.rref);
        return;
      }
      printTable(
        [
          ['matrix', `${report.rows} × ${report.cols}`],
          ['rank', report.rank],
          ['pivot columns', report.pivots.map((pivot: number) => pivot + 1).join(', ') || 'none'],
          [
            'arithmetic',
            report.exact ? 'exact (rationals)' : `floating point, tolerance ${report.tolerance}`,
          ],
        ],
        { emphasis: ['rank'] },
      );
      if (report.steps.length > 0) {
        process.stdout.write('steps\n');
        report.steps.forEach((step, index) =>
          process.stdout.write(`  ${String(index + 1).padStart(3)}. ${step.notation}\n`),
        );
      } else if (report.traceOmittedReason)
        process.stdout.write(`steps: not recorded (${report.traceOmittedReason})\n`);
      process.stdout.write('reduced row echelon form\n');
      printGrid(report.rref);
    },
  );
}
