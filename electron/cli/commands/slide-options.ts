// The options `rankscope rref` gains for slides and handouts (rref-slides.ts writes them), apart
// from their writer so that registering them loads no lecture code.
import { Option } from 'commander';
import type { Strategy } from '../../../core/exact/rref';

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

export const slideOptions = {
  beamer: new Option('--beamer', 'the reduction as Beamer slides (LaTeX), one frame per step'),
  overlays: new Option('--overlays', 'with --beamer: one frame that steps through overlays'),
  pdf: new Option('--pdf', 'with --beamer: compile with pdflatex and write the PDF to --out'),
  pptx: new Option('--pptx', 'the reduction as a PowerPoint deck, written to --out'),
  handout: new Option('--handout', 'every step with its reason on A4/Letter pages (PDF), to --out'),
  paper: new Option('--paper <size>', 'handout paper').choices(['a4', 'letter']).default('a4'),
  augmented: new Option(
    '--augmented',
    'the last column is b: reduce [A | b] and solve Ax = b (slides, --latex)',
  ),
  title: new Option('--title <text>', 'title of the slides (default: the file name)'),
  out: new Option('--out <file>', 'write to this file'),
};
