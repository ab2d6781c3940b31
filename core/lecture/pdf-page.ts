// Drawing lecture pages with jsPDF: a page cursor that flows text and breaks pages, and matrices
// in brackets with fractions set numerator over denominator, rows shaded and a pivot outlined. Text
// uses the PDF's standard Helvetica and Times (WinAnsi), so nothing needs an embedded font: minus
// signs are en dashes and anything WinAnsi lacks is spelled out. Shared by the reduction handout and
// the worksheet PDFs. Cost linear in what is drawn.
import type { jsPDF } from 'jspdf';
import type { LessonMatrix } from './reduction-lesson';
import { entryText } from './step-description';

export type Colour = [number, number, number];
export const ink: Colour = [29, 35, 43];
export const muted: Colour = [91, 102, 117];
const readFill: Colour = [219, 234, 254];
const writtenFill: Colour = [254, 243, 199];
const pivotStroke: Colour = [194, 65, 12];
export const margin = 50;

/** Minus as an en dash (WinAnsi has no U+2212), and anything outside Latin-1 spelled out. */
export function pdfText(text: string): string {
  return text
    .replace(/[−-](?=\d|\()/g, '–')
    .replace(/ − /g, ' – ')
    .replace(/×/g, 'x')
    .replace(/ℝ/g, 'R^');
}

export class Page {
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

export interface MatrixMetrics {
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

export function measureMatrix(doc: jsPDF, matrix: LessonMatrix, fontSize: number): MatrixMetrics {
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

export interface MatrixMarks {
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

export function drawMatrix(
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

/** The largest entry size (≤ 11 pt) at which `count` matrices and arrows fit across the page. */
export function fittedMetrics(
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
