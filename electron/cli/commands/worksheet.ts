// rankscope worksheet --shape 3x4 --rank 2 [--count 10] [--seed 7] [--pivots 1,3] [--entries 9]
//   [--fractions [bound]] [--system none|unique|free|inconsistent] [--answers]
//   [--latex | --pdf --out FILE | --json] [--title TEXT] [--paper a4|letter]
import { Option, type Command } from 'commander';
import { generateWorksheet } from '../../../core/lecture/worksheet-generator';
import { answerKeyLatex, worksheetLatex } from '../../../core/lecture/worksheet-latex';
import { worksheetMatrices } from '../../../core/lecture/worksheet-matrices';
import {
  WorksheetError,
  systemKinds,
  type WorksheetRequest,
} from '../../../core/lecture/worksheet-options';
import { CliInputError } from '../input-error';
import { compileLatex } from '../latex-pdf';
import { writeOutput } from '../write-output';

interface WorksheetCliOptions {
  shape: string;
  rank: string;
  count: string;
  seed: string;
  pivots?: string;
  entries: string;
  fractions?: string | true;
  system: (typeof systemKinds)[number];
  answers?: boolean;
  latex?: boolean;
  pdf?: boolean;
  json?: boolean;
  out?: string;
  title?: string;
  paper: 'a4' | 'letter';
}

function wholeNumber(text: string, option: string): number {
  if (!/^\d+$/.test(text.trim()))
    throw new CliInputError(`${option}: "${text}" is not a whole number`);
  return Number(text);
}

/** "3x4" or "3×4" → [3, 4]. */
export function parseShape(text: string): [number, number] {
  const match = /^\s*(\d+)\s*[x×X]\s*(\d+)\s*$/.exec(text);
  if (!match) throw new CliInputError(`--shape: "${text}" is not rows x columns, like 3x4`);
  return [Number(match[1]), Number(match[2])];
}

/** The CLI's options as a worksheet request (pivot columns 1-based on the command line). */
export function worksheetRequest(options: WorksheetCliOptions): WorksheetRequest {
  const [rows, cols] = parseShape(options.shape);
  const request: WorksheetRequest = {
    rows,
    cols,
    rank: wholeNumber(options.rank, '--rank'),
    count: wholeNumber(options.count, '--count'),
    seed: wholeNumber(options.seed, '--seed'),
    entryBound: wholeNumber(options.entries, '--entries'),
    system: options.system,
  };
  if (options.pivots !== undefined) {
    request.pivotColumns = options.pivots
      .split(',')
      .map((part) => wholeNumber(part, '--pivots') - 1);
    if (request.pivotColumns.some((column) => column < 0))
      throw new CliInputError('--pivots: columns are numbered from 1');
  }
  if (options.fractions !== undefined) {
    request.answers = 'fractions';
    if (options.fractions !== true)
      request.denominatorBound = wholeNumber(options.fractions, '--fractions');
  }
  return request;
}

export function registerWorksheet(program: Command): void {
  program
    .command('worksheet')
    .description('exercises with the rank and pivots asked for, nice answers, and an answer key')
    .requiredOption('--shape <rows>x<cols>', 'size of each matrix A, like 3x4')
    .requiredOption('--rank <r>', 'rank of each matrix')
    .option('--count <n>', 'exercises on the sheet', '10')
    .option('--seed <s>', 'the same seed gives the same sheet', '1')
    .option('--pivots <columns>', 'pivot columns, like 1,3 (random when absent)')
    .option('--entries <bound>', 'every entry of A and b within ±bound', '9')
    .option('--fractions [bound]', 'answers may be fractions with denominators up to bound (4)')
    .addOption(
      new Option('--system <kind>', 'add b: [A | b] with one solution, free variables, or none')
        .choices([...systemKinds])
        .default('none'),
    )
    .option('--answers', 'the answer key instead of the sheet')
    .option('--latex', 'print LaTeX (the default)')
    .option('--pdf', 'compile with pdflatex and write the PDF to --out')
    .option('--json', 'print the exercises, their answers and project matrices as JSON')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--title <text>', 'heading of the sheet', 'Row reduction')
    .addOption(new Option('--paper <size>', 'paper size').choices(['a4', 'letter']).default('a4'))
    .action((options: WorksheetCliOptions) => {
      let sheet;
      try {
        sheet = generateWorksheet(worksheetRequest(options));
      } catch (error) {
        if (error instanceof WorksheetError) throw new CliInputError(error.message);
        throw error;
      }
      if (options.json) {
        const report = {
          options: sheet.options,
          exercises: sheet.exercises.map((exercise) => ({
            number: exercise.number,
            matrix: exercise.matrix.map((row) => row.map(String)),
            rightHandSide: exercise.rightHandSide?.map(String),
            rref: exercise.analysis.rref.map((row) => row.map(String)),
            rank: exercise.analysis.rank,
            pivots: exercise.analysis.pivots,
            nullspace: exercise.analysis.nullspace.map((row) => row.map(String)),
            system: exercise.system?.kind,
          })),
          matrices: worksheetMatrices(sheet),
        };
        writeOutput(options.out, JSON.stringify(report, null, 2) + '\n');
        return;
      }
      const latexOptions = { title: options.title, paper: options.paper };
      const tex = options.answers
        ? answerKeyLatex(sheet, latexOptions)
        : worksheetLatex(sheet, latexOptions);
      if (options.pdf) {
        if (!options.out)
          throw new CliInputError('--pdf writes a file: give it with --out FILE.pdf');
        writeOutput(options.out, compileLatex(tex));
        return;
      }
      writeOutput(options.out, tex);
    });
}
