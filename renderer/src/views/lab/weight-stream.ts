// The weight table while it streams: the host sends each finished row with its progress event
// (ProgressEvent.partial), and the page shows them before the whole table arrives. Also where a
// row can go: the project (and so every view) takes matrices up to 2^24 numbers, larger than the
// editor's 64×64 as read-only numbers.
import type { WeightTableRow } from '../../../../core/protocol/files';
import type { ProgressEvent } from '../../../../core/protocol/host-api';

/** The most numbers a project matrix holds (the host's import cap): larger tensors stay in the Lab. */
export const largestProjectEntries = 2 ** 24;

const numericFields = [
  'rows',
  'cols',
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
  'denseParameters',
] as const;

/** The finished row a progress event carries, or null when it carries none (or not a row). */
export function partialRowOf(event: ProgressEvent): WeightTableRow | null {
  const value = event.partial;
  if (typeof value !== 'object' || value === null) return null;
  const row = value as Record<string, unknown>;
  if (typeof row.file !== 'string' || typeof row.name !== 'string') return null;
  if (typeof row.dtype !== 'string' || typeof row.rankReason !== 'string') return null;
  if (!Array.isArray(row.shape) || !(row.singularValues instanceof Float64Array)) return null;
  if (!numericFields.every((field) => typeof row[field] === 'number')) return null;
  return value as WeightTableRow;
}

/** Adds a streamed row; a second report of the same tensor replaces the first. */
export function withStreamedRow(
  rows: readonly WeightTableRow[],
  row: WeightTableRow,
): WeightTableRow[] {
  const index = rows.findIndex((other) => other.file === row.file && other.name === row.name);
  if (index < 0) return [...rows, row];
  return rows.map((other, position) => (position === index ? row : other));
}

export type RowDestination =
  | { kind: 'project' }
  | {
      kind: 'lab';
      /** Why the tensor cannot join the project, for the person who asked. */
      reason: string;
    };

/** Whether a row's tensor can open in the Spectrum / Approximate views, and why not when not. */
export function destinationFor(
  row: Pick<WeightTableRow, 'name' | 'rows' | 'cols'>,
  view: 'spectrum' | 'approximate',
): RowDestination {
  if (row.rows * row.cols <= largestProjectEntries) return { kind: 'project' };
  const size = `${row.rows}×${row.cols}`;
  const limit = `${largestProjectEntries.toLocaleString('en-US')} numbers`;
  return {
    kind: 'lab',
    reason:
      view === 'spectrum'
        ? `${row.name} is ${size}: project matrices hold at most ${limit}, so its spectrum stays here in the Lab (below).`
        : `${row.name} is ${size}: the Approximate view works on project matrices, which hold at most ${limit}. The scree plot below shows what a rank-r truncation would keep (energy curve).`,
  };
}
