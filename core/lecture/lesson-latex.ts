// LaTeX pieces the lecture documents share (Beamer slides, worksheets and answer keys): a matrix
// with its pivot boxed and the rows read and written shaded (colortbl's \rowcolor, which beamer
// loads with the xcolor=table option), column vectors, spans, the operation in words, and the
// subspaces and solution set an answer states. Numbers through core/exact/latex.ts: fractions stay
// \frac. Cost linear in the output.
import { latexNumber, latexOperation } from '../exact/latex';
import type { RowNotation } from '../exact/row-notation';
import { escapeLatexText } from './latex-text';
import { type LessonEntry, type OperationShape, isNegativeEntry } from './step-description';
import type { LessonResult, LessonSystem } from './reduction-lesson';

/** Colours and macros every lecture document defines (xcolor and amsmath must be loaded). */
export const lectureLatexDefinitions = [
  '\\definecolor{rankscopeRead}{HTML}{DBEAFE}',
  '\\definecolor{rankscopeWritten}{HTML}{FEF3C7}',
  '\\definecolor{rankscopePivot}{HTML}{C2410C}',
  '\\definecolor{rankscopeMuted}{HTML}{5B6675}',
  // An \fbox around the entry in text style (amsmath's \boxed would set a fraction in display size).
  '\\newcommand{\\pivotbox}[1]{{\\setlength{\\fboxsep}{1.5pt}\\color{rankscopePivot}\\fbox{\\color{black}$#1$}}}',
  '\\setcounter{MaxMatrixCols}{40}',
].join('\n');

export interface MarkedMatrixOptions {
  /** Columns at the right set off by a bar (1 for [A | b]). */
  augmentedColumns?: number;
  pivot?: { row: number; col: number } | null;
  readRows?: readonly number[];
  writtenRows?: readonly number[];
  /** LaTeX (math mode) written to the right of a row, outside the brackets. */
  annotations?: ReadonlyMap<number, string>;
}

/** A matrix in brackets; shaded rows need colortbl, the pivot box needs \pivotbox. */
export function markedMatrixLatex(
  matrix: readonly (readonly LessonEntry[])[],
  options: MarkedMatrixOptions = {},
): string {
  const columns = matrix.length === 0 ? 0 : matrix[0].length;
  const augmented = options.augmentedColumns ?? 0;
  const spec =
    augmented > 0 && augmented < columns
      ? `${'c'.repeat(columns - augmented)}|${'c'.repeat(augmented)}`
      : 'c'.repeat(columns);
  const read = new Set(options.readRows ?? []);
  const written = new Set(options.writtenRows ?? []);
  const rowTexts = matrix.map((row) => row.map(latexNumber));
  const body = rowTexts
    .map((entries, i) => {
      const shade = written.has(i)
        ? '\\rowcolor{rankscopeWritten}'
        : read.has(i)
          ? '\\rowcolor{rankscopeRead}'
          : '';
      const cells = entries.map((text, j) =>
        options.pivot && options.pivot.row === i && options.pivot.col === j
          ? `\\pivotbox{${text}}`
          : text,
      );
      return `${shade}${cells.join(' & ')}`;
    })
    .join(' \\\\ ');
  const bracketed = `\\left[\\begin{array}{${spec}} ${body} \\end{array}\\right]`;
  const annotations = options.annotations;
  if (!annotations || annotations.size === 0) return bracketed;
  // A second array beside the brackets, each row as tall as the matrix row it labels.
  const labels = rowTexts
    .map((entries, i) => {
      const strut = `\\vphantom{${entries.join('')}}`;
      const label = annotations.get(i);
      return label === undefined ? strut : `${strut}${label}`;
    })
    .join(' \\\\ ');
  return `${bracketed}\\begin{array}{l} ${labels} \\end{array}`;
}

/** A column vector: stacked when short, a transposed row when long (so bases fit a slide). */
export function columnVectorLatex(vector: readonly LessonEntry[]): string {
  const entries = vector.map(latexNumber);
  return vector.length <= 4
    ? `\\begin{pmatrix} ${entries.join(' \\\\ ')} \\end{pmatrix}`
    : `\\begin{pmatrix} ${entries.join(' & ')} \\end{pmatrix}^{T}`;
}

/** span{v₁, v₂} of column vectors, or {0} for the zero space. */
export function spanLatex(vectors: readonly (readonly LessonEntry[])[]): string {
  if (vectors.length === 0) return '\\{\\mathbf{0}\\}';
  return `\\operatorname{span}\\left\\{ ${vectors.map(columnVectorLatex).join(',\\; ')} \\right\\}`;
}

/** The operation in words, numbers in math mode: "subtract $2$ times row 1 from row 3". */
export function operationWordsLatex(step: OperationShape): string {
  const [first, second] = step.rows;
  if (step.kind === 'swap') return `swap rows ${first + 1} and ${second + 1}`;
  if (step.kind === 'scale') return `multiply row ${first + 1} by $${latexNumber(step.factor)}$`;
  const magnitude = typeof step.factor === 'number' ? Math.abs(step.factor) : step.factor.abs();
  const text = latexNumber(magnitude);
  const times = text === '1' ? 'row' : `$${text}$ times row`;
  return isNegativeEntry(step.factor)
    ? `subtract ${times} ${second + 1} from row ${first + 1}`
    : `add ${times} ${second + 1} to row ${first + 1}`;
}

/** The operation as written on the board: "R_3 \leftarrow R_3 - 2R_1" or "R_3 - 2R_1 \rightarrow R_3". */
export function operationLatex(
  step: OperationShape,
  convention: RowNotation = 'target-first',
): string {
  return latexOperation(step, convention);
}

/** What a scaled or added row now holds: "R_3 - 2R_1", "\frac{1}{2}R_2" (the same in both conventions). */
export function operationExpressionLatex(step: OperationShape): string {
  const targetFirst = latexOperation(step, 'target-first');
  return targetFirst.slice(targetFirst.indexOf('\\leftarrow') + '\\leftarrow'.length).trim();
}

/** Plain words (a reason, a note) for text mode. */
export function textLatex(text: string): string {
  return escapeLatexText(text);
}

/** "1, 2, 4" (1-based). */
export function columnNumbersLatex(columns: readonly number[]): string {
  return columns.length === 0 ? 'none' : columns.map((column) => column + 1).join(', ');
}

export interface SubspaceLine {
  symbol: string;
  name: string;
  basis: readonly (readonly LessonEntry[])[];
  ambient: number;
  dimension: number;
}

/** The four subspaces of an m×n matrix: the two in ℝⁿ (row, null), then the two in ℝᵐ. */
export function subspaceLines(
  result: Pick<
    LessonResult,
    'rank' | 'nullity' | 'columnSpace' | 'rowSpace' | 'nullspace' | 'leftNullspace'
  >,
  rows: number,
  cols: number,
): SubspaceLine[] {
  return [
    {
      symbol: 'C(A^{T})',
      name: 'row space',
      basis: result.rowSpace,
      ambient: cols,
      dimension: result.rank,
    },
    {
      symbol: 'N(A)',
      name: 'null space',
      basis: result.nullspace,
      ambient: cols,
      dimension: result.nullity,
    },
    {
      symbol: 'C(A)',
      name: 'column space',
      basis: result.columnSpace,
      ambient: rows,
      dimension: result.rank,
    },
    {
      symbol: 'N(A^{T})',
      name: 'left null space',
      basis: result.leftNullspace,
      ambient: rows,
      dimension: rows - result.rank,
    },
  ];
}

/** Subspaces as an aligned block (math mode): "C(A) = span{…} ⊆ ℝ³, dim 2". */
export function subspacesAlignedLatex(lines: readonly SubspaceLine[]): string {
  return [
    '\\begin{aligned}',
    lines
      .map(
        (line) =>
          `${line.symbol} &= ${spanLatex(line.basis)} \\subseteq \\mathbb{R}^{${line.ambient}}, & \\dim ${line.symbol} &= ${line.dimension}`,
      )
      .join(' \\\\[1ex]\n'),
    '\\end{aligned}',
  ].join('\n');
}

/** x = particular + t₁ s₁ + … in math mode, or the sentence for no solution. */
export function solutionSetLatex(system: LessonSystem): string {
  if (system.kind === 'inconsistent')
    return `\\text{no solution: row ${system.contradictionRow + 1} of the RREF of } [A \\mid b] \\text{ reads } 0 = 1`;
  if (system.kind === 'unique') return `\\mathbf{x} = ${columnVectorLatex(system.solution)}`;
  const terms = system.nullspace.map(
    (vector, index) => `t_{${index + 1}} ${columnVectorLatex(vector)}`,
  );
  const parameters = system.freeColumns
    .map((column, index) => `t_{${index + 1}} = x_{${column + 1}}`)
    .join(',\\ ');
  return `\\mathbf{x} = ${columnVectorLatex(system.particular)} + ${terms.join(' + ')}, \\quad ${parameters} \\in \\mathbb{R}`;
}
