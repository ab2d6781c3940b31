// A row reduction as Beamer slides: a title frame with A, one frame per elementary operation (or
// one frame whose overlays \only<k> step through them, so the matrix stays in place), and result
// frames with the RREF, rank, pivots, the bases of the four subspaces and, for [A | b], the
// solution set. Needs only what Debian's texlive-latex-recommended and texlive-pictures ship
// (beamer, pgf, colortbl, amsmath, amssymb). Cost linear in the trace.
import {
  columnNumbersLatex,
  lectureLatexDefinitions,
  markedMatrixLatex,
  operationExpressionLatex,
  operationLatex,
  operationWordsLatex,
  solutionSetLatex,
  subspaceLines,
  subspacesAlignedLatex,
  textLatex,
} from './lesson-latex';
import {
  type LessonStep,
  type ReductionLesson,
  arithmeticDescription,
  shapeText,
} from './reduction-lesson';

export interface BeamerOptions {
  /** 'frames': one frame per step; 'overlays': one frame, one overlay per step. */
  mode?: 'frames' | 'overlays';
  /** 16:9 (default) or 4:3. */
  aspectRatio?: '16:9' | '4:3';
  /** Shown under the title ("Linear Algebra, week 3"). */
  author?: string;
}

/**
 * A display enlarged by half for the back of the hall, or shrunk to the text width when that is
 * too wide (graphicx's \width is the natural width).
 */
function fitWidth(math: string, enlarge = 1.5): string {
  const wanted = `${enlarge}\\width`;
  return `\\resizebox{\\ifdim${wanted}>\\linewidth\\linewidth\\else${wanted}\\fi}{!}{$\\displaystyle ${math}$}`;
}

function stepDisplay(lesson: ReductionLesson, step: LessonStep): string {
  const augmentedColumns = lesson.augmentedColumns;
  const before = markedMatrixLatex(step.before, {
    augmentedColumns,
    pivot: step.pivot,
    readRows: step.readRows,
    writtenRows: step.writtenRows,
  });
  const annotations = new Map<number, string>();
  for (const row of step.writtenRows)
    annotations.set(row, `\\;{\\color{rankscopeMuted}\\leftarrow ${writtenLabel(step, row)}}`);
  const after = markedMatrixLatex(step.after, {
    augmentedColumns,
    pivot: step.pivot,
    writtenRows: step.writtenRows,
    annotations,
  });
  return fitWidth(`${before} \\xrightarrow{${operationLatex(step, lesson.notation)}} ${after}`);
}

/**
 * What a written row now holds, as on the board: "R_3 - 2R_1", "\frac{1}{2}R_2", "old R_1". The
 * arrow before it points at the row in either notation; it is a margin pointer, not the operation.
 */
function writtenLabel(step: LessonStep, row: number): string {
  if (step.kind === 'swap') {
    const other = step.rows[0] === row ? step.rows[1] : step.rows[0];
    return `\\text{old } R_{${other + 1}}`;
  }
  return operationExpressionLatex(step);
}

function stepBody(lesson: ReductionLesson, step: LessonStep): string {
  return [
    '\\begin{center}',
    stepDisplay(lesson, step),
    '\\end{center}',
    '\\medskip',
    `\\textbf{Operation:} $${operationLatex(step, lesson.notation)}$: ${operationWordsLatex(step)}.\\\\[0.5ex]`,
    `\\textbf{Why:} ${textLatex(step.reason)}.\\\\[0.5ex]`,
    `{\\small\\color{rankscopeMuted} Pivot in row ${step.pivot.row + 1}, column ${step.pivot.col + 1} (boxed); ` +
      `${legend(step)}.}`,
  ].join('\n');
}

function legend(step: LessonStep): string {
  const parts = [
    `\\colorbox{rankscopeWritten}{row${step.writtenRows.length > 1 ? 's' : ''} written}`,
  ];
  if (step.readRows.length > 0) parts.push('\\colorbox{rankscopeRead}{row read}');
  return parts.join(', ');
}

function stepTitle(step: LessonStep, total: number): string {
  const phase = step.phase === 'forward' ? 'elimination' : 'back substitution';
  return `Step ${step.number} of ${total} \\quad{\\small\\color{rankscopeMuted}(${phase})}`;
}

function frame(title: string, body: string): string {
  return [`\\begin{frame}{${title}}`, body, '\\end{frame}'].join('\n');
}

function titleFrame(lesson: ReductionLesson): string {
  return [
    '\\begin{frame}',
    '\\titlepage',
    '\\begin{center}',
    fitWidth(
      `${lesson.augmentedColumns > 0 ? '[A \\mid b]' : 'A'} = ${markedMatrixLatex(lesson.start, {
        augmentedColumns: lesson.augmentedColumns,
      })}`,
    ),
    '\\end{center}',
    '\\end{frame}',
  ].join('\n');
}

function subspaceFrames(lesson: ReductionLesson): string[] {
  const columns = lesson.cols - lesson.augmentedColumns;
  const lines = subspaceLines(lesson.result, lesson.rows, columns);
  const note =
    '{\\footnotesize\\color{rankscopeMuted} Bases read off the reduction: the non-zero rows of $R$, ' +
    'the special solutions (one per free column), the pivot columns of $A$, and the last $m - r$ rows ' +
    'of $E$, where $EA = R$.}';
  return [
    frame(
      `In $\\mathbb{R}^{${columns}}$: row space and null space`,
      [
        '\\begin{center}',
        fitWidth(subspacesAlignedLatex(lines.slice(0, 2)), 1),
        '\\end{center}',
        note,
      ].join('\n'),
    ),
    frame(
      `In $\\mathbb{R}^{${lesson.rows}}$: column space and left null space`,
      [
        '\\begin{center}',
        fitWidth(subspacesAlignedLatex(lines.slice(2)), 1),
        '\\end{center}',
        note,
      ].join('\n'),
    ),
  ];
}

function resultFrames(lesson: ReductionLesson): string[] {
  const { result } = lesson;
  const columns = lesson.cols - lesson.augmentedColumns;
  const reduced = markedMatrixLatex(result.rref, { augmentedColumns: lesson.augmentedColumns });
  const name =
    lesson.augmentedColumns > 0 ? '\\operatorname{rref}[A \\mid b]' : 'R = \\operatorname{rref}(A)';
  const facts = [
    '\\begin{itemize}',
    `\\item rank $r = ${result.rank}$, nullity $n - r = ${columns} - ${result.rank} = ${result.nullity}$`,
    `\\item pivot columns: ${columnNumbersLatex(result.pivots)}; free columns: ${columnNumbersLatex(result.freeColumns)}`,
    `\\item ${lesson.steps.length} elementary operation${lesson.steps.length === 1 ? '' : 's'}, ${textLatex(arithmeticDescription(lesson))}`,
    '\\end{itemize}',
  ];
  const frames = [
    frame(
      'Result',
      ['\\begin{center}', fitWidth(`${name} = ${reduced}`), '\\end{center}', ...facts].join('\n'),
    ),
    ...subspaceFrames(lesson),
  ];
  if (result.system) {
    frames.push(
      frame(
        'Solving $A\\mathbf{x} = b$',
        ['\\begin{center}', fitWidth(solutionSetLatex(result.system)), '\\end{center}'].join('\n'),
      ),
    );
  }
  return frames;
}

function stepFrames(lesson: ReductionLesson, mode: 'frames' | 'overlays'): string[] {
  const total = lesson.steps.length;
  if (total === 0) {
    return [frame('No operations needed', `The matrix is already in reduced row echelon form.`)];
  }
  if (mode === 'frames')
    return lesson.steps.map((step) => frame(stepTitle(step, total), stepBody(lesson, step)));
  const title = lesson.steps
    .map((step) => `\\only<${step.number}>{${stepTitle(step, total)}}`)
    .join('');
  const body = lesson.steps
    .map((step) => `\\only<${step.number}>{%\n${stepBody(lesson, step)}}`)
    .join('\n');
  return [frame(title, body)];
}

/** The whole .tex document; compiles with pdflatex. */
export function reductionBeamer(lesson: ReductionLesson, options: BeamerOptions = {}): string {
  const aspect = options.aspectRatio === '4:3' ? '43' : '169';
  // \texorpdfstring: the PDF's metadata gets plain text where the slide gets math.
  const shape = `\\texorpdfstring{${shapeText(lesson).replace(/×/g, '$\\times$').replace(/\|/g, '$\\mid$')}}{${shapeText(lesson).replace(/×/g, 'x')}}`;
  const subtitle = `${shape}, ${textLatex(arithmeticDescription(lesson))}`;
  const title = `Row reduction of ${textLatex(lesson.title)}`;
  return [
    `\\documentclass[aspectratio=${aspect},xcolor=table]{beamer}`,
    '% Written by Rankscope from the exact row-reduction trace.',
    '\\usepackage{amsmath,amssymb}',
    '\\setbeamertemplate{navigation symbols}{}',
    '\\setbeamertemplate{footline}[frame number]',
    '\\renewcommand{\\arraystretch}{1.3}',
    lectureLatexDefinitions,
    `\\title{${title}}`,
    `\\subtitle{${subtitle}}`,
    `\\author{${options.author ? textLatex(options.author) : ''}}`,
    '\\date{}',
    '\\begin{document}',
    titleFrame(lesson),
    ...stepFrames(lesson, options.mode ?? 'frames'),
    ...resultFrames(lesson),
    '\\end{document}',
    '',
  ].join('\n');
}
