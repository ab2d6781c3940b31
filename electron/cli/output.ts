// Printing results: an aligned table for people (colour only on a terminal, never with NO_COLOR),
// JSON for programs (non-finite numbers as strings JSON can carry), CSV and LaTeX where they apply.
// Numbers for people are written in the app's one style (core/number-shown): a tolerance reads
// the same in the terminal as in the Inspector.
import { formatNumber } from '../../core/number-shown';

export interface Styles {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
}

const plain: Styles = { bold: (text) => text, dim: (text) => text, red: (text) => text };
const ansi: Styles = {
  bold: (text) => `\x1b[1m${text}\x1b[22m`,
  dim: (text) => `\x1b[2m${text}\x1b[22m`,
  red: (text) => `\x1b[31m${text}\x1b[39m`,
};

/** Colour for a stream that is a terminal, unless NO_COLOR is set (https://no-color.org). */
export function stylesFor(stream: { isTTY?: boolean }): Styles {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  return stream.isTTY && !noColor && process.env.TERM !== 'dumb' ? ansi : plain;
}

export function printJson(value: unknown): void {
  process.stdout.write(
    JSON.stringify(
      value,
      (_key, item: unknown) => {
        if (typeof item === 'number' && !Number.isFinite(item)) return String(item);
        if (item instanceof Float64Array) return Array.from(item);
        return item;
      },
      2,
    ) + '\n',
  );
}

export type TableRow = [label: string, value: string | number | null | undefined];

/** Label–value lines, labels padded to one column; values in bold where `emphasis` says. */
export function printTable(rows: TableRow[], options: { emphasis?: string[] } = {}): void {
  const styles = stylesFor(process.stdout);
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) {
    const text = formatValue(value);
    const shown = options.emphasis?.includes(label) ? styles.bold(text) : text;
    process.stdout.write(`${styles.dim(label.padEnd(width))}  ${shown}\n`);
  }
}

/** A grid of cells, each column right-aligned (an RREF, a list of singular values). */
export function printGrid(cells: readonly (readonly string[])[], indent = '  '): void {
  const widths: number[] = [];
  for (const row of cells)
    row.forEach((cell, j) => (widths[j] = Math.max(widths[j] ?? 0, cell.length)));
  for (const row of cells)
    process.stdout.write(indent + row.map((cell, j) => cell.padStart(widths[j])).join('  ') + '\n');
}

/** RFC 4180 lines: a header, then one line per row. */
export function printCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): void {
  const field = (value: unknown) => {
    const text =
      typeof value === 'number'
        ? String(value)
        : value === null || value === undefined
          ? ''
          : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  process.stdout.write([header, ...rows].map((row) => row.map(field).join(',')).join('\n') + '\n');
}

export function formatValue(value: unknown): string {
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return String(value);
    if (!Number.isFinite(value)) return String(value);
    return formatNumber(value, 6);
  }
  if (value === null || value === undefined) return '—';
  return String(value);
}
