// The Lab's checkpoint table as data: one row per matrix of the checkpoint (from the report's
// header, so every row is listed before any pass finishes), its columns marked by the pass that
// fills them (quick: the randomized sketch; full: every singular value), sorting, filtering and
// the CSV. A full row's rank is re-decided under the chosen policy from its singular values.
import { decideRank, type RankDecision, type RankPolicy } from '../../../../core/rank/policies';
import type { ReportHeader, TensorReport } from '../../../../core/weights/report';
import type { FullPass, QuickPass } from '../../../../core/weights/spectrum-passes';
import { asciiNumber, formatNumber } from '../../../../core/number-shown';
import { formatBytes } from '../../../../core/quantities';
import { weightCsvCell } from '../../../../core/weights/weight-table-csv';

export interface CheckpointRow {
  name: string;
  shape: number[];
  dtype: string;
  /** "Q4_K, 4.5 bits" for a quantized tensor. */
  quantization?: string;
  rows: number;
  cols: number;
  bytes: number;
  reshaped?: string;
  quick?: QuickPass;
  full?: FullPass;
  /** The full pass's rank under the chosen policy. */
  decision?: RankDecision;
  failures: string[];
}

export type ColumnPass = 'table' | 'quick' | 'full';

export interface CheckpointColumn {
  key: string;
  title: string;
  /** The header's text where the title is too wide for the table (the title is its tooltip). */
  short?: string;
  description: string;
  pass: ColumnPass;
  numeric: boolean;
  /** The cell's text; undefined while its pass has not run. */
  cell(row: CheckpointRow): string | undefined;
  /** The value sorted by (NaN while unknown, which sorts last). */
  value(row: CheckpointRow): number | string;
  /** The CSV's field, in full where the cell rounds; the cell's text when absent. */
  csv?(row: CheckpointRow): string | undefined;
}

/** A measure in full for the CSV (the table shows three digits). */
const full = (value: number | undefined) => (value === undefined ? undefined : String(value));

/** The rows of a report (header order): matrices, and anything else a run analysed. */
export function checkpointRows(
  header: ReportHeader,
  tensors: ReadonlyMap<string, TensorReport>,
  policy: RankPolicy,
): CheckpointRow[] {
  return header.checkpoint.tensors
    .filter((tensor) => tensor.shape.length >= 2 || tensors.has(tensor.name))
    .map((tensor) => {
      const known = tensors.get(tensor.name);
      const rows = known?.rows || tensor.shape[0] || 1;
      const cols =
        known?.cols || tensor.shape.slice(1).reduce((product, extent) => product * extent, 1);
      const row: CheckpointRow = {
        name: tensor.name,
        shape: tensor.shape,
        dtype: tensor.dtype,
        rows,
        cols,
        bytes: tensor.bytes,
        failures:
          known?.failures.map((failure) => `${failure.pass} pass: ${failure.message}`) ?? [],
      };
      if (tensor.quantization)
        row.quantization = `${tensor.quantization.scheme}, ${tensor.quantization.bitsPerWeight} bits`;
      if (known?.reshaped) row.reshaped = known.reshaped;
      if (known?.quick) row.quick = known.quick;
      if (known?.full) {
        row.full = known.full;
        row.decision = decideRank(Float64Array.from(known.full.singularValues), row, policy);
      }
      return row;
    });
}

const unknown = Number.NaN;

export const checkpointColumns: CheckpointColumn[] = [
  {
    key: 'name',
    title: 'name',
    description: 'tensor name',
    pass: 'table',
    numeric: false,
    cell: (row) => row.name,
    value: (row) => row.name,
  },
  {
    key: 'shape',
    title: 'shape',
    description: 'shape as stored (N-D tensors are reshaped to out × rest)',
    pass: 'table',
    numeric: false,
    cell: (row) => row.shape.join('×'),
    value: (row) => row.rows * row.cols,
  },
  {
    key: 'dtype',
    title: 'dtype',
    description: 'element type in the file; quantized types are dequantized for the spectrum',
    pass: 'table',
    numeric: false,
    // "Q4_K, 4.5 bits" rather than "Q4_K (Q4_K, 4.5 bits)" when the scheme is the dtype.
    cell: (row) =>
      row.quantization
        ? row.quantization.startsWith(`${row.dtype},`)
          ? row.quantization
          : `${row.dtype} (${row.quantization})`
        : row.dtype,
    value: (row) => row.dtype,
  },
  {
    key: 'bytes',
    title: 'size',
    description: 'bytes of the tensor in the file',
    pass: 'table',
    numeric: true,
    cell: (row) => formatBytes(row.bytes),
    value: (row) => row.bytes,
    csv: (row) => String(row.bytes),
  },
  {
    key: 'sigmaMax',
    title: 'σ₁',
    description: 'largest singular value (quick: from the sketch, a slight underestimate)',
    pass: 'quick',
    numeric: true,
    cell: (row) => {
      const value = row.full?.sigmaMax ?? row.quick?.sigmaMax;
      return value === undefined ? undefined : formatNumber(value);
    },
    value: (row) => row.full?.sigmaMax ?? row.quick?.sigmaMax ?? unknown,
    csv: (row) => full(row.full?.sigmaMax ?? row.quick?.sigmaMax),
  },
  {
    key: 'frobeniusNorm',
    // Words, not ‖W‖_F: a header and its tooltip are plain text, which cannot lower the F.
    title: 'Frobenius norm',
    short: 'Frob.',
    description: 'the square root of the sum of the squared entries, exact from them',
    pass: 'quick',
    numeric: true,
    cell: (row) => {
      const value = row.quick?.frobeniusNorm ?? row.full?.frobeniusNorm;
      return value === undefined ? undefined : formatNumber(value);
    },
    value: (row) => row.quick?.frobeniusNorm ?? row.full?.frobeniusNorm ?? unknown,
    csv: (row) => full(row.quick?.frobeniusNorm ?? row.full?.frobeniusNorm),
  },
  {
    key: 'stableRank',
    title: 'stable rank',
    short: 'stable',
    // A tooltip is plain text: Σσᵢ² is ‖W‖²_F written without a script no font can raise.
    description: 'Σσᵢ² / σ₁²: the squared Frobenius norm over the squared largest singular value',
    pass: 'quick',
    numeric: true,
    cell: (row) => {
      const value = (row.full ?? row.quick)?.stableRank;
      return value === undefined ? undefined : formatNumber(value);
    },
    value: (row) => (row.full ?? row.quick)?.stableRank ?? unknown,
    csv: (row) => full((row.full ?? row.quick)?.stableRank),
  },
  {
    key: 'noiseRank',
    title: 'noise-edge rank',
    short: 'noise',
    description:
      'singular values above the Marchenko–Pastur edge (quick: “≥” when every sketched value is above it)',
    pass: 'quick',
    numeric: true,
    cell: (row) =>
      row.full
        ? String(row.full.noiseRank)
        : row.quick
          ? `${row.quick.noiseRankIsLowerBound ? '≥ ' : ''}${row.quick.noiseRank}`
          : undefined,
    value: (row) => row.full?.noiseRank ?? row.quick?.noiseRank ?? unknown,
  },
  {
    key: 'rank',
    title: 'rank',
    description: 'numerical rank under the chosen policy',
    pass: 'full',
    numeric: true,
    cell: (row) => (row.decision ? String(row.decision.rank) : undefined),
    value: (row) => row.decision?.rank ?? unknown,
  },
  {
    key: 'effectiveRank',
    title: 'effective rank',
    short: 'eff.',
    description: 'exp of the entropy of σᵢ/Σσ (Roy & Vetterli)',
    pass: 'full',
    numeric: true,
    cell: (row) => (row.full ? formatNumber(row.full.effectiveRank) : undefined),
    value: (row) => row.full?.effectiveRank ?? unknown,
    csv: (row) => full(row.full?.effectiveRank),
  },
  {
    key: 'condition',
    title: 'condition number',
    short: 'κ',
    description: 'σ₁ / σₘᵢₙ: the largest singular value over the smallest',
    pass: 'full',
    numeric: true,
    cell: (row) => (row.full ? formatNumber(row.full.condition) : undefined),
    value: (row) => row.full?.condition ?? unknown,
    csv: (row) => full(row.full?.condition),
  },
  ...([90, 95, 99] as const).map((percent): CheckpointColumn => ({
    key: `energyRank${percent}`,
    title: `energy ${percent} %`,
    short: `E${percent}`,
    description: `smallest r keeping ${percent} % of Σσᵢ²`,
    pass: 'full',
    numeric: true,
    cell: (row) => (row.full ? String(row.full[`energyRank${percent}`]) : undefined),
    value: (row) => row.full?.[`energyRank${percent}`] ?? unknown,
  })),
  {
    key: 'factorParameters',
    title: 'r(m+n) params',
    short: 'params',
    description: 'parameters of a rank-r factorization (m·n dense)',
    pass: 'full',
    numeric: true,
    cell: (row) =>
      row.decision ? formatNumber(row.decision.rank * (row.rows + row.cols)) : undefined,
    value: (row) => (row.decision ? row.decision.rank * (row.rows + row.cols) : unknown),
    csv: (row) => full(row.decision && row.decision.rank * (row.rows + row.cols)),
  },
];

export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  key: string;
  direction: SortDirection;
}

/** A stable sort (ties keep table order); unknown values sort last in both directions. */
export function sortCheckpointRows(
  rows: readonly CheckpointRow[],
  sort: SortState | null,
): CheckpointRow[] {
  const column = sort && checkpointColumns.find((candidate) => candidate.key === sort.key);
  if (!sort || !column) return rows.slice();
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: column.value(row) }))
    .sort((first, second) => {
      const a = first.value;
      const b = second.value;
      let order: number;
      if (typeof a === 'string' || typeof b === 'string')
        order = sign * String(a).localeCompare(String(b));
      else if (Number.isNaN(a) || Number.isNaN(b))
        order = Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : -1;
      else order = sign * (a - b);
      return order !== 0 ? order : first.index - second.index;
    })
    .map(({ row }) => row);
}

/** Clicking a header: a new column sorts text ascending and numbers descending; again flips it. */
export function nextSort(current: SortState | null, column: CheckpointColumn): SortState {
  if (current?.key === column.key)
    return {
      key: column.key,
      direction: current.direction === 'ascending' ? 'descending' : 'ascending',
    };
  return { key: column.key, direction: column.numeric ? 'descending' : 'ascending' };
}

/** Case-insensitive; every whitespace-separated word must appear in the name or dtype. */
export function filterCheckpointRows(
  rows: readonly CheckpointRow[],
  query: string,
): CheckpointRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows.slice();
  return rows.filter((row) => {
    const haystack = `${row.name} ${row.dtype} ${row.quantization ?? ''}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** The table as CSV: every column, the pass in each header, empty where a pass has not run. */
export function checkpointCsv(rows: readonly CheckpointRow[]): string {
  const header = checkpointColumns.map((column) =>
    weightCsvCell(column.pass === 'table' ? column.key : `${column.key} (${column.pass})`),
  );
  const lines = [header.join(',')];
  for (const row of rows)
    lines.push(
      checkpointColumns
        .map((column) =>
          weightCsvCell(
            column.csv
              ? column.csv(row)
              : column.numeric
                ? asciiNumber(column.cell(row) ?? '')
                : column.cell(row),
          ),
        )
        .join(','),
    );
  return lines.join('\n') + '\n';
}
