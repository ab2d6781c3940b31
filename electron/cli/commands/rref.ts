// rankscope rref FILE [--strategy textbook|partial] [--json | --csv | --latex]
//   [--beamer [--overlays] [--pdf] | --pptx | --handout] — the reduction as text, or as lecture
// material (rref-slides.ts, loaded only when slides are asked for).
import { Option, type Command } from 'commander';
import { rrefCliLatex } from '../../../core/jobs/rref-latex';
import { rrefCliReport } from '../../../core/jobs/rref-report';
import { entriesOf, readMatrixArgument } from '../input';
import { printCsv, printGrid, printJson, printTable } from '../output';
import { addExamples, addOutputOptions, outputFormat } from '../options';
import { slideOptions, type SlideOptions } from './slide-options';

export function registerRref(program: Command): void {
  const command = program
    .command('rref')
    .summary('exact reduced row echelon form, with every elementary operation')
    .description(
      'The reduced row echelon form over the rationals (floating point with partial pivoting ' +
        'if an entry is irrational), with each elementary row operation up to 30×30; or the ' +
        'reduction as Beamer slides, a PowerPoint deck or a printed handout.',
    )
    .argument('<file>', 'a matrix file, or "-" for standard input; cells may be fractions like 3/4')
    .addOption(
      new Option('--strategy <strategy>', 'textbook: first non-zero pivot; partial: largest')
        .choices(['textbook', 'partial'])
        .default('textbook'),
    );
  addOutputOptions(command, ['json', 'csv', 'latex']);
  for (const option of Object.values(slideOptions)) command.addOption(option);
  addExamples(command, [
    ['rankscope rref matrix.csv', 'the steps and the RREF'],
    ['rankscope rref matrix.csv --latex > steps.tex', 'the trace as an align* chain'],
    ["echo '[1 2; 3 4]' | rankscope rref - --csv", 'the RREF as CSV (exact fractions)'],
    ['rankscope rref m.csv --beamer --pdf --out m.pdf', 'Beamer slides, one frame a step'],
    ['rankscope rref m.csv --pptx --out m.pptx', 'a PowerPoint deck'],
    ['rankscope rref Ab.csv --augmented --handout --out h.pdf', 'solve Ax = b on paper'],
  ]);
  command.action(
    async (
      file: string,
      options: {
        strategy: 'textbook' | 'partial';
        json?: boolean;
        csv?: boolean;
        latex?: boolean;
      } & SlideOptions,
    ) => {
      const format = outputFormat(options);
      const input = await readMatrixArgument(file);
      if (options.beamer || options.pptx || options.handout) {
        const { writeSlides } = await import('./rref-slides');
        await writeSlides(file === '-' ? 'matrix' : file, input.cells(), options);
        return;
      }
      const entries = await entriesOf(input);
      if (format === 'latex') {
        const latex = rrefCliLatex(entries, {
          strategy: options.strategy,
          augmented: options.augmented,
        });
        process.stdout.write(latex + '\n');
        return;
      }
      const report = rrefCliReport(entries, { strategy: options.strategy });
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
