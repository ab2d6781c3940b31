// The whole reduction as a PDF handout on A4 or Letter pages, drawn with jsPDF (which the app
// already uses for figure PDFs, and which runs in Node for the CLI): so the handout needs no TeX,
// works offline in the app and the same bytes come from `rankscope rref --handout`. Each step is
// a block — counter, operation in notation and words, reason, then the matrices before and after
// with the pivot outlined and the rows read and written shaded; fractions are set numerator over
// denominator. The result closes it: RREF, rank, pivots, bases of the four subspaces, solution set.
// Text uses the PDF's standard Helvetica and Times (WinAnsi): minus signs are en dashes, arrows
// and subscripts are drawn, so nothing needs an embedded font. Cost linear in the trace.
import { jsPDF } from 'jspdf';
import {
  type LessonMatrix,
  type LessonStep,
  type ReductionLesson,
  arithmeticDescription,
  columnList,
  shapeText,
} from './reduction-lesson';
import { entryText } from './step-description';
import { subspaceLines } from './lesson-latex';

export interface HandoutOptions {
  paper?: 'a4' | 'letter';
}

type Colour = [number, number, number];
const ink: Colour = [29, 35, 43];
const muted: Colour = [91, 102, 117];
const readFill: Colour = [219, 234, 254];
const writtenFill: Colour = [254, 243, 199];
const pivotStroke: Colour = [194, 65, 12];
const margin = 50;

/** Minus as an en dash (WinAnsi has no U+2212), and anything outside Latin-1 spelled out. */
function pdfText(text: string): string {
  return text
    .replace(/[−-](?=\d|\()/g, '–')
    .replace(/ − /g, ' – ')
    .replace(/×/g, 'x')
    .replace(/ℝ/g, 'R^');
}

class Page {
  y = margin;
  constructor(
    readonly doc: jsPDF,
    readonly width: number,
    readonly height: number,
  ) {}

  get contentWidth(): number {
    return this.width - 2 * margin;
  }

  /** Starts a new page when `needed` points do not fit below. */
  reserve(needed: number): void {
    if (this.y + needed <= this.height - margin) return;
    this.doc.addPage();
    this.y = margin;
  }

  font(
    family: 'helvetica' | 'times',
    style: 'normal' | 'bold' | 'italic',
    size: number,
    colour = ink,
  ): void {
    this.doc.setFont(family, style);
    this.doc.setFontSize(size);
    this.doc.setTextColor(...colour);
  }

  /** A paragraph, wrapped to the content width; returns nothing, advances y. */
  paragraph(
    text: string,
    size: number,
    style: 'normal' | 'bold' = 'normal',
    colour = ink,
    gap = 4,
  ): void {
    this.font('helvetica', style, size, colour);
    const lines = this.doc.splitTextToSize(pdfText(text), this.contentWidth) as string[];
    const lineHeight = size * 1.3;
    this.reserve(lines.length * lineHeight);
    for (const line of lines) {
      this.doc.text(line, margin, this.y + size);
      this.y += lineHeight;
    }
    this.y += gap;
  }
}

interface MatrixMetrics {
  fontSize: number;
  columnWidths: number[];
  rowHeights: number[];
  width: number;
  height: number;
}

const bracket = 5;

function isFraction(text: string): boolean {
  return text.includes('/');
}

function measureMatrix(doc: jsPDF, matrix: LessonMatrix, fontSize: number): MatrixMetrics {
  doc.setFont('times', 'normal');
  const columns = matrix.length === 0 ? 0 : matrix[0].length;
  const columnWidths = Array.from({ length: columns }, (_, j) => {
    let widest = fontSize * 0.9;
    for (const row of matrix) {
      const text = pdfText(entryText(row[j]));
      if (isFraction(text)) {
        const [numerator, denominator] = text.replace('–', '').split('/');
        doc.setFontSize(fontSize * 0.85);
        const width =
          Math.max(doc.getTextWidth(numerator), doc.getTextWidth(denominator)) +
          (text.startsWith('–') ? fontSize * 0.6 : 0);
        widest = Math.max(widest, width);
      } else {
        doc.setFontSize(fontSize);
        widest = Math.max(widest, doc.getTextWidth(text));
      }
    }
    return widest + fontSize * 0.9;
  });
  const rowHeights = matrix.map((row) =>
    row.some((value) => isFraction(entryText(value))) ? fontSize * 2.3 : fontSize * 1.6,
  );
  return {
    fontSize,
    columnWidths,
    rowHeights,
    width: columnWidths.reduce((sum, width) => sum + width, 0) + 2 * bracket + 4,
    height: rowHeights.reduce((sum, height) => sum + height, 0) + 4,
  };
}

interface MatrixMarks {
  pivot?: { row: number; col: number };
  readRows?: readonly number[];
  writtenRows?: readonly number[];
  augmentedColumns?: number;
}

function drawEntry(
  doc: jsPDF,
  text: string,
  centreX: number,
  centreY: number,
  fontSize: number,
): void {
  doc.setTextColor(...ink);
  doc.setFont('times', 'normal');
  if (!isFraction(text)) {
    doc.setFontSize(fontSize);
    doc.text(text, centreX, centreY + fontSize * 0.33, { align: 'center' });
    return;
  }
  const negative = text.startsWith('–');
  const [numerator, denominator] = text.replace('–', '').split('/');
  const small = fontSize * 0.85;
  doc.setFontSize(small);
  const barWidth = Math.max(doc.getTextWidth(numerator), doc.getTextWidth(denominator)) + 2;
  const shift = negative ? fontSize * 0.3 : 0;
  doc.text(numerator, centreX + shift, centreY - small * 0.25, { align: 'center' });
  doc.text(denominator, centreX + shift, centreY + small * 0.95, { align: 'center' });
  doc.setDrawColor(...ink);
  doc.setLineWidth(0.5);
  doc.line(centreX + shift - barWidth / 2, centreY, centreX + shift + barWidth / 2, centreY);
  if (negative) {
    doc.setFontSize(fontSize);
    doc.text('–', centreX + shift - barWidth / 2 - 1, centreY + fontSize * 0.33, {
      align: 'right',
    });
  }
}

function drawMatrix(
  doc: jsPDF,
  matrix: LessonMatrix,
  metrics: MatrixMetrics,
  x: number,
  y: number,
  marks: MatrixMarks = {},
): void {
  const inner = x + bracket + 2;
  const innerWidth = metrics.width - 2 * bracket - 4;
  const read = new Set(marks.readRows ?? []);
  const written = new Set(marks.writtenRows ?? []);
  let rowTop = y + 2;
  const rowTops = metrics.rowHeights.map((height) => {
    const top = rowTop;
    rowTop += height;
    return top;
  });
  matrix.forEach((_, i) => {
    const fill = written.has(i) ? writtenFill : read.has(i) ? readFill : null;
    if (!fill) return;
    doc.setFillColor(...fill);
    doc.rect(inner, rowTops[i] + 0.5, innerWidth, metrics.rowHeights[i] - 1, 'F');
  });
  const columnLefts: number[] = [];
  metrics.columnWidths.reduce((left, width, j) => ((columnLefts[j] = left), left + width), inner);
  if (marks.pivot && marks.pivot.row < matrix.length) {
    const { row, col } = marks.pivot;
    doc.setDrawColor(...pivotStroke);
    doc.setLineWidth(1.2);
    doc.rect(
      columnLefts[col] + 1.5,
      rowTops[row] + 1.5,
      metrics.columnWidths[col] - 3,
      metrics.rowHeights[row] - 3,
      'S',
    );
  }
  matrix.forEach((row, i) =>
    row.forEach((value, j) =>
      drawEntry(
        doc,
        pdfText(entryText(value)),
        columnLefts[j] + metrics.columnWidths[j] / 2,
        rowTops[i] + metrics.rowHeights[i] / 2,
        metrics.fontSize,
      ),
    ),
  );
  doc.setDrawColor(...ink);
  doc.setLineWidth(0.8);
  const bottom = y + metrics.height;
  const right = x + metrics.width;
  doc.line(x + bracket, y, x, y);
  doc.line(x, y, x, bottom);
  doc.line(x, bottom, x + bracket, bottom);
  doc.line(right - bracket, y, right, y);
  doc.line(right, y, right, bottom);
  doc.line(right, bottom, right - bracket, bottom);
  const augmented = marks.augmentedColumns ?? 0;
  const columns = metrics.columnWidths.length;
  if (augmented > 0 && augmented < columns) {
    const barX = columnLefts[columns - augmented];
    doc.setLineWidth(0.6);
    doc.line(barX, y + 3, barX, bottom - 3);
  }
}

/** A right arrow with its label above, as a vector drawing. */
function drawArrow(doc: jsPDF, x: number, y: number, length: number, label: string): void {
  doc.setDrawColor(...ink);
  doc.setFillColor(...ink);
  doc.setLineWidth(0.8);
  doc.line(x, y, x + length - 5, y);
  doc.triangle(x + length, y, x + length - 6, y - 3, x + length - 6, y + 3, 'F');
  drawNotation(doc, label, x + length / 2, y - 5, 9, 'center');
}

/**
 * Notation such as "R₃ ← R₃ − 2R₁": subscripts set smaller and lower, arrows drawn. Returns the
 * width; draws only when `x` is given.
 */
function drawNotation(
  doc: jsPDF,
  notation: string,
  x: number | null,
  y: number,
  size: number,
  align: 'left' | 'center' = 'left',
): number {
  const tokens = notation.match(/R[₀-₉]+|[←↔]|[^R←↔]+|R/g) ?? [];
  const subscriptDigits = '₀₁₂₃₄₅₆₇₈₉';
  const pieces = tokens.map((token) => {
    if (token === '←' || token === '↔') return { kind: 'arrow' as const, token, width: size * 1.3 };
    if (/^R[₀-₉]+$/.test(token)) {
      const index = token
        .slice(1)
        .replace(/[₀-₉]/g, (digit) => String(subscriptDigits.indexOf(digit)));
      doc.setFont('times', 'italic');
      doc.setFontSize(size);
      const base = doc.getTextWidth('R');
      doc.setFont('times', 'normal');
      doc.setFontSize(size * 0.7);
      return { kind: 'row' as const, token: index, width: base + doc.getTextWidth(index) + 0.5 };
    }
    doc.setFont('times', 'normal');
    doc.setFontSize(size);
    const text = pdfText(token);
    return { kind: 'text' as const, token: text, width: doc.getTextWidth(text) };
  });
  const width = pieces.reduce((sum, piece) => sum + piece.width, 0);
  if (x === null) return width;
  let cursor = align === 'center' ? x - width / 2 : x;
  doc.setTextColor(...ink);
  for (const piece of pieces) {
    if (piece.kind === 'arrow') {
      const middle = y - size * 0.3;
      doc.setDrawColor(...ink);
      doc.setFillColor(...ink);
      doc.setLineWidth(0.6);
      doc.line(cursor + 2, middle, cursor + piece.width - 2, middle);
      doc.triangle(cursor + 1.5, middle, cursor + 5, middle - 2, cursor + 5, middle + 2, 'F');
      if (piece.token === '↔')
        doc.triangle(
          cursor + piece.width - 1.5,
          middle,
          cursor + piece.width - 5,
          middle - 2,
          cursor + piece.width - 5,
          middle + 2,
          'F',
        );
    } else if (piece.kind === 'row') {
      doc.setFont('times', 'italic');
      doc.setFontSize(size);
      doc.text('R', cursor, y);
      const base = doc.getTextWidth('R');
      doc.setFont('times', 'normal');
      doc.setFontSize(size * 0.7);
      doc.text(piece.token, cursor + base + 0.5, y + size * 0.2);
    } else {
      doc.setFont('times', 'normal');
      doc.setFontSize(size);
      doc.text(piece.token, cursor, y);
    }
    cursor += piece.width;
  }
  return width;
}

/** The largest entry size (≤ 11 pt) at which `count` matrices and arrows fit across the page. */
function fittedMetrics(
  doc: jsPDF,
  matrices: LessonMatrix[],
  available: number,
  arrows: number,
): MatrixMetrics[] {
  for (let fontSize = 11; fontSize >= 5; fontSize -= 0.5) {
    const metrics = matrices.map((matrix) => measureMatrix(doc, matrix, fontSize));
    if (metrics.reduce((sum, item) => sum + item.width, 0) + arrows * 90 <= available)
      return metrics;
  }
  return matrices.map((matrix) => measureMatrix(doc, matrix, 5));
}

function stepBlock(page: Page, lesson: ReductionLesson, step: LessonStep): void {
  const { doc } = page;
  const total = lesson.steps.length;
  const marksBefore = {
    pivot: step.pivot,
    readRows: step.readRows,
    writtenRows: step.writtenRows,
    augmentedColumns: lesson.augmentedColumns,
  };
  const marksAfter = {
    pivot: step.pivot,
    writtenRows: step.writtenRows,
    augmentedColumns: lesson.augmentedColumns,
  };
  let metrics = fittedMetrics(doc, [step.before, step.after], page.contentWidth, 1);
  const sideBySide = metrics[0].fontSize >= 7;
  if (!sideBySide)
    metrics = fittedMetrics(
      doc,
      [step.before, step.after].slice(0, 1),
      page.contentWidth,
      0,
    ).concat(fittedMetrics(doc, [step.after], page.contentWidth, 0));
  const matricesHeight = sideBySide
    ? Math.max(metrics[0].height, metrics[1].height)
    : metrics[0].height + metrics[1].height + 24;
  page.reserve(70 + matricesHeight);
  page.font('helvetica', 'bold', 11);
  doc.text(`Step ${step.number} of ${total}`, margin, page.y + 11);
  page.font('helvetica', 'normal', 9, muted);
  doc.text(
    step.phase === 'forward' ? '(elimination)' : '(back substitution)',
    margin + 72,
    page.y + 11,
  );
  const notationWidth = drawNotation(doc, step.notation, margin + 160, page.y + 11, 12);
  page.font('helvetica', 'normal', 10);
  doc.text(pdfText(`: ${step.words}`), margin + 160 + notationWidth + 2, page.y + 11);
  page.y += 18;
  page.font('helvetica', 'normal', 10, muted);
  doc.text(pdfText(`Why: ${step.reason}.`), margin, page.y + 10);
  page.y += 18;
  if (sideBySide) {
    const total = metrics[0].width + metrics[1].width + 90;
    const left = margin + (page.contentWidth - total) / 2;
    drawMatrix(
      doc,
      step.before,
      metrics[0],
      left,
      page.y + (matricesHeight - metrics[0].height) / 2,
      marksBefore,
    );
    drawArrow(doc, left + metrics[0].width + 10, page.y + matricesHeight / 2, 70, step.notation);
    drawMatrix(
      doc,
      step.after,
      metrics[1],
      left + metrics[0].width + 90,
      page.y + (matricesHeight - metrics[1].height) / 2,
      marksAfter,
    );
  } else {
    drawMatrix(doc, step.before, metrics[0], margin, page.y, marksBefore);
    // A downward arrow between the two, labelled with the operation.
    const arrowTop = page.y + metrics[0].height + 3;
    doc.setDrawColor(...ink);
    doc.setFillColor(...ink);
    doc.setLineWidth(0.8);
    doc.line(margin + 12, arrowTop, margin + 12, arrowTop + 14);
    doc.triangle(
      margin + 12,
      arrowTop + 18,
      margin + 9,
      arrowTop + 12,
      margin + 15,
      arrowTop + 12,
      'F',
    );
    drawNotation(doc, step.notation, margin + 24, arrowTop + 13, 10);
    drawMatrix(doc, step.after, metrics[1], margin, arrowTop + 21, marksAfter);
  }
  page.y += matricesHeight + 16;
  doc.setDrawColor(225, 229, 235);
  doc.setLineWidth(0.5);
  doc.line(margin, page.y - 8, margin + page.contentWidth, page.y - 8);
}

function vectorText(vector: readonly LessonMatrix[number][number][]): string {
  return `(${vector.map((value) => entryText(value)).join(', ')})`;
}

function resultSection(page: Page, lesson: ReductionLesson): void {
  const { doc } = page;
  const { result } = lesson;
  const columns = lesson.cols - lesson.augmentedColumns;
  const [metrics] = fittedMetrics(doc, [result.rref], page.contentWidth, 0);
  page.reserve(40 + metrics.height);
  page.paragraph(
    lesson.augmentedColumns > 0 ? 'Result: rref[A | b]' : 'Result: R = rref(A)',
    13,
    'bold',
  );
  drawMatrix(doc, result.rref, metrics, margin, page.y, {
    augmentedColumns: lesson.augmentedColumns,
  });
  page.y += metrics.height + 10;
  page.paragraph(
    `Rank r = ${result.rank}, nullity n − r = ${columns} − ${result.rank} = ${result.nullity}. Pivots in ${columnList(result.pivots)}; free: ${columnList(result.freeColumns)}.`,
    10,
  );
  page.paragraph('The four fundamental subspaces', 11, 'bold', ink, 2);
  const symbols: Record<string, string> = {
    'C(A^{T})': 'C(A^T)',
    'N(A)': 'N(A)',
    'C(A)': 'C(A)',
    'N(A^{T})': 'N(A^T)',
  };
  for (const line of subspaceLines(result, lesson.rows, columns)) {
    const basis =
      line.basis.length === 0 ? '{0}' : `span{${line.basis.map(vectorText).join(', ')}}`;
    page.paragraph(
      `${symbols[line.symbol]}, the ${line.name} in R${line.ambient}, dimension ${line.dimension}: ${basis}`,
      10,
      'normal',
      ink,
      2,
    );
  }
  const system = result.system;
  if (system) {
    page.y += 6;
    page.paragraph('Solving Ax = b', 11, 'bold', ink, 2);
    page.paragraph(
      system.kind === 'inconsistent'
        ? `No solution: row ${system.contradictionRow + 1} of rref[A | b] reads 0 = 1.`
        : system.kind === 'unique'
          ? `Exactly one solution: x = ${vectorText(system.solution)}.`
          : `Infinitely many solutions: x = ${vectorText(system.particular)} + ${system.nullspace
              .map((vector, index) => `t${index + 1}${vectorText(vector)}`)
              .join(
                ' + ',
              )}, with ${system.freeColumns.map((column, index) => `t${index + 1} = x${column + 1}`).join(', ')} free.`,
      10,
    );
  }
}

/** The handout as PDF bytes. */
export function reductionHandoutPdf(
  lesson: ReductionLesson,
  options: HandoutOptions = {},
): Uint8Array {
  const doc = new jsPDF({ unit: 'pt', format: options.paper ?? 'a4', compress: true });
  doc.setProperties({ title: `Row reduction of ${lesson.title}`, creator: 'Rankscope' });
  const page = new Page(doc, doc.internal.pageSize.getWidth(), doc.internal.pageSize.getHeight());
  page.paragraph(`Row reduction of ${lesson.title}`, 18, 'bold', ink, 2);
  page.paragraph(
    `${shapeText(lesson)}, ${arithmeticDescription(lesson)}; ${lesson.steps.length} elementary operations.`,
    10,
    'normal',
    muted,
    8,
  );
  page.paragraph(
    'In each step the pivot is outlined, the row read is shaded blue and the rows written are shaded yellow.',
    9,
    'normal',
    muted,
    8,
  );
  const [start] = fittedMetrics(doc, [lesson.start], page.contentWidth - 40, 0);
  page.reserve(start.height + 10);
  page.font('times', 'italic', 12);
  doc.text(
    lesson.augmentedColumns > 0 ? '[A | b] =' : 'A =',
    margin,
    page.y + start.height / 2 + 4,
  );
  drawMatrix(doc, lesson.start, start, margin + (lesson.augmentedColumns > 0 ? 52 : 28), page.y, {
    augmentedColumns: lesson.augmentedColumns,
  });
  page.y += start.height + 20;
  for (const step of lesson.steps) stepBlock(page, lesson, step);
  resultSection(page, lesson);
  const pages = doc.getNumberOfPages();
  for (let number = 1; number <= pages; number++) {
    doc.setPage(number);
    page.font('helvetica', 'normal', 8, muted);
    doc.text(
      pdfText(`Row reduction of ${lesson.title} · page ${number} of ${pages}`),
      page.width / 2,
      page.height - 24,
      { align: 'center' },
    );
  }
  return new Uint8Array(doc.output('arraybuffer'));
}
