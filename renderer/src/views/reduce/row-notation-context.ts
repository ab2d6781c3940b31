// The row-operation notation the Reduce view's settings chose, for every part that writes one.
import { createContext, useContext } from 'react';
import type { RowNotation } from '../../../../core/exact/row-notation';

export const RowNotationContext = createContext<RowNotation>('target-first');

export function useRowNotation(): RowNotation {
  return useContext(RowNotationContext);
}
