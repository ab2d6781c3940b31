// LaTeX matrices: bmatrix / pmatrix / vmatrix / matrix / smallmatrix / array environments (or a
// bare "1 & 2 \\ 3 & 4"), \hline, \frac, \sqrt, "\times 10^{k}", \infty. Rows split at "\\",
// cells at "&"; each cell rewritten as plain text the exact core reads. Works on the string
// (offsets in characters). O(length).

import type { MatrixBuilder } from './matrix-builder';
import { scanNumber, scanned } from './number-scan';

const encoder = new TextEncoder();
const latexEnvironment =
  /\\begin\s*\{(bmatrix|pmatrix|vmatrix|Bmatrix|Vmatrix|matrix|smallmatrix|array)\*?\}(?:\s*\[[^\]]*\])?(?:\s*\{[^}]*\})?/;

export function readLatexMatrix(text: string, start: number, builder: MatrixBuilder): void {
  let bodyStart = start;
  let bodyEnd = text.length;
  const begin = latexEnvironment.exec(text);
  if (begin) {
    bodyStart = begin.index + begin[0].length;
    const end = text.indexOf('\\end', bodyStart);
    if (end < 0) builder.fail(`\\begin{${begin[1]}} has no \\end{${begin[1]}}`, begin.index);
    bodyEnd = end;
  }
  let rowStart = bodyStart;
  while (rowStart <= bodyEnd) {
    let rowEnd = text.indexOf('\\\\', rowStart);
    if (rowEnd < 0 || rowEnd > bodyEnd) rowEnd = bodyEnd;
    const row = text.slice(rowStart, rowEnd).replace(/\\hline/g, '      ');
    // Outside an environment, "$" and "\[" around the rows are not cells.
    const blank = begin === null ? /^\s*(?:\$+|\\\[|\\\])?\s*$/ : /^\s*$/;
    if (!blank.test(row)) {
      let cellStart = rowStart;
      for (const cell of row.split('&')) {
        const written = latexCellToText(cell, begin !== null);
        const leading = cell.length - cell.trimStart().length;
        const offset = cellStart + leading;
        const end = cellStart + cell.trimEnd().length;
        const bytes = encoder.encode(written);
        const value = scanNumber(bytes, 0);
        if (scanned.kind >= 0 && scanned.end === bytes.length && written !== '')
          builder.number(value, scanned.kind, offset, end, written);
        else builder.word(offset, Math.max(offset, end), written);
        cellStart += cell.length + 1;
      }
      builder.endRow(rowEnd);
    }
    rowStart = rowEnd + 2;
  }
}

/**
 * One LaTeX cell as plain text the exact core reads: \frac{1}{2} → 1/2, 1.5 \times 10^{-3} →
 * 1.5e-3, \sqrt{2} → sqrt(2), \frac{\pi}{4} → pi/4, \frac{1+x}{2} → (1+x)/2.
 */
export function latexCellToText(cell: string, insideEnvironment = true): string {
  let text = cell;
  if (!insideEnvironment) {
    text = text.replace(/\\left\s*[[(|]|\\right\s*[\])|]|\\\[|\\\]|\$/g, '');
  }
  text = text
    .replace(/\\[,;:! ]|\\quad|\\qquad|~/g, '')
    .replace(/\\(?:d|t)?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, (_, top: string, bottom: string) =>
      fractionText(top, bottom),
    )
    .replace(/\\(?:d|t)?frac\s*(\d)\s*(\d)/g, '$1/$2')
    .replace(/\\sqrt\s*\{([^{}]*)\}/g, 'sqrt($1)')
    .replace(/\\sqrt\s*(\d)/g, 'sqrt($1)')
    .replace(/\\(?:times|cdot)\s*10\s*\^\s*\{([^{}]*)\}/g, 'e$1')
    .replace(/\\(?:times|cdot)\s*10\s*\^\s*([+-]?\d)/g, 'e$1')
    .replace(/\^\s*\{([^{}]*)\}/g, '^($1)')
    .replace(/\\infty/g, 'inf')
    .replace(/\\pi\b/g, 'pi')
    .replace(/\\(?:cdot|times)/g, '*')
    .replace(/\\(?:left|right)\s*([()])/g, '$1')
    .replace(/\\(?:text|mathrm)\s*\{\s*(NaN|nan)\s*\}/g, 'nan')
    .replace(/\u2212/g, '-')
    .replace(/[{}]/g, '')
    .replace(/\s+/g, '');
  return text;
}

function fractionText(top: string, bottom: string): string {
  const simple = (part: string) => /^\s*[+-]?[\w.\\]+\s*$/.test(part);
  const wrap = (part: string) => (simple(part) ? part.trim() : `(${part.trim()})`);
  return `${wrap(top)}/${wrap(bottom)}`;
}
