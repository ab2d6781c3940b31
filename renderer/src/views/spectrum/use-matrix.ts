// The view's matrix: the project matrix with this id, parsed once per edit.
import { useMemo } from 'react';
import { useProject } from '../../workbench/app-context';
import { matrixFromCells, type ParsedMatrix } from './matrix-from-cells';

export interface ViewMatrix {
  name: string;
  parsed: ParsedMatrix;
}

export function useMatrix(matrixId: string): ViewMatrix | null {
  const document = useProject((state) =>
    state.document.matrices.find((matrix) => matrix.id === matrixId),
  );
  return useMemo(
    () => (document ? { name: document.name, parsed: matrixFromCells(document.entries) } : null),
    [document],
  );
}
