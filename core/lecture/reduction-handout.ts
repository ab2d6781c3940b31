// The whole reduction as a PDF handout on A4 or Letter pages, drawn with jsPDF (which the app
// already uses for figure PDFs, and which runs in Node for the CLI): so the handout needs no TeX,
// works offline in the app and the same bytes come from `rankscope rref --handout`. Each step is
// a block — counter, operation in notation and words, reason, then the matrices before and after
// with the pivot outlined and the rows read and written shaded; fractions are set numerator over
// denominator. The result closes it: RREF, rank, pivots, bases of the four subspaces, solution set.
// Pages and matrices are drawn by pdf-page.ts; arrows and row subscripts are drawn here, so
// nothing needs an embedded font. Cost linear in the trace.
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
import { Page, drawMatrix, fittedMetrics, ink, margin, muted, pdfText } from './pdf-page';

export interface HandoutOptions {
  paper?: 'a4' | 'letter';
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
 * Notation such as "R₃ ← R₃ − 2R₁" or "R₃ − 2R₁ → R₃": subscripts set smaller and lower, arrows
 * drawn. Returns the width; draws only when `x` is given.
 */
function drawNotation(
  doc: jsPDF,
  notation: string,
  x: number | null,
  y: number,
  size: number,
  align: 'left' | 'center' = 'left',
): number {
  const tokens = notation.match(/R[₀-₉]+|[←→↔]|[^R←→↔]+|R/g) ?? [];
  const subscriptDigits = '₀₁₂₃₄₅₆₇₈₉';
  const pieces = tokens.map((token) => {
    if (token === '←' || token === '→' || token === '↔')
      return { kind: 'arrow' as const, token, width: size * 1.3 };
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
      if (piece.token !== '→')
        doc.triangle(cursor + 1.5, middle, cursor + 5, middle - 2, cursor + 5, middle + 2, 'F');
      if (piece.token !== '←')
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
