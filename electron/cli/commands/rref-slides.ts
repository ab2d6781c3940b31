// rankscope rref FILE --beamer [--overlays] [--pdf] | --pptx | --handout [--paper a4|letter]
//   [--augmented] [--title TEXT] [--out FILE]: the reduction as lecture material, from the same
// lesson model the app exports (core/lecture).
import path from 'node:path';
import { Option } from 'commander';
import type { Strategy } from '../../../core/exact/rref';
import { reductionBeamer } from '../../../core/lecture/reduction-beamer';
import {
  LessonError,
  reductionLesson,
  type ReductionLesson,
} from '../../../core/lecture/reduction-lesson';
import { CliInputError } from '../input-error';
import { compileLatex } from '../latex-pdf';
import { writeOutput } from '../write-output';

export interface SlideOptions {
  strategy: Strategy;
  beamer?: boolean;
  overlays?: boolean;
  pptx?: boolean;
  handout?: boolean;
  pdf?: boolean;
  augmented?: boolean;
  title?: string;
  out?: string;
  paper: 'a4' | 'letter';
}

/** The options `rref` gains for slides and handouts. */
export const slideOptions = {
  beamer: new Option('--beamer', 'the reduction as Beamer slides (LaTeX), one frame per step'),
  overlays: new Option('--overlays', 'with --beamer: one frame that steps through overlays'),
  pdf: new Option('--pdf', 'with --beamer: compile with pdflatex and write the PDF to --out'),
  pptx: new Option('--pptx', 'the reduction as a PowerPoint deck, written to --out'),
  handout: new Option('--handout', 'every step with its reason on A4/Letter pages (PDF), to --out'),
  paper: new Option('--paper <size>', 'handout paper').choices(['a4', 'letter']).default('a4'),
  augmented: new Option('--augmented', 'the last column is b: reduce [A | b] and solve Ax = b'),
  title: new Option('--title <text>', 'title of the slides (default: the file name)'),
  out: new Option('--out <file>', 'write to this file'),
};

function lessonOf(file: string, cells: string[][], options: SlideOptions): ReductionLesson {
  try {
    return reductionLesson(cells, {
      title: options.title ?? path.basename(file).replace(/\.[^.]*$/, ''),
      strategy: options.strategy,
      augmented: options.augmented,
    });
  } catch (error) {
    if (error instanceof LessonError) throw new CliInputError(`${file}: ${error.message}`);
    throw error;
  }
}

function requireOut(options: SlideOptions, what: string): string {
  if (!options.out) throw new CliInputError(`${what} writes a file: give it with --out`);
  return options.out;
}

/** Writes the slides or handout asked for; false when none was asked (rref prints as before). */
export async function writeSlides(
  file: string,
  cells: string[][],
  options: SlideOptions,
): Promise<boolean> {
  const formats = [options.beamer, options.pptx, options.handout].filter(Boolean).length;
  if (formats === 0) return false;
  if (formats > 1) throw new CliInputError('choose one of --beamer, --pptx and --handout');
  const lesson = lessonOf(file, cells, options);
  // pptxgenjs and jsPDF load only when asked for: every other command starts without them.
  if (options.pptx) {
    const { reductionPptx } = await import('../../../core/lecture/reduction-pptx');
    writeOutput(requireOut(options, '--pptx'), await reductionPptx(lesson));
  } else if (options.handout) {
    const { reductionHandoutPdf } = await import('../../../core/lecture/reduction-handout');
    writeOutput(
      requireOut(options, '--handout'),
      reductionHandoutPdf(lesson, { paper: options.paper }),
    );
  } else {
    const tex = reductionBeamer(lesson, { mode: options.overlays ? 'overlays' : 'frames' });
    if (options.pdf) writeOutput(requireOut(options, '--pdf'), compileLatex(tex));
    else writeOutput(options.out, tex);
  }
  return true;
}
