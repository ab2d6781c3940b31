// The project's matrices, parsed to the dense form the jobs take, for the Lab's pickers.
import { useMemo } from 'react';
import { useProject } from '../../workbench/app-context';
import { matrixFromCells, type RequestMatrix } from '../spectrum/matrix-from-cells';

export interface ProjectMatrix {
  id: string;
  name: string;
  /** null when an entry is not a number. */
  matrix: RequestMatrix | null;
  error: string | null;
}

export function useProjectMatrices(): ProjectMatrix[] {
  const documents = useProject((state) => state.document.matrices);
  return useMemo(
    () =>
      documents.map((document) => {
        const parsed = matrixFromCells(document.entries);
        return { id: document.id, name: document.name, matrix: parsed.matrix, error: parsed.error };
      }),
    [documents],
  );
}

/** Label for a picker option: name and size. */
export function matrixLabel(entry: ProjectMatrix): string {
  return entry.matrix
    ? `${entry.name} (${entry.matrix.rows}×${entry.matrix.cols})`
    : `${entry.name} (not numeric)`;
}
