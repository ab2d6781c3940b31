// rankscope read FILE [--to NOTATION] [--json]
import * as writers from '../../../core/formats/writers';
import { readMatrixArgument } from '../input';
import { Option, type Command } from 'commander';
import { textFormats, type TextFormat } from '../../../core/formats/text-formats';
import { printGrid, printJson, printTable } from '../output';
import { addExamples, addOutputOptions, outputFormat } from '../options';

const notations = [
  'csv',
  'tsv',
  'whitespace',
  'numpy',
  'python',
  'json',
  'matlab',
  'julia',
  'latex',
  'mathematica',
  'r',
] as const;
type Notation = (typeof notations)[number];

export function registerRead(program: Command): void {
  const command = program
    .command('read')
    .summary('print a matrix as it was read, or write it in another notation')
    .description(
      'Reads a matrix the way every command does and says which notation it was read as; with ' +
        '--to, writes it in another one (exact cells stay exact: 1/3 stays 1/3).',
    )
    .argument('<file>', 'a matrix file, or "-" for standard input')
    .addOption(
      new Option('--to <notation>', 'write the matrix in this notation').choices(notations),
    )
    .option('--tensor <name>', 'the tensor to read from a .safetensors file');
  addOutputOptions(command, ['json']);
  addExamples(command, [
    ["echo 'array([[1, 2], [3, 4]])' | rankscope read -", 'what notation, what matrix'],
    ['rankscope read matrix.csv --to latex', 'a bmatrix for the slides'],
    ['rankscope read weights.npy --to numpy', 'back into Python'],
  ]);
  command.action(
    async (file: string, options: { to?: Notation; tensor?: string; json?: boolean }) => {
      const format = outputFormat(options);
      const input = await readMatrixArgument(file, { tensor: options.tensor });
      const cells = input.cells();
      if (options.to) {
        const write: Record<Notation, (grid: string[][]) => string> = {
          csv: (grid) => writers.writeCsv(grid),
          tsv: (grid) => writers.writeCsv(grid, { delimiter: '\t' }),
          whitespace: writers.writeWhitespace,
          numpy: writers.writeNumpy,
          python: writers.writePython,
          json: writers.writeJson,
          matlab: (grid) => writers.writeMatlab(grid),
          julia: writers.writeJulia,
          latex: (grid) => writers.writeLatex(grid),
          mathematica: writers.writeMathematica,
          r: writers.writeR,
        };
        const text = write[options.to](cells);
        process.stdout.write(text.endsWith('\n') ? text : text + '\n');
        return;
      }
      if (format === 'json') {
        printJson({
          file: input.name,
          format: input.format,
          rows: input.rows,
          cols: input.cols,
          entries: input.entries,
          header: input.header,
          cells,
          values: Array.from({ length: input.rows }, (_, i) =>
            Array.from({ length: input.cols }, (_, j) => input.matrix.data[i + j * input.rows]),
          ),
        });
        return;
      }
      printTable([
        ['matrix', `${input.rows} × ${input.cols}`],
        ['read as', textFormats[input.format as TextFormat] ?? input.format],
        ['entries', input.entries],
        ...(input.header ? [['header', input.header.join(', ')] as [string, string]] : []),
      ]);
      printGrid(cells);
    },
  );
}
