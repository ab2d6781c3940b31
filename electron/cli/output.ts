// Printing results: JSON for scripts (non-finite numbers as strings JSON can carry), or a
// short aligned report for people.
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
      ? value.map((item) => formatNumber(item)).join(' ')
      : formatNumber(value);
    process.stdout.write(`${label.padEnd(width)}  ${text}\n`);
  }
}

function formatNumber(value: unknown): string {
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : value.toPrecision(6);
  if (value === null || value === undefined) return '—';
  return String(value);
}
