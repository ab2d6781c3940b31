// A row reduction as a PowerPoint deck (.pptx, through pptxgenjs, which runs in Node and in the
// browser): a title slide with A, one slide per elementary operation — the matrices before and
// after as editable tables, the pivot cell outlined, the rows read and written shaded, the
// operation in notation and words, the reason, and speaker notes — and result slides. Everything
// is text or vector shapes, so a lecturer can edit any of it. Cost linear in the trace.
import PptxGenJS from 'pptxgenjs';
import {
  type LessonMatrix,
  type LessonStep,
  type ReductionLesson,
  arithmeticDescription,
  columnList,
  shapeText,
} from './reduction-lesson';
import { entryText, operationExpression, rowSymbol, typesetText } from './step-description';
import { subspaceLines } from './lesson-latex';

/** LAYOUT_WIDE, in inches. */
const slideWidth = 13.333;
const margin = 0.5;
const colours = {
  ink: '1D232B',
  muted: '5B6675',
  read: 'DBEAFE',
  written: 'FEF3C7',
  pivot: 'C2410C',
  title: '1E3A8A',
};
const fontFace = 'Calibri';

interface MatrixMarks {
  pivot?: { row: number; col: number };
  readRows?: readonly number[];
  writtenRows?: readonly number[];
  /** Text beside a row, right of the bracket. */
  annotations?: ReadonlyMap<number, string>;
  augmentedColumns?: number;
}

interface MatrixSize {
  fontSize: number;
  cellWidth: number;
  rowHeight: number;
  width: number;
  height: number;
}

const points = 1 / 72;

function cellText(value: LessonMatrix[number][number]): string {
  return typesetText(entryText(value));
}

/** The longest entry of any of the matrices, in characters. */
function longestEntry(matrices: readonly LessonMatrix[]): number {
  let longest = 1;
  for (const matrix of matrices)
    for (const row of matrix)
      for (const value of row) longest = Math.max(longest, cellText(value).length);
  return longest;
}

/** How big an m×n matrix is at a font size, its cells as wide as `characters`. */
function matrixSize(
  rows: number,
  columns: number,
  characters: number,
  fontSize: number,
): MatrixSize {
  const cellWidth = Math.max(fontSize * points * 1.6, characters * fontSize * points * 0.5 + 0.14);
  const rowHeight = fontSize * points * 1.75;
  return {
    fontSize,
    cellWidth,
    rowHeight,
    width: columns * cellWidth + 0.3,
    height: rows * rowHeight,
  };
}

function fittedSize(matrix: LessonMatrix, width: number, height: number): MatrixSize {
  const characters = longestEntry([matrix]);
  const columns = matrix.length === 0 ? 0 : matrix[0].length;
  let size = matrixSize(matrix.length, columns, characters, 8);
  for (const fontSize of [26, 22, 18, 16, 14, 12, 10, 8]) {
    size = matrixSize(matrix.length, columns, characters, fontSize);
    if (size.width <= width && size.height <= height) break;
  }
  return size;
}

/** Draws a matrix (a table between bracket shapes) with its top-left corner at (x, y). */
function addMatrix(
  slide: PptxGenJS.Slide,
  matrix: LessonMatrix,
  size: MatrixSize,
  x: number,
  y: number,
  marks: MatrixMarks = {},
): void {
  const read = new Set(marks.readRows ?? []);
  const written = new Set(marks.writtenRows ?? []);
  const columns = matrix.length === 0 ? 0 : matrix[0].length;
  const rows: PptxGenJS.TableRow[] = matrix.map((row, i) =>
    row.map((value, j) => {
      const options: PptxGenJS.TableCellProps = {
        align: 'center',
        valign: 'middle',
        fontFace,
        fontSize: size.fontSize,
        color: colours.ink,
        margin: 0,
      };
      const fill = written.has(i) ? colours.written : read.has(i) ? colours.read : null;
      if (fill) options.fill = { color: fill };
      const isPivot = marks.pivot && marks.pivot.row === i && marks.pivot.col === j;
      options.border = isPivot
        ? { type: 'solid', color: colours.pivot, pt: 2.25 }
        : { type: 'none' };
      if (isPivot) options.bold = true;
      return { text: cellText(value), options };
    }),
  );
  const left = x + 0.15;
  slide.addTable(rows, {
    x: left,
    y,
    colW: Array.from({ length: columns }, () => size.cellWidth),
    rowH: size.rowHeight,
  });
  const bracket = { line: { color: colours.ink, width: 1.5 }, h: size.height, y };
  slide.addShape('leftBracket', { ...bracket, x: x + 0.02, w: 0.1 });
  slide.addShape('rightBracket', { ...bracket, x: left + columns * size.cellWidth + 0.03, w: 0.1 });
  const augmented = marks.augmentedColumns ?? 0;
  if (augmented > 0 && augmented < columns) {
    const barX = left + (columns - augmented) * size.cellWidth;
    slide.addShape('line', {
      x: barX,
      y: y + 0.05,
      w: 0,
      h: size.height - 0.1,
      line: { color: colours.ink, width: 1 },
    });
  }
  for (const [row, text] of marks.annotations ?? []) {
    slide.addText(text, {
      x: left + columns * size.cellWidth + 0.2,
      y: y + row * size.rowHeight,
      w: 2.4,
      h: size.rowHeight,
      fontFace,
      fontSize: Math.max(10, size.fontSize * 0.8),
      color: colours.muted,
      valign: 'middle',
      margin: 0,
    });
  }
}

function addTitle(slide: PptxGenJS.Slide, title: string, aside = ''): void {
  const runs: PptxGenJS.TextProps[] = [
    { text: title, options: { fontSize: 28, color: colours.title, bold: true } },
  ];
  if (aside) runs.push({ text: `   ${aside}`, options: { fontSize: 16, color: colours.muted } });
  slide.addText(runs, {
    x: margin,
    y: 0.3,
    w: slideWidth - 2 * margin,
    h: 0.7,
    fontFace,
    margin: 0,
  });
}

const annotationWidth = 2.6;
const arrowWidth = 2.6;

interface StepLayout {
  stacked: boolean;
  size: MatrixSize;
}

/**
 * One layout for every step slide, so the matrices stay in place as the slides advance: before →
 * after side by side at the largest font that fits, else one above the other.
 */
function deckLayout(lesson: ReductionLesson): StepLayout {
  const available = slideWidth - 2 * margin;
  const characters = longestEntry([lesson.start, ...lesson.steps.map((step) => step.after)]);
  const size = (fontSize: number) => matrixSize(lesson.rows, lesson.cols, characters, fontSize);
  for (const fontSize of [26, 22, 20, 18, 16, 14]) {
    const candidate = size(fontSize);
    if (2 * candidate.width + arrowWidth + annotationWidth <= available && candidate.height <= 4)
      return { stacked: false, size: candidate };
  }
  for (const fontSize of [20, 18, 16, 14, 12, 11, 10, 9, 8]) {
    const candidate = size(fontSize);
    if (candidate.width + annotationWidth <= available && 2 * candidate.height + 0.6 <= 4.4)
      return { stacked: true, size: candidate };
  }
  return { stacked: true, size: size(8) };
}

function writtenAnnotation(step: LessonStep, row: number): string {
  if (step.kind === 'swap') {
    const other = step.rows[0] === row ? step.rows[1] : step.rows[0];
    return `← old ${rowSymbol(other)}`;
  }
  // A pointer at the row, whichever way the operation itself is written.
  return `← ${operationExpression(step)}`;
}

function addStepSlide(
  pptx: PptxGenJS,
  lesson: ReductionLesson,
  step: LessonStep,
  layout: StepLayout,
): void {
  const slide = pptx.addSlide();
  const total = lesson.steps.length;
  addTitle(
    slide,
    `Step ${step.number} of ${total}`,
    step.phase === 'forward' ? '(elimination)' : '(back substitution)',
  );
  const { stacked, size } = layout;
  const augmentedColumns = lesson.augmentedColumns;
  const annotations = new Map(step.writtenRows.map((row) => [row, writtenAnnotation(step, row)]));
  const top = 1.25;
  const labelStyle = {
    fontFace,
    fontSize: 16,
    color: colours.ink,
    align: 'center' as const,
    margin: 0,
  };
  if (!stacked) {
    const block = 2 * size.width + arrowWidth + annotationWidth;
    const left = margin + (slideWidth - 2 * margin - block) / 2;
    const y = top + (4 - size.height) / 2;
    addMatrix(slide, step.before, size, left, y, {
      pivot: step.pivot,
      readRows: step.readRows,
      writtenRows: step.writtenRows,
      augmentedColumns,
    });
    const arrowX = left + size.width + 0.15;
    slide.addText(step.notation, {
      ...labelStyle,
      x: arrowX,
      y: y + size.height / 2 - 0.5,
      w: arrowWidth - 0.3,
      h: 0.4,
    });
    slide.addShape('line', {
      x: arrowX + 0.1,
      y: y + size.height / 2,
      w: arrowWidth - 0.5,
      h: 0,
      line: { color: colours.ink, width: 1.5, endArrowType: 'triangle' },
    });
    addMatrix(slide, step.after, size, left + size.width + arrowWidth, y, {
      pivot: step.pivot,
      writtenRows: step.writtenRows,
      annotations,
      augmentedColumns,
    });
  } else {
    const left = margin + (slideWidth - 2 * margin - size.width - annotationWidth) / 2;
    addMatrix(slide, step.before, size, left, top, {
      pivot: step.pivot,
      readRows: step.readRows,
      writtenRows: step.writtenRows,
      augmentedColumns,
    });
    const middle = top + size.height + 0.3;
    slide.addText(`↓  ${step.notation}`, {
      ...labelStyle,
      align: 'left',
      x: left,
      y: middle - 0.2,
      w: 6,
      h: 0.4,
    });
    addMatrix(slide, step.after, size, left, middle + 0.3, {
      pivot: step.pivot,
      writtenRows: step.writtenRows,
      annotations,
      augmentedColumns,
    });
  }
  slide.addText(
    [
      { text: 'Operation: ', options: { bold: true } },
      { text: `${step.notation}: ${step.words}.`, options: { breakLine: true } },
      { text: 'Why: ', options: { bold: true } },
      { text: `${step.reason}.`, options: { breakLine: true } },
      {
        text: `Pivot in row ${step.pivot.row + 1}, column ${step.pivot.col + 1} (outlined); shaded: ${
          step.readRows.length > 0 ? 'row read (blue), ' : ''
        }row${step.writtenRows.length > 1 ? 's' : ''} written (yellow).`,
        options: { fontSize: 14, color: colours.muted },
      },
    ],
    {
      x: margin,
      y: 5.55,
      w: slideWidth - 2 * margin,
      h: 1.5,
      fontFace,
      fontSize: 20,
      color: colours.ink,
      valign: 'top',
      margin: 0,
      paraSpaceAfter: 4,
    },
  );
  slide.addNotes(`${step.notation}: ${step.words}. Why: ${step.reason}.`);
}

function vectorText(vector: readonly LessonMatrix[number][number][]): string {
  return `(${vector.map(cellText).join(', ')})`;
}

function spanText(vectors: LessonMatrix): string {
  return vectors.length === 0 ? '{0}' : `span{${vectors.map(vectorText).join(', ')}}`;
}

const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function realSpace(dimension: number): string {
  return `ℝ${String(dimension).replace(/\d/g, (digit) => superscripts[Number(digit)])}`;
}

function centredMatrix(
  slide: PptxGenJS.Slide,
  matrix: LessonMatrix,
  top: number,
  height: number,
  augmentedColumns: number,
): void {
  const size = fittedSize(matrix, slideWidth - 2 * margin, height);
  addMatrix(slide, matrix, size, (slideWidth - size.width) / 2, top + (height - size.height) / 2, {
    augmentedColumns,
  });
}

export interface PptxOptions {
  /** Shown on the title slide. */
  author?: string;
}

/** The deck as .pptx bytes. */
export async function reductionPptx(
  lesson: ReductionLesson,
  options: PptxOptions = {},
): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = `Row reduction of ${lesson.title}`;
  pptx.author = options.author ?? 'Rankscope';
  pptx.company = 'Rankscope';

  const title = pptx.addSlide();
  title.addText(`Row reduction of ${lesson.title}`, {
    x: margin,
    y: 0.6,
    w: slideWidth - 2 * margin,
    h: 0.9,
    fontFace,
    fontSize: 36,
    bold: true,
    color: colours.title,
    align: 'center',
  });
  title.addText(
    `${shapeText(lesson)}, ${arithmeticDescription(lesson)}${options.author ? ` · ${options.author}` : ''}`,
    {
      x: margin,
      y: 1.45,
      w: slideWidth - 2 * margin,
      h: 0.5,
      fontFace,
      fontSize: 18,
      color: colours.muted,
      align: 'center',
    },
  );
  centredMatrix(title, lesson.start, 2.3, 4.6, lesson.augmentedColumns);

  if (lesson.steps.length === 0) {
    const slide = pptx.addSlide();
    addTitle(slide, 'No operations needed');
    slide.addText('The matrix is already in reduced row echelon form.', {
      x: margin,
      y: 1.5,
      w: 10,
      h: 0.6,
      fontFace,
      fontSize: 20,
    });
  }
  const layout = deckLayout(lesson);
  for (const step of lesson.steps) addStepSlide(pptx, lesson, step, layout);

  const { result } = lesson;
  const columns = lesson.cols - lesson.augmentedColumns;
  const resultSlide = pptx.addSlide();
  addTitle(resultSlide, 'Result', lesson.augmentedColumns > 0 ? 'rref[A | b]' : 'R = rref(A)');
  centredMatrix(resultSlide, result.rref, 1.2, 3.6, lesson.augmentedColumns);
  resultSlide.addText(
    [
      {
        text: `rank r = ${result.rank}, nullity n − r = ${columns} − ${result.rank} = ${result.nullity}`,
        options: { bullet: true, breakLine: true },
      },
      {
        text: `pivots in ${columnList(result.pivots)}; free: ${columnList(result.freeColumns)}`,
        options: { bullet: true, breakLine: true },
      },
      {
        text: `${lesson.steps.length} elementary operations, ${arithmeticDescription(lesson)}`,
        options: { bullet: true },
      },
    ],
    {
      x: margin,
      y: 5.1,
      w: slideWidth - 2 * margin,
      h: 1.8,
      fontFace,
      fontSize: 20,
      color: colours.ink,
      valign: 'top',
    },
  );

  const subspaces = pptx.addSlide();
  addTitle(subspaces, 'The four fundamental subspaces');
  const lines = subspaceLines(result, lesson.rows, columns);
  const symbols: Record<string, string> = {
    'C(A^{T})': 'C(Aᵀ)',
    'N(A)': 'N(A)',
    'C(A)': 'C(A)',
    'N(A^{T})': 'N(Aᵀ)',
  };
  subspaces.addText(
    lines.flatMap((line, index) => [
      { text: `${symbols[line.symbol]} `, options: { bold: true } },
      {
        text: `${line.name} ⊆ ${realSpace(line.ambient)}, dim ${line.dimension}: `,
        options: { color: colours.muted },
      },
      {
        text: spanText(line.basis as LessonMatrix),
        options: { breakLine: index < lines.length - 1 },
      },
    ]),
    {
      x: margin,
      y: 1.3,
      w: slideWidth - 2 * margin,
      h: 4.6,
      fontFace,
      fontSize: 20,
      color: colours.ink,
      valign: 'top',
      paraSpaceAfter: 14,
    },
  );
  subspaces.addText(
    'Bases read off the reduction: the non-zero rows of R, the special solutions (one per free column), the pivot columns of A, and the last m − r rows of E, where EA = R.',
    {
      x: margin,
      y: 6.1,
      w: slideWidth - 2 * margin,
      h: 0.8,
      fontFace,
      fontSize: 14,
      color: colours.muted,
    },
  );

  const system = result.system;
  if (system) {
    const slide = pptx.addSlide();
    addTitle(slide, 'Solving Ax = b');
    const text =
      system.kind === 'inconsistent'
        ? `No solution: row ${system.contradictionRow + 1} of rref[A | b] reads 0 = 1.`
        : system.kind === 'unique'
          ? `The unique solution: x = ${vectorText(system.solution)}`
          : `x = ${vectorText(system.particular)} + ${system.nullspace
              .map((vector, index) => `t${index + 1}·${vectorText(vector)}`)
              .join(
                ' + ',
              )}, with ${system.freeColumns.map((column, index) => `t${index + 1} = x${column + 1}`).join(', ')} free.`;
    slide.addText(text, {
      x: margin,
      y: 1.6,
      w: slideWidth - 2 * margin,
      h: 2,
      fontFace,
      fontSize: 24,
      color: colours.ink,
    });
  }

  const bytes = await pptx.write({ outputType: 'uint8array', compression: true });
  return bytes as Uint8Array;
}
