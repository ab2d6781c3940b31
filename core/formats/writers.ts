// Writes a matrix as text for other tools: CSV, MATLAB, numpy and LaTeX. Takes either a grid of
// exact strings ("1/2" stays a fraction) or a Float64 Matrix, whose numbers are written in the
// shortest form that reads back to the same double. Cost O(entries).

import type { Matrix } from '../linalg/matrix';

export type MatrixOrGrid = Matrix | readonly (readonly string[])[];

type Target = 'csv' | 'matlab' | 'numpy' | 'latex';

/** The shortest text that reads back to exactly this double (JavaScript's Number→String). */
export function shortestNumberText(value: number): string {
  return String(value);
}

function nonFinite(value: number, target: Target): string {
  const negative = value < 0 ? '-' : '';
  if (Number.isNaN(value)) {
    return { csv: 'nan', matlab: 'NaN', numpy: 'np.nan', latex: '\\text{NaN}' }[target];
  }
  return negative + { csv: 'inf', matlab: 'Inf', numpy: 'np.inf', latex: '\\infty' }[target];
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
}

/** RFC 4180 text; fields with the delimiter, quotes, line breaks or edge spaces are quoted. */
export function writeCsv(input: MatrixOrGrid, options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const lineEnding = options.lineEnding ?? '\n';
  const quote = (field: string) =>
    field.includes(delimiter) || /["\r\n]|^\s|\s$/.test(field)
      ? '"' + field.replace(/"/g, '""') + '"'
      : field;
  const lines: string[] = [];
  if (options.header) lines.push(options.header.map(quote).join(delimiter));
  for (const row of gridOf(input, 'csv').cells) lines.push(row.map(quote).join(delimiter));
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
