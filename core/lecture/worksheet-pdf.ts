// A worksheet and its answer key as PDF drawn with jsPDF, the same content as worksheet-latex.ts
// but needing no TeX, so the app makes them offline (the CLI compiles the LaTeX with pdflatex
// instead). The sheet lists the matrices in one or two columns under the task; the key gives each
// exercise's RREF, rank, nullity, pivot and free columns, bases of the four subspaces, special
// solutions and the solution set of [A | b]. Cost linear in the sheet.
import { jsPDF } from 'jspdf';
import type { Rational } from '../exact/rational';
import { subspaceLines } from './lesson-latex';
import { Page, drawMatrix, fittedMetrics, ink, margin, muted, pdfText } from './pdf-page';
import type { Exercise, Worksheet } from './worksheet-generator';
import { worksheetDescription } from './worksheet-latex';

export interface WorksheetPdfOptions {
  /** The sheet's heading; the key adds ": answers". */
  title?: string;
  paper?: 'a4' | 'letter';
  /** The answer key instead of the sheet. */
  answers?: boolean;
}

function withRightHandSide(exercise: Exercise): Rational[][] {
  const b = exercise.rightHandSide;
  return b ? exercise.matrix.map((row, i) => [...row, b[i]]) : exercise.matrix;
}

function tuple(vector: readonly Rational[]): string {
  return `(${vector.map(String).join(', ')})^T`;
}

function columnNumbers(columns: readonly number[]): string {
  return columns.length === 0 ? 'none' : columns.map((column) => column + 1).join(', ');
}

function task(sheet: Worksheet): string {
  const questions =
    'give the rank, the nullity, the pivot columns, and a basis of each of the four fundamental ' +
    'subspaces C(A), C(A^T), N(A) and N(A^T).';
  return sheet.options.system === 'none'
    ? `For each matrix: reduce A to its reduced row echelon form R; ${questions}`
    : 'For each system: solve Ax = b by reducing [A | b]; say whether it has no solution, exactly ' +
        `one, or infinitely many, and give the solution set. Then, for A, ${questions}`;
}

function sheetBody(page: Page, sheet: Worksheet): void {
  const { doc } = page;
  const label = sheet.options.system === 'none' ? 'A =' : '[A | b] =';
  const matrices = sheet.exercises.map(withRightHandSide);
  const augmentedColumns = sheet.options.system === 'none' ? 0 : 1;
  const half = (page.contentWidth - 20) / 2;
  page.font('times', 'italic', 11);
  const labelWidth = doc.getTextWidth(label) + 26;
  const metrics = matrices.map((matrix) => fittedMetrics(doc, [matrix], half - labelWidth, 0)[0]);
  const twoColumns = metrics.every((item) => item.width + labelWidth <= half);
  const columns = twoColumns ? 2 : 1;
  for (let start = 0; start < matrices.length; start += columns) {
    const row = metrics.slice(start, start + columns);
    const height = Math.max(...row.map((item) => item.height)) + 18;
    page.reserve(height);
    row.forEach((item, k) => {
      const index = start + k;
      const left = margin + k * (half + 20);
      const middle = page.y + item.height / 2 + 4;
      page.font('helvetica', 'bold', 11);
      doc.text(`${index + 1}.`, left, middle);
      page.font('times', 'italic', 11);
      doc.text(label, left + 20, middle);
      drawMatrix(doc, matrices[index], item, left + labelWidth, page.y, { augmentedColumns });
    });
    page.y += height;
  }
}

function answer(page: Page, exercise: Exercise, sheet: Worksheet): void {
  const { doc } = page;
  const { analysis } = exercise;
  const given = withRightHandSide(exercise);
  const augmentedColumns = exercise.rightHandSide ? 1 : 0;
  const [givenSize, reducedSize] = fittedMetrics(
    doc,
    [given, analysis.rref],
    page.contentWidth - 120,
    1,
  );
  page.reserve(24 + Math.max(givenSize.height, reducedSize.height));
  page.paragraph(`Exercise ${exercise.number}`, 12, 'bold', ink, 2);
  page.font('times', 'italic', 11);
  const top = page.y;
  doc.text(augmentedColumns ? '[A | b] =' : 'A =', margin, top + givenSize.height / 2 + 4);
  drawMatrix(doc, given, givenSize, margin + 52, top, { augmentedColumns });
  const rightLabel = margin + 52 + givenSize.width + 24;
  page.font('times', 'italic', 11);
  doc.text('R = rref(A) =', rightLabel, top + reducedSize.height / 2 + 4);
  drawMatrix(
    doc,
    analysis.rref,
    reducedSize,
    rightLabel + doc.getTextWidth('R = rref(A) =') + 8,
    top,
  );
  page.y = top + Math.max(givenSize.height, reducedSize.height) + 8;
  page.paragraph(
    `Rank r = ${analysis.rank}, nullity n − r = ${analysis.nullity}; pivot columns ${columnNumbers(analysis.pivots)}; free columns ${columnNumbers(analysis.freeColumns)}.`,
    10,
  );
  for (const line of subspaceLines(analysis, sheet.options.rows, sheet.options.cols)) {
    const symbol = line.symbol.replace('{T}', 'T').replace(/[{}]/g, '');
    const basis =
      line.basis.length === 0
        ? 'none (the zero space)'
        : (line.basis as Rational[][]).map(tuple).join(', ');
    page.paragraph(
      `${symbol} in R^${line.ambient}, the ${line.name}, dimension ${line.dimension}; basis: ${basis}.`,
      10,
      'normal',
      ink,
      1,
    );
  }
  page.paragraph(
    analysis.nullspace.length === 0
      ? 'Special solutions: none (N(A) = {0}, no free columns).'
      : `Special solutions: ${analysis.nullspace
          .map(
            (vector, index) =>
              `s${index + 1} = ${tuple(vector)} (free x${analysis.freeColumns[index] + 1})`,
          )
          .join(', ')}.`,
    10,
  );
  const system = exercise.system;
  if (system) {
    const [size] = fittedMetrics(doc, [system.augmentedRref], page.contentWidth - 120, 0);
    page.reserve(size.height + 30);
    page.font('times', 'italic', 11);
    doc.text('rref[A | b] =', margin, page.y + size.height / 2 + 4);
    drawMatrix(doc, system.augmentedRref, size, margin + 70, page.y, { augmentedColumns: 1 });
    page.y += size.height + 8;
    page.paragraph(
      system.kind === 'inconsistent'
        ? `No solution: row ${system.contradictionRow + 1} of rref[A | b] reads 0 = 1.`
        : system.kind === 'unique'
          ? `Exactly one solution: x = ${tuple(system.solution)}.`
          : `Infinitely many solutions: x = x_p + ${system.freeColumns.map((_, index) => `t${index + 1} s${index + 1}`).join(' + ')} for any real t, with the particular solution (free variables 0) x_p = ${tuple(system.particular)}.`,
      10,
    );
  }
  page.y += 8;
}

/** The sheet (or with `answers`, its key) as PDF bytes. */
export function worksheetPdf(sheet: Worksheet, options: WorksheetPdfOptions = {}): Uint8Array {
  const doc = new jsPDF({ unit: 'pt', format: options.paper ?? 'a4', compress: true });
  const title = `${options.title ?? 'Row reduction'}${options.answers ? ': answers' : ''}`;
  doc.setProperties({ title, creator: 'Rankscope' });
  const page = new Page(doc, doc.internal.pageSize.getWidth(), doc.internal.pageSize.getHeight());
  page.paragraph(title, 18, 'bold', ink, 2);
  page.paragraph(worksheetDescription(sheet.options), 9, 'normal', muted, 10);
  if (options.answers) {
    for (const exercise of sheet.exercises) answer(page, exercise, sheet);
  } else {
    page.paragraph('Name: ______________________________', 11, 'normal', ink, 10);
    page.paragraph(task(sheet), 11, 'normal', ink, 12);
    sheetBody(page, sheet);
  }
  const pages = doc.getNumberOfPages();
  for (let number = 1; number <= pages; number++) {
    doc.setPage(number);
    page.font('helvetica', 'normal', 8, muted);
    doc.text(pdfText(`${title} · page ${number} of ${pages}`), page.width / 2, page.height - 24, {
      align: 'center',
    });
  }
  return new Uint8Array(doc.output('arraybuffer'));
}
