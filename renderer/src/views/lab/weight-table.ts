// The Lab's weight table as data: its columns, sorting, filtering and the CSV export (the same
// columns and cell format as `rankscope analyze --csv`, so a table saved from the app and one
// printed by the CLI can be diffed).
import type { WeightTableRow } from '../../../../core/protocol/files';
import {
  weightCsvColumns,
  weightCsvHeader,
  weightCsvLine,
} from '../../../../core/jobs/weight-table-csv';
import { formatValue } from '../../figures/svg';

export type ColumnKey =
  | 'name'
  | 'shape'
  | 'dtype'
  | 'rank'
  | 'stableRank'
  | 'effectiveRank'
  | 'sigmaMax'
  | 'condition'
  | 'energyRank90'
  | 'energyRank95'
  | 'energyRank99'
  | 'noiseRank'
  | 'factorParameters';

export interface TableColumn {
  key: ColumnKey;
  title: string;
  /** What the header's tooltip explains. */
  description: string;
  numeric: boolean;
  cell(row: WeightTableRow): string;
}

const integer = new Intl.NumberFormat('en-US');

export const tableColumns: TableColumn[] = [
  {
    key: 'name',
    title: 'name',
    description: 'tensor name',
    numeric: false,
    cell: (row) => row.name,
  },
  {
    key: 'shape',
    title: 'shape',
    description: 'shape as stored (N-D tensors are reshaped to out × rest)',
    numeric: false,
    cell: (row) => row.shape.join('×'),
  },
  {
    key: 'dtype',
    title: 'dtype',
    description: 'element type in the file',
    numeric: false,
    cell: (row) => row.dtype,
  },
  {
    key: 'rank',
    title: 'rank',
    description: 'numerical rank under the chosen policy',
    numeric: true,
    cell: (row) => String(row.rank),
  },
  {
    key: 'stableRank',
    title: 'stable rank',
    description: '‖W‖²_F / ‖W‖²₂',
    numeric: true,
    cell: (row) => row.stableRank.toFixed(2),
  },
  {
    key: 'effectiveRank',
    title: 'effective rank',
    description: 'exp of the entropy of σᵢ/Σσ (Roy & Vetterli)',
    numeric: true,
    cell: (row) => row.effectiveRank.toFixed(2),
  },
  {
    key: 'sigmaMax',
    title: 'σ₁',
    description: 'largest singular value, the spectral norm',
    numeric: true,
    cell: (row) => formatValue(row.sigmaMax),
  },
  {
    key: 'condition',
    title: 'condition',
    description: 'σ₁ / σ_min',
    numeric: true,
    cell: (row) => formatValue(row.condition),
  },
  {
    key: 'energyRank90',
    title: 'energy 90 %',
    description: 'smallest r keeping 90 % of Σσᵢ²',
    numeric: true,
    cell: (row) => String(row.energyRank90),
  },
  {
    key: 'energyRank95',
    title: 'energy 95 %',
    description: 'smallest r keeping 95 % of Σσᵢ²',
    numeric: true,
    cell: (row) => String(row.energyRank95),
  },
  {
    key: 'energyRank99',
    title: 'energy 99 %',
    description: 'smallest r keeping 99 % of Σσᵢ²',
    numeric: true,
    cell: (row) => String(row.energyRank99),
  },
  {
    key: 'noiseRank',
    title: 'noise-edge rank',
    description: 'values above the Marchenko–Pastur edge',
    numeric: true,
    cell: (row) => String(row.noiseRank),
  },
  {
    key: 'factorParameters',
    title: 'r(m+n) params',
    description: 'parameters of a rank-r factorization (m·n dense)',
    numeric: true,
    cell: (row) => integer.format(row.factorParameters),
  },
];

export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  key: ColumnKey;
  direction: SortDirection;
}

function sortValue(row: WeightTableRow, key: ColumnKey): number | string {
  if (key === 'shape') return row.rows * row.cols;
  return row[key];
}

/** A stable sort (ties keep file order); NaN sorts last in both directions. */
export function sortRows(
  rows: readonly WeightTableRow[],
  sort: SortState | null,
): WeightTableRow[] {
  const indexed = rows.map((row, index) => ({ row, index }));
  if (!sort) return rows.slice();
  const sign = sort.direction === 'ascending' ? 1 : -1;
  indexed.sort((first, second) => {
    const a = sortValue(first.row, sort.key);
    const b = sortValue(second.row, sort.key);
    let order: number;
    if (typeof a === 'string' || typeof b === 'string')
      order = sign * String(a).localeCompare(String(b));
    else if (Number.isNaN(a) || Number.isNaN(b))
      order = Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : -1;
    else order = sign * (a - b);
    return order !== 0 ? order : first.index - second.index;
  });
  return indexed.map(({ row }) => row);
}

/** Clicking a header: a new column sorts text ascending and numbers descending; again flips it. */
export function nextSort(current: SortState | null, column: TableColumn): SortState {
  if (current?.key === column.key) {
    return {
      key: column.key,
      direction: current.direction === 'ascending' ? 'descending' : 'ascending',
    };
  }
  return { key: column.key, direction: column.numeric ? 'descending' : 'ascending' };
}

/** Case-insensitive; every whitespace-separated word must appear in the name, file or dtype. */
export function filterRows(rows: readonly WeightTableRow[], query: string): WeightTableRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows.slice();
  return rows.filter((row) => {
    const haystack = `${row.file} ${row.name} ${row.dtype}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** The columns of `rankscope analyze --csv`, in its order (one definition in core). */
export const csvColumns = weightCsvColumns;

export function tableCsv(rows: readonly WeightTableRow[]): string {
  const lines = [weightCsvHeader()];
  for (const row of rows) lines.push(weightCsvLine(row));
  return lines.join('\n') + '\n';
}
