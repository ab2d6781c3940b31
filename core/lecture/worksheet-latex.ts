// A worksheet and its answer key as LaTeX documents (article class, amsmath, amssymb, geometry,
// multicol: all in Debian's texlive-latex-base/-recommended). The sheet states the task once and
// lists the matrices; the key gives, per exercise, the RREF, rank, nullity, pivot and free columns,
// bases of the four subspaces, the special solutions and, for [A | b], the solution set.
import type { Rational } from '../exact/rational';
import { latexNumber } from '../exact/latex';
import { columnNumbersLatex, markedMatrixLatex, subspaceLines, textLatex } from './lesson-latex';
import type { Exercise, Worksheet } from './worksheet-generator';
import type { WorksheetOptions } from './worksheet-options';

export interface WorksheetLatexOptions {
  /** The sheet's heading ("Linear Algebra — Sheet 3"). */
  title?: string;
  /** 'a4' (default) or 'letter'. */
  paper?: 'a4' | 'letter';
}

function withRightHandSide(exercise: Exercise): Rational[][] {
  const b = exercise.rightHandSide;
  return b ? exercise.matrix.map((row, i) => [...row, b[i]]) : exercise.matrix;
}

function matrixName(options: WorksheetOptions): string {
  return options.system === 'none' ? 'A' : '[A \\mid b]';
}

/** "3×4, rank 2, entries within ±9, integer answers, seed 7": enough to make the sheet again. */
export function worksheetDescription(options: WorksheetOptions): string {
  const answers =
    options.answers === 'integers'
      ? 'integer answers'
      : `answers with denominators up to ${options.denominatorBound}`;
  const system = {
    none: '',
    unique: ', systems with one solution',
    free: ', systems with free variables',
    inconsistent: ', systems with no solution',
  }[options.system];
  const pivots = options.pivotColumns
    ? `, pivots in columns ${options.pivotColumns.map((column) => column + 1).join(', ')}`
    : '';
  return `${options.rows}×${options.cols}, rank ${options.rank}${pivots}, entries within ±${options.entryBound}, ${answers}${system}, seed ${options.seed}`;
}

function task(options: WorksheetOptions): string {
  const reduce =
    'Reduce $A$ to its reduced row echelon form $R$. Give the rank, the nullity, the pivot columns, ' +
    'and a basis of each of the four fundamental subspaces $C(A)$, $C(A^{T})$, $N(A)$ and $N(A^{T})$.';
  if (options.system === 'none') return reduce;
  return (
    'Solve $A\\mathbf{x} = b$: reduce $[A \\mid b]$, say whether the system has no solution, exactly ' +
    'one, or infinitely many, and give the solution set. Then answer for $A$: ' +
    reduce.replace('Reduce $A$ to its reduced row echelon form $R$. ', '')
  );
}

function preamble(title: string, paper: 'a4' | 'letter'): string {
  return [
    `\\documentclass[11pt,${paper}paper]{article}`,
    '% Written by Rankscope.',
    '\\usepackage[margin=2cm]{geometry}',
    '\\usepackage{amsmath,amssymb}',
    '\\usepackage{multicol}',
    '\\setlength{\\parindent}{0pt}',
    '\\renewcommand{\\arraystretch}{1.2}',
    '\\pagestyle{plain}',
    '\\begin{document}',
    `{\\Large\\bfseries ${title}}\\par\\smallskip`,
  ].join('\n');
}

/** The exercises, without answers. */
export function worksheetLatex(sheet: Worksheet, options: WorksheetLatexOptions = {}): string {
  const title = textLatex(options.title ?? 'Row reduction');
  const name = matrixName(sheet.options);
  const columns = sheet.options.cols + (sheet.options.system === 'none' ? 0 : 1) <= 5 ? 2 : 1;
  const items = sheet.exercises.map(
    (exercise) =>
      `\\item $${name} = ${markedMatrixLatex(withRightHandSide(exercise), {
        augmentedColumns: exercise.rightHandSide ? 1 : 0,
      })}$\\bigskip`,
  );
  const list = ['\\begin{enumerate}', ...items, '\\end{enumerate}'];
  return [
    preamble(title, options.paper ?? 'a4'),
    `{\\small ${textLatex(worksheetDescription(sheet.options))}}\\par\\medskip`,
    'Name: \\rule{6cm}{0.4pt}\\par\\bigskip',
    `\\textbf{For each matrix.} ${task(sheet.options)}\\par\\medskip`,
    ...(columns === 2 ? ['\\begin{multicols}{2}', ...list, '\\end{multicols}'] : list),
    '\\end{document}',
    '',
  ].join('\n');
}

/** A vector inline, as a transposed tuple, so lists of them break between vectors. */
function tupleLatex(vector: readonly Rational[]): string {
  // \allowbreak: a long tuple may break after a comma rather than run into the margin.
  return `$(${vector.map(latexNumber).join(',\\allowbreak ')})^{T}$`;
}

function basisText(basis: readonly (readonly Rational[])[]): string {
  return basis.length === 0 ? 'none (the zero space)' : basis.map(tupleLatex).join(', ');
}

function answerLatex(exercise: Exercise, options: WorksheetOptions): string {
  const { analysis } = exercise;
  const given = `${matrixName(options)} = ${markedMatrixLatex(withRightHandSide(exercise), {
    augmentedColumns: exercise.rightHandSide ? 1 : 0,
  })}`;
  const reduced = `R = \\operatorname{rref}(A) = ${markedMatrixLatex(analysis.rref)}`;
  const sideBySide = options.cols + (exercise.rightHandSide ? 1 : 0) <= 5;
  const lines: string[] = [
    `\\subsection*{Exercise ${exercise.number}}`,
    sideBySide ? `\\[ ${given} \\qquad ${reduced} \\]` : `\\[ ${given} \\]\n\\[ ${reduced} \\]`,
    `Rank $r = ${analysis.rank}$, nullity $n - r = ${analysis.nullity}$; ` +
      `pivot columns ${columnNumbersLatex(analysis.pivots)}; free columns ${columnNumbersLatex(analysis.freeColumns)}.`,
    [
      '\\begin{itemize}',
      ...subspaceLines(analysis, options.rows, options.cols).map(
        (line) =>
          `\\item $${line.symbol} \\subseteq \\mathbb{R}^{${line.ambient}}$, the ${line.name}, dimension ${line.dimension}; basis: ${basisText(line.basis as Rational[][])}.`,
      ),
      '\\end{itemize}',
    ].join('\n'),
    analysis.nullspace.length === 0
      ? 'Special solutions: none ($N(A) = \\{\\mathbf{0}\\}$, no free columns).'
      : `Special solutions (one per free column: that variable 1, the other free ones 0): ${analysis.nullspace
          .map(
            (vector, index) =>
              `$s_{${index + 1}} = $ ${tupleLatex(vector)} (free $x_{${analysis.freeColumns[index] + 1}}$)`,
          )
          .join(', ')}.`,
  ];
  const system = exercise.system;
  if (system) {
    lines.push(
      `\\[ \\operatorname{rref}[A \\mid b] = ${markedMatrixLatex(system.augmentedRref, { augmentedColumns: 1 })} \\]`,
    );
    if (system.kind === 'inconsistent')
      lines.push(
        `No solution: row ${system.contradictionRow + 1} of $\\operatorname{rref}[A \\mid b]$ reads $0 = 1$.`,
      );
    else if (system.kind === 'unique')
      lines.push(`Exactly one solution: $\\mathbf{x} = $ ${tupleLatex(system.solution)}.`);
    else
      lines.push(
        `Infinitely many solutions: $\\mathbf{x} = \\mathbf{x}_p + ${system.freeColumns
          .map((_, index) => `t_{${index + 1}} s_{${index + 1}}$`)
          .join(' $+ ')}, with $t_1, \\dots \\in \\mathbb{R}$ and the particular solution ` +
          `(free variables 0) $\\mathbf{x}_p = $ ${tupleLatex(system.particular)}.`,
      );
  }
  return lines.join('\n\n');
}

/** The answer key: every exercise with its full answer. */
export function answerKeyLatex(sheet: Worksheet, options: WorksheetLatexOptions = {}): string {
  const title = `${textLatex(options.title ?? 'Row reduction')}: answers`;
  return [
    preamble(title, options.paper ?? 'a4'),
    `{\\small ${textLatex(worksheetDescription(sheet.options))}}\\par\\medskip`,
    ...sheet.exercises.map((exercise) => answerLatex(exercise, sheet.options)),
    '\\end{document}',
    '',
  ].join('\n');
}
