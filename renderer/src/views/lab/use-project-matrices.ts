// The project's matrices as numbers, for the Lab's pickers: small ones parsed, and of those kept
// as numbers (larger than the editor) the chosen ones read from the host (useNumericMatrices).
import { useNumericMatrices, type NumericMatrix } from '../../state/use-numeric-matrix';

export type ProjectMatrix = NumericMatrix;

/** Every project matrix; `chosen` names the ones whose numbers are needed now. */
export function useProjectMatrices(chosen: readonly string[] = []): ProjectMatrix[] {
  return useNumericMatrices(chosen);
}

/** Label for a picker option: name and size. */
export function matrixLabel(entry: ProjectMatrix): string {
  return entry.error && !entry.dense
    ? `${entry.name} (not numeric)`
    : `${entry.name} (${entry.rows}×${entry.cols})`;
}

/** A picker may offer the matrix: its numbers exist or are on their way. */
export function isSelectable(entry: ProjectMatrix): boolean {
  return entry.error === null;
}
