// MatrixMarket (.mtx) exchange format, coordinate and array layouts, to a dense column-major
// Matrix. Format: Boisvert, Pozo & Remington, "The Matrix Market Exchange Formats" (NIST, 1996).
// Real, integer and pattern fields; general, symmetric and skew-symmetric symmetry; duplicate
// coordinates are summed. One pass over the lines, O(length + rows·cols) with the dense result.

import type { Matrix } from '../linalg/matrix';
import { FormatError, quoteForMessage } from './format-error';

export type MatrixMarketField = 'real' | 'integer' | 'pattern';
export type MatrixMarketSymmetry = 'general' | 'symmetric' | 'skew-symmetric';
export type MatrixMarketLayout = 'coordinate' | 'array';

export interface MatrixMarketResult {
  matrix: Matrix;
  layout: MatrixMarketLayout;
  field: MatrixMarketField;
  symmetry: MatrixMarketSymmetry;
  /** Entries read from the file (before mirroring a symmetric half). */
  entriesRead: number;
  /** Comment lines after the banner, without their leading '%'. */
  comments: string[];
}

export interface MatrixMarketOptions {
  file?: string;
  /** Largest rows·cols accepted for the dense result (default 2^26), checked before allocating. */
  maxEntries?: number;
}

const realPattern =
  /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eEdD][+-]?\d+)?$|^[+-]?(?:inf|infinity|nan)$/i;
const integerPattern = /^[+-]?\d+$/;

export function parseMatrixMarket(
  text: string,
  options: MatrixMarketOptions = {},
): MatrixMarketResult {
  const file = options.file;
  const maxEntries = options.maxEntries ?? 2 ** 26;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const fail = (reason: string, lineIndex: number, column?: number): never => {
    throw new FormatError(reason, { file, line: lineIndex + 1, column });
  };

  const banner = lines[0]?.trim().split(/\s+/) ?? [];
  if (banner[0]?.toLowerCase() !== '%%matrixmarket') {
    fail('a MatrixMarket file starts with "%%MatrixMarket matrix <layout> <field> <symmetry>"', 0);
  }
  const [object, layout, field, symmetry] = banner.slice(1).map((word) => word.toLowerCase());
  if (object !== 'matrix') fail(`the object ${quoteForMessage(object ?? '')} is not "matrix"`, 0);
  if (layout !== 'coordinate' && layout !== 'array') {
    fail(`the layout ${quoteForMessage(layout ?? '')} is neither "coordinate" nor "array"`, 0);
  }
  if (field === 'complex')
    fail('complex matrices are not supported: Rankscope works over the reals', 0);
  if (field !== 'real' && field !== 'integer' && field !== 'pattern' && field !== 'double') {
    fail(`the field ${quoteForMessage(field ?? '')} is not real, integer or pattern`, 0);
  }
  if (symmetry === 'hermitian') fail('hermitian matrices are complex, which is not supported', 0);
  if (symmetry !== 'general' && symmetry !== 'symmetric' && symmetry !== 'skew-symmetric') {
    fail(
      `the symmetry ${quoteForMessage(symmetry ?? '')} is not general, symmetric or skew-symmetric`,
      0,
    );
  }
  if (layout === 'array' && field === 'pattern')
    fail('an array file cannot have the pattern field', 0);
  const fieldName = (field === 'double' ? 'real' : field) as MatrixMarketField;

  // Comments, then the size line.
  const comments: string[] = [];
  let index = 1;
  while (index < lines.length) {
    const trimmed = lines[index].trim();
    if (trimmed.startsWith('%')) comments.push(trimmed.replace(/^%+\s?/, ''));
    else if (trimmed !== '') break;
    index++;
  }
  if (index >= lines.length) fail('the size line is missing', index - 1);
  const sizeWords = lines[index].trim().split(/\s+/);
  const expectedSizeWords = layout === 'coordinate' ? 3 : 2;
  if (sizeWords.length !== expectedSizeWords) {
    fail(
      layout === 'coordinate'
        ? 'the size line of a coordinate file is "rows columns entries"'
        : 'the size line of an array file is "rows columns"',
      index,
    );
  }
  const sizes = sizeWords.map((word, k) => {
    if (!integerPattern.test(word) || word.startsWith('-')) {
      return fail(`the size ${quoteForMessage(word)} is not a non-negative integer`, index, k + 1);
    }
    const value = Number(word);
    if (!Number.isSafeInteger(value)) fail(`the size ${word} is too large`, index, k + 1);
    return value;
  });
  const [rows, cols] = sizes;
  if (symmetry !== 'general' && rows !== cols) {
    fail(`a ${symmetry} matrix must be square, but the size is ${rows}×${cols}`, index);
  }
  if (rows * cols > maxEntries) {
    fail(
      `the matrix is ${rows}×${cols} = ${rows * cols} entries, more than the limit of ${maxEntries} for a dense matrix`,
      index,
    );
  }
  let declared: number;
  if (layout === 'coordinate') {
    // Duplicates are legal (they are summed), so the count is not bounded by rows·cols; it costs
    // nothing to trust it, since entries are counted as lines are read and nothing is sized by it.
    declared = sizes[2];
  } else {
    declared =
      symmetry === 'general'
        ? rows * cols
        : symmetry === 'symmetric'
          ? (rows * (rows + 1)) / 2
          : (rows * (rows - 1)) / 2;
  }
  const sizeLine = index;
  const data = new Float64Array(rows * cols);
  const readValue = (word: string | undefined, lineIndex: number, column: number): number => {
    if (word === undefined) return fail('the value is missing', lineIndex, column);
    if (fieldName === 'integer') {
      if (!integerPattern.test(word))
        fail(`${quoteForMessage(word)} is not an integer`, lineIndex, column);
    } else if (!realPattern.test(word)) {
      fail(`${quoteForMessage(word)} is not a number`, lineIndex, column);
    }
    return Number(
      word
        .replace(/[dD]/, 'e')
        .replace(/^([+-]?)inf(inity)?$/i, '$1Infinity')
        .replace(/^[+-]?nan$/i, 'NaN'),
    );
  };

  let count = 0;
  // Array files list values column by column; symmetric ones only the lower part of each column.
  const diagonalOffset = symmetry === 'general' ? -1 : symmetry === 'symmetric' ? 0 : 1;
  let cursorRow = Math.max(diagonalOffset, 0);
  let cursorColumn = 0;
  for (index = sizeLine + 1; index < lines.length; index++) {
    const trimmed = lines[index].trim();
    if (trimmed === '' || trimmed.startsWith('%')) continue;
    if (count >= declared) fail(`more entries than the ${declared} declared`, index);
    const words = trimmed.split(/\s+/);
    if (layout === 'coordinate') {
      const expectedWords = fieldName === 'pattern' ? 2 : 3;
      if (words.length !== expectedWords) {
        fail(
          fieldName === 'pattern'
            ? `an entry is "row column", but this line has ${words.length} words`
            : `an entry is "row column value", but this line has ${words.length} words`,
          index,
        );
      }
      const i = readIndex(words[0], rows, 'row', index, 1);
      const j = readIndex(words[1], cols, 'column', index, 2);
      const value = fieldName === 'pattern' ? 1 : readValue(words[2], index, 3);
      if (symmetry === 'skew-symmetric' && i === j) {
        fail(
          `a skew-symmetric matrix has a zero diagonal, but entry (${i + 1}, ${j + 1}) is given`,
          index,
        );
      }
      data[i + j * rows] += value;
      if (symmetry !== 'general' && i !== j) {
        data[j + i * rows] += symmetry === 'symmetric' ? value : -value;
      }
    } else {
      if (words.length !== 1)
        fail(`an array file has one value a line, but this line has ${words.length}`, index);
      const value = readValue(words[0], index, 1);
      const i = cursorRow;
      const j = cursorColumn;
      data[i + j * rows] = value;
      cursorRow++;
      if (cursorRow >= rows) {
        cursorColumn++;
        cursorRow = diagonalOffset < 0 ? 0 : cursorColumn + diagonalOffset;
      }
      if (symmetry !== 'general' && i !== j)
        data[j + i * rows] = symmetry === 'symmetric' ? value : -value;
    }
    count++;
  }
  if (count < declared) {
    fail(`${declared} entries are declared, but the file ends after ${count}`, lines.length - 1);
  }
  return {
    matrix: { rows, cols, data },
    layout: layout as MatrixMarketLayout,
    field: fieldName,
    symmetry: symmetry as MatrixMarketSymmetry,
    entriesRead: count,
    comments,
  };

  function readIndex(
    word: string,
    limit: number,
    what: string,
    lineIndex: number,
    column: number,
  ): number {
    if (!integerPattern.test(word))
      fail(`the ${what} ${quoteForMessage(word)} is not an integer`, lineIndex, column);
    const value = Number(word);
    if (value < 1 || value > limit) {
      fail(`the ${what} ${word} is outside 1..${limit}`, lineIndex, column);
    }
    return value - 1;
  }
}

export interface MatrixMarketWriteOptions {
  layout?: MatrixMarketLayout;
  comment?: string;
}

/** A general real .mtx file of the matrix; numbers in shortest round-trip form. */
export function writeMatrixMarket(matrix: Matrix, options: MatrixMarketWriteOptions = {}): string {
  const layout = options.layout ?? 'array';
  const { rows, cols, data } = matrix;
  const lines = [`%%MatrixMarket matrix ${layout} real general`];
  if (options.comment) for (const line of options.comment.split('\n')) lines.push('% ' + line);
  if (layout === 'array') {
    lines.push(`${rows} ${cols}`);
    for (let k = 0; k < rows * cols; k++) lines.push(formatMatrixMarketNumber(data[k]));
  } else {
    const entries: string[] = [];
    for (let j = 0; j < cols; j++) {
      for (let i = 0; i < rows; i++) {
        const value = data[i + j * rows];
        if (value !== 0) entries.push(`${i + 1} ${j + 1} ${formatMatrixMarketNumber(value)}`);
      }
    }
    lines.push(`${rows} ${cols} ${entries.length}`);
    // Joined separately: spreading a million entries into push() overflows the stack.
    return lines.join('\n') + '\n' + entries.map((entry) => entry + '\n').join('');
  }
  return lines.join('\n') + '\n';
}

function formatMatrixMarketNumber(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return String(value);
}
