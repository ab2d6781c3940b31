// Printing results: JSON for scripts (non-finite numbers as strings JSON can carry), or a
// short aligned report for people.
import { formatNumber } from '../../core/number-shown';

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

export function printReport(lines: [string, unknown][]): void {
  const width = Math.max(...lines.map(([label]) => label.length));
  for (const [label, value] of lines) {
    const text = Array.isArray(value)
      ? value.map((item) => formatCell(item, 6)).join(' ')
      : formatCell(value);
    process.stdout.write(`${label.padEnd(width)}  ${text}\n`);
  }
}

function formatCell(value: unknown, significantDigits = 3): string {
  // The app's one number style (core/number-shown), so a tolerance reads the same in both.
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : formatNumber(value, significantDigits);
  if (value === null || value === undefined) return '—';
  return String(value);
}
