// Turns a project matrix's exact strings into the dense column-major matrix the jobs take.
import { parseEntryMatrix } from '../../../core/exact/entry';
import { fromRows } from '../../../core/linalg/matrix';

/** A Matrix whose data owns a plain ArrayBuffer, as the job schemas (z.instanceof) require. */
export interface RequestMatrix {
  rows: number;
  cols: number;
  data: Float64Array<ArrayBuffer>;
}

export type ParsedMatrix = { matrix: RequestMatrix; error: null } | { matrix: null; error: string };

export function matrixFromCells(cells: readonly (readonly string[])[]): ParsedMatrix {
  try {
    const dense = fromRows(parseEntryMatrix(cells).approx);
    return {
      matrix: { rows: dense.rows, cols: dense.cols, data: new Float64Array(dense.data) },
      error: null,
    };
  } catch (error) {
    return { matrix: null, error: error instanceof Error ? error.message : String(error) };
  }
}
