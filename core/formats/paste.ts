// Reads a matrix pasted from the clipboard in whatever notation it was copied: numpy repr and
// print form, Python lists, MATLAB, LaTeX (bmatrix / pmatrix / matrix / array, \frac), Mathematica,
// a spreadsheet block (tabs), CSV or whitespace-separated text. Detects the notation from its
// leading characters, then parses it in one pass, O(length).

import {
  buildTextMatrix,
  detectDelimiter,
  parseDelimited,
  type CellRule,
  type CsvRecord,
} from './delimited';
import { FormatError, quoteForMessage } from './format-error';
import { parseNestedList } from './nested-list';
import { createLocator } from './text-location';
import type { TextMatrix } from './text-matrix';

export type PasteFormat =
  'numpy' | 'python' | 'matlab' | 'latex' | 'mathematica' | 'spreadsheet' | 'csv' | 'whitespace';

export type PastedMatrix = TextMatrix & { format: PasteFormat };

export interface PasteOptions {
  /** Named in error messages (default "pasted text"). */
  source?: string;
  /**
   * What a cell may hold (default 'expressions': numbers, fractions and arithmetic such as
   * "sqrt(2)", which people paste from MATLAB or LaTeX and the exact core reads).
   */
  cells?: CellRule;
}

const numpyPrefix = /^(?:np\.|numpy\.)?(?:array|matrix|asarray)\s*\(/;
const assignmentPrefix = /^[A-Za-z_]\w*\s*=\s*/;

export function detectPasteFormat(text: string): PasteFormat {
  const trimmed = text.trim().replace(assignmentPrefix, '');
  if (numpyPrefix.test(trimmed)) return 'numpy';
  if (/\\begin\s*\{|\\\\|\\frac/.test(trimmed)) return 'latex';
  if (trimmed.startsWith('{')) return 'mathematica';
  if (trimmed.startsWith('[')) {
    if (/^\[\s*\[/.test(trimmed)) return trimmed.includes(',') ? 'python' : 'numpy';
    if (trimmed.includes(';') || !trimmed.includes(',')) return 'matlab';
    return 'python';
  }
  if (trimmed.includes('&')) return 'latex';
  if (trimmed.includes('\t')) return 'spreadsheet';
  return detectDelimiter(trimmed) === 'whitespace' ? 'whitespace' : 'csv';
}

export function parsePastedMatrix(text: string, options: PasteOptions = {}): PastedMatrix {
  const format = detectPasteFormat(text);
  const file = options.source ?? 'pasted text';
  const build = (records: CsvRecord[]): TextMatrix =>
    buildTextMatrix(records, { file, header: 'absent', cells: options.cells ?? 'expressions' });
  switch (format) {
    case 'numpy':
    case 'python':
      return { ...build(readBracketed(text, '[', file)), format };
    case 'mathematica':
      return { ...build(readBracketed(text, '{', file).map(mathematicaNumbers)), format };
    case 'matlab':
      return { ...build(readMatlab(text, file)), format };
    case 'latex':
      return { ...build(readLatex(text, file)), format };
    case 'spreadsheet':
    case 'csv':
    case 'whitespace': {
      // MATLAB and Octave display a matrix as "A =" followed by whitespace-separated rows; drop
      // the "A =" but keep its line breaks, so that line numbers in errors stay right.
      const body = text.replace(/^\s*[A-Za-z_]\w*[ \t]*=\s*/, (prefix) =>
        prefix.replace(/[^\r\n]/g, ''),
      );
      const parsed = parseDelimited(body, {
        file,
        delimiter: format === 'spreadsheet' ? '\t' : 'auto',
        cells: options.cells ?? 'expressions',
      });
      const result: PastedMatrix = {
        rows: parsed.rows,
        cols: parsed.cols,
        cells: parsed.cells,
        format,
      };
      if (parsed.header) result.header = parsed.header;
      return result;
    }
  }
}

function readBracketed(text: string, open: '[' | '{', file: string): CsvRecord[] {
  const locate = createLocator(text);
  let start = 0;
  while (start < text.length && /\s/.test(text[start])) start++;
  const assignment = assignmentPrefix.exec(text.slice(start));
  if (assignment) start += assignment[0].length;
  const wrapper = numpyPrefix.exec(text.slice(start));
  if (wrapper) start += wrapper[0].length;
  const list = parseNestedList(text, start, open, file);
  const rest = text.slice(list.end);
  // Written so that no two adjacent \s* compete: a long run of spaces must not backtrack.
  const allowedRest = wrapper
    ? /^\s*(?:,\s*dtype\s*=\s*[\w.'"[\]]+\s*)?\)(?:\s*;)?\s*$/
    : /^(?:\s*;)?\s*$/;
  if (!allowedRest.test(rest)) {
    const offset = list.end + (rest.length - rest.trimStart().length);
    throw new FormatError(`unexpected ${quoteForMessage(rest.trim())} after the matrix`, {
      file,
      ...locate(offset),
    });
  }
  // numpy's own names for the non-finite values: np.nan, -np.inf, math.inf.
  return list.rows.map((row) => ({
    line: row.line,
    fields: row.fields.map((field) =>
      field.replace(/^([+-]?)(?:np|numpy|math)\.(nan|inf)$/, '$1$2'),
    ),
  }));
}

function mathematicaNumbers(record: CsvRecord): CsvRecord {
  // 1.5*^-3 is 1.5e-3; 1.5`20. carries a precision mark.
  return {
    line: record.line,
    fields: record.fields.map((field) => field.replace(/\*\^/, 'e').replace(/`[\d.]*$/, '')),
  };
}

function readMatlab(text: string, file: string): CsvRecord[] {
  const locate = createLocator(text);
  const open = text.indexOf('[');
  const close = text.lastIndexOf(']');
  if (open < 0 || close < open) {
    throw new FormatError('a MATLAB matrix is written between "[" and "]"', { file, line: 1 });
  }
  const before = text.slice(0, open).trim();
  if (before !== '' && !/^[A-Za-z_]\w*\s*=$/.test(before)) {
    throw new FormatError(`unexpected ${quoteForMessage(before)} before "["`, { file, line: 1 });
  }
  const after = text.slice(close + 1).trim();
  if (after !== '' && after !== ';') {
    throw new FormatError(`unexpected ${quoteForMessage(after)} after "]"`, {
      file,
      ...locate(close + 1),
    });
  }
  const records: CsvRecord[] = [];
  let rowStart = open + 1;
  let continued = false;
  for (let k = open + 1; k <= close; k++) {
    const character = text[k];
    if (character === '[' || character === ']') {
      if (k < close)
        throw new FormatError('nested brackets in a MATLAB matrix', { file, ...locate(k) });
    }
    if (character === '.' && text.startsWith('...', k)) continued = true; // row goes on next line
    const endsRow =
      k === close ||
      character === ';' ||
      ((character === '\n' || character === '\r') && !continued);
    if (character === '\n') continued = false;
    if (!endsRow) continue;
    const body = text
      .slice(rowStart, k)
      .replace(/\.\.\.[^\n]*\n?/g, ' ')
      .replace(/%[^\n]*/g, '')
      .trim();
    if (body !== '') {
      // Commas first, then spaces; an empty piece between commas is an empty cell.
      const fields = body
        .split(',')
        .flatMap((piece) => (piece.trim() === '' ? [''] : piece.trim().split(/\s+/)));
      records.push({ fields, line: locate(rowStart).line });
    }
    rowStart = k + 1;
  }
  return records;
}

const latexEnvironment =
  /\\begin\s*\{(bmatrix|pmatrix|vmatrix|Bmatrix|Vmatrix|matrix|smallmatrix|array)\*?\}(?:\s*\[[^\]]*\])?(?:\s*\{[^}]*\})?/;

function readLatex(text: string, file: string): CsvRecord[] {
  const locate = createLocator(text);
  let bodyStart = 0;
  let bodyEnd = text.length;
  const begin = latexEnvironment.exec(text);
  if (begin) {
    bodyStart = begin.index + begin[0].length;
    const end = text.indexOf('\\end', bodyStart);
    if (end < 0) {
      throw new FormatError(`\\begin{${begin[1]}} has no \\end{${begin[1]}}`, {
        file,
        ...locate(begin.index),
      });
    }
    bodyEnd = end;
  }
  const records: CsvRecord[] = [];
  let rowStart = bodyStart;
  while (rowStart <= bodyEnd) {
    let rowEnd = text.indexOf('\\\\', rowStart);
    if (rowEnd < 0 || rowEnd > bodyEnd) rowEnd = bodyEnd;
    const row = text.slice(rowStart, rowEnd).replace(/\\hline/g, '');
    if (row.trim() !== '' && !(begin === null && /^\s*\$*\s*$/.test(row))) {
      records.push({
        fields: row.split('&').map((cell) => latexCellToText(cell, begin !== null)),
        line: locate(rowStart + (row.length - row.trimStart().length)).line,
      });
    }
    rowStart = rowEnd + 2;
  }
  return records;
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
