// The view's matrix: the project matrix with this id as numbers (useNumericMatrix: parsed cells,
// or a dense matrix's numbers read from the host), with `parsed` as the figure views read it.
import { useMemo } from 'react';
import { useNumericMatrix, type NumericMatrix } from '../../state/use-numeric-matrix';
import type { RequestMatrix } from '../../state/matrix-from-cells';

export interface ViewMatrix extends NumericMatrix {
  /** Both null while a dense matrix's numbers are on their way (`loading`). */
  parsed: { matrix: RequestMatrix | null; error: string | null };
}

export function useMatrix(matrixId: string): ViewMatrix | null {
  const numeric = useNumericMatrix(matrixId);
  return useMemo(
    () =>
      numeric ? { ...numeric, parsed: { matrix: numeric.matrix, error: numeric.error } } : null,
    [numeric],
  );
}
