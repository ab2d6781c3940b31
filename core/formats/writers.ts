// Writes a matrix as text for other tools: CSV / TSV / ';' with decimal commas, whitespace, MATLAB,
// Julia, numpy, Python, JSON, Mathematica, R and LaTeX — every notation matrix-text.ts reads, so
// each round-trips. Takes either a grid of
// exact strings ("1/2" stays a fraction) or a Float64 Matrix, whose numbers are written in the
// shortest form that reads back to the same double. Cost O(entries).

import type { Matrix } from '../linalg/matrix';

export type MatrixOrGrid = Matrix | readonly (readonly string[])[];

type Target = 'csv' | 'matlab' | 'numpy' | 'latex' | 'python' | 'mathematica' | 'r';

/** The shortest text that reads back to exactly this double (JavaScript's Number→String). */
export function shortestNumberText(value: number): string {
  return String(value);
}

function nonFinite(value: number, target: Target): string {
  const negative = value < 0 ? '-' : '';
  const names = {
    csv: ['nan', 'inf'],
    matlab: ['NaN', 'Inf'],
    numpy: ['np.nan', 'np.inf'],
    latex: ['\\text{NaN}', '\\infty'],
    python: ['math.nan', 'math.inf'],
    mathematica: ['Indeterminate', 'Infinity'],
    r: ['NaN', 'Inf'],
  }[target];
  return Number.isNaN(value) ? names[0] : negative + names[1];
}

function gridOf(input: MatrixOrGrid, target: Target): { cells: string[][]; cols: number } {
  if ('data' in input) {
    const { rows, cols, data } = input;
    const cells: string[][] = [];
    for (let i = 0; i < rows; i++) {
      const row: string[] = [];
      for (let j = 0; j < cols; j++) {
        const value = data[i + j * rows];
        row.push(Number.isFinite(value) ? shortestNumberText(value) : nonFinite(value, target));
      }
      cells.push(row);
    }
    return { cells, cols };
  }
  const cells = input.map((row) => [...row]);
  return { cells, cols: cells[0]?.length ?? 0 };
}

export interface CsvWriteOptions {
  delimiter?: ',' | ';' | '\t';
  header?: readonly string[];
  lineEnding?: '\n' | '\r\n';
  /** Write "1,5" for 1.5 (with ';' or tab as the delimiter, as European spreadsheets do). */
  decimalComma?: boolean;
}

/** RFC 4180 text; fields with the delimiter, quotes, line breaks or edge spaces are quoted. */
export function writeCsv(input: MatrixOrGrid, options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const lineEnding = options.lineEnding ?? '\n';
  const quote = (field: string) =>
    field.includes(delimiter) || /["\r\n]|^\s|\s$/.test(field)
      ? '"' + field.replace(/"/g, '""') + '"'
      : field;
  if (options.decimalComma && delimiter === ',')
    throw new RangeError('decimal commas need ";" or tab as the delimiter');
  const cell = (text: string) => quote(options.decimalComma ? text.replace('.', ',') : text);
  const lines: string[] = [];
  if (options.header) lines.push(options.header.map(quote).join(delimiter));
  for (const row of gridOf(input, 'csv').cells) lines.push(row.map(cell).join(delimiter));
  return lines.map((line) => line + lineEnding).join('');
}

export interface MatlabWriteOptions {
  name?: string;
  /** One row per line instead of "; " separators on one line. */
  multiline?: boolean;
}

/** A MATLAB / Octave assignment: `A = [1 2; 3 4];`. */
export function writeMatlab(input: MatrixOrGrid, options: MatlabWriteOptions = {}): string {
  const name = options.name ?? 'A';
  const { cells, cols } = gridOf(input, 'matlab');
  if (cells.length === 0 || cols === 0) {
    return cells.length === 0 && cols === 0
      ? `${name} = [];`
      : `${name} = zeros(${cells.length}, ${cols});`;
  }
  // Inside brackets a space separates elements, so a cell with spaces is parenthesized.
  const element = (cell: string) => (/\s/.test(cell.trim()) ? `(${cell.trim()})` : cell.trim());
  const rows = cells.map((row) => row.map(element).join(' '));
  const indent = ' '.repeat(name.length + 4);
  return `${name} = [${rows.join(options.multiline ? '\n' + indent : '; ')}];`;
}

/** A numpy expression: `np.array([[1, 2], [3, 4]])`. */
export function writeNumpy(input: MatrixOrGrid): string {
  const { cells, cols } = gridOf(input, 'numpy');
  if (cells.length === 0 || cols === 0) return `np.zeros((${cells.length}, ${cols}))`;
  return `np.array([${cells.map((row) => '[' + row.map((cell) => cell.trim()).join(', ') + ']').join(', ')}])`;
}

export interface LatexWriteOptions {
  environment?: 'bmatrix' | 'pmatrix' | 'vmatrix' | 'matrix';
}

/** A LaTeX matrix environment; "1/2" becomes \frac{1}{2} and 1.5e-7 becomes 1.5 \times 10^{-7}. */
export function writeLatex(input: MatrixOrGrid, options: LatexWriteOptions = {}): string {
  const environment = options.environment ?? 'bmatrix';
  const { cells } = gridOf(input, 'latex');
  const body = cells.map((row) => row.map(latexCell).join(' & ')).join(' \\\\\n');
  return `\\begin{${environment}}\n${body}${body ? '\n' : ''}\\end{${environment}}`;
}

/** One cell in LaTeX: fractions as \frac, exponents as powers of ten, other text unchanged. */
export function latexCell(cell: string): string {
  const text = cell.trim();
  const nonFiniteText = /^([+-]?)(inf|infinity|nan)$/i.exec(text);
  if (nonFiniteText) {
    const [, sign, word] = nonFiniteText;
    return word.toLowerCase() === 'nan' ? '\\text{NaN}' : `${sign === '-' ? '-' : ''}\\infty`;
  }
  const fraction = /^([+-]?)([^/\s]+)\s*\/\s*([^/\s]+)$/.exec(text);
  if (fraction) {
    const [, sign, numerator, denominator] = fraction;
    return `${sign === '-' ? '-' : ''}\\frac{${latexCell(numerator)}}{${latexCell(denominator)}}`;
  }
  const exponent = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))[eE]([+-]?)(\d+)$/.exec(text);
  if (exponent) {
    const [, mantissa, sign, power] = exponent;
    return `${mantissa} \\times 10^{${sign === '-' ? '-' : ''}${power}}`;
  }
  return text;
}

/** Whitespace-separated rows, one per line, as np.savetxt and MATLAB's save -ascii write. */
export function writeWhitespace(input: MatrixOrGrid): string {
  return gridOf(input, 'csv')
    .cells.map((row) => row.join(' ') + '\n')
    .join('');
}

/** A Python list of lists, `[[1, 2], [3, 4]]` (math.nan / math.inf for the non-finite). */
export function writePython(input: MatrixOrGrid): string {
  return nested(gridOf(input, 'python').cells, '[', ']');
}

/** A JSON array of arrays; JSON has no NaN, infinity or fraction, so those are refused. */
export function writeJson(input: MatrixOrGrid): string {
  const { cells } = gridOf(input, 'csv');
  for (const row of cells)
    for (const cell of row)
      if (!/^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(cell))
        throw new RangeError(`${JSON.stringify(cell)} is not a number JSON can write`);
  return nested(cells, '[', ']');
}

/** A Julia literal, `[1 2; 3 4]`, with fractions as Julia rationals (1//2). */
export function writeJulia(input: MatrixOrGrid): string {
  const { cells } = gridOf(input, 'matlab');
  const element = (cell: string) => {
    const text = cell.trim();
    if (/^[+-]?\d+\/\d+$/.test(text)) return text.replace('/', '//');
    return /\s/.test(text) ? `(${text})` : text;
  };
  return `[${cells.map((row) => row.map(element).join(' ')).join('; ')}]`;
}

/** A Mathematica list, `{{1, 2}, {3, 4}}`, exponents written 1.5*^-7. */
export function writeMathematica(input: MatrixOrGrid): string {
  const { cells } = gridOf(input, 'mathematica');
  const element = (cell: string) => cell.trim().replace(/[eE]([+-]?\d+)$/, '*^$1');
  return nested(
    cells.map((row) => row.map(element)),
    '{',
    '}',
  );
}

/** An R expression, `matrix(c(1, 2, 3, 4), nrow = 2, byrow = TRUE)`. */
export function writeR(input: MatrixOrGrid): string {
  const { cells, cols } = gridOf(input, 'r');
  const values = cells.flat().map((cell) => cell.trim());
  return `matrix(c(${values.join(', ')}), nrow = ${cells.length}, ncol = ${cols}, byrow = TRUE)`;
}

function nested(cells: string[][], open: string, close: string): string {
  return `${open}${cells.map((row) => open + row.map((cell) => cell.trim()).join(', ') + close).join(', ')}${close}`;
}
