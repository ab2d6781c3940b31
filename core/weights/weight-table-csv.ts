// `rankscope analyze --csv`: the weight table's columns in order, shapes joined with "x", numbers
// in full, RFC 4180 quoting (weightCsvCell, which the Lab's checkpoint CSV quotes with too).
import type { WeightRow } from './weight-row';

export const weightCsvColumns = [
  'name',
  'shape',
  'rows',
  'cols',
  'dtype',
  'rank',
  'stableRank',
  'effectiveRank',
  'sigmaMax',
  'condition',
  'energyRank90',
  'energyRank95',
  'energyRank99',
  'noiseRank',
  'factorParameters',
] as const satisfies readonly (keyof WeightRow)[];

export function weightCsvCell(value: unknown): string {
  const text = Array.isArray(value) ? value.join('x') : String(value ?? '');
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function weightCsvHeader(): string {
  return weightCsvColumns.join(',');
}

export function weightCsvLine(
  row: Partial<Record<(typeof weightCsvColumns)[number], unknown>>,
): string {
  return weightCsvColumns.map((column) => weightCsvCell(row[column])).join(',');
}
