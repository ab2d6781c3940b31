// rankscope rref FILE [--strategy textbook|partial] [--json] [--latex]
import { Option, type Command } from 'commander';
import { rrefCliLatex } from '../../../core/jobs/rref-latex';
import { rrefCliReport } from '../../../core/jobs/rref-report';
import { CliInputError } from '../input-error';
import { printJson } from '../output';
import { readMatrixFile } from '../read-matrix';
import { slideOptions, writeSlides, type SlideOptions } from './rref-slides';

export function registerRref(program: Command): void {
  program
    .command('rref')
    .description('exact reduced row echelon form with every elementary operation')
    .argument(
      '<file>',
      'CSV, TSV or whitespace text; cells may be integers, decimals or fractions like 3/4',
    )
    .addOption(
      new Option('--strategy <strategy>', 'pivot choice')
        .choices(['textbook', 'partial'])
        .default('textbook'),
    )
    .option('--json', 'print JSON')
    .option('--latex', 'print the trace as LaTeX')
    .addOption(slideOptions.beamer)
    .addOption(slideOptions.overlays)
    .addOption(slideOptions.pdf)
    .addOption(slideOptions.pptx)
    .addOption(slideOptions.handout)
    .addOption(slideOptions.paper)
    .addOption(slideOptions.augmented)
    .addOption(slideOptions.title)
    .addOption(slideOptions.out)
    .action(
      async (
        file: string,
        options: {
          strategy: 'textbook' | 'partial';
          json?: boolean;
          latex?: boolean;
        } & SlideOptions,
      ) => {
        const loaded = readMatrixFile(file);
        if (!loaded.cells)
          throw new CliInputError(`${file}: rref reads text matrix files (CSV, TSV, whitespace)`);
        if (await writeSlides(file, loaded.cells, options)) return;
        if (options.latex) {
          process.stdout.write(rrefCliLatex(loaded.cells, { strategy: options.strategy }) + '\n');
          return;
        }
        const report = rrefCliReport(loaded.cells, { strategy: options.strategy });
        if (options.json) {
          printJson(report);
          return;
        }
        process.stdout.write(
          `rank ${report.rank}, pivots in columns ${report.pivots.map((pivot: number) => pivot + 1).join(', ') || 'none'}\n`,
        );
        for (const row of report.rref)
          process.stdout.write(row.map((cell: string) => cell.padStart(6)).join(' ') + '\n');
      },
    );
}
