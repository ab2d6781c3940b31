// A project matrix's cells as the dense column-major matrix the jobs take, by core's one cell
// parser (core/project/matrix-from-cells.ts); a cell that is not a number becomes the error.
import {
  matrixFromCells as parseCells,
  type CellMatrix,
} from '../../../core/project/matrix-from-cells';

/** A Matrix whose data owns a plain ArrayBuffer, as the job schemas (z.instanceof) require. */
export type RequestMatrix = CellMatrix;

export type ParsedMatrix = { matrix: RequestMatrix; error: null } | { matrix: null; error: string };

export function matrixFromCells(cells: readonly (readonly string[])[]): ParsedMatrix {
  try {
    return { matrix: parseCells(cells), error: null };
  } catch (error) {
    return { matrix: null, error: error instanceof Error ? error.message : String(error) };
  }
}
