// What the Reduce view's panels share: their props, and a vector or two matrices laid out as one.
import type { ReductionTrace, Scalar, ScalarMatrix } from './trace-model';

export interface PanelProps {
  trace: ReductionTrace;
  stepIndex: number;
}

export function column(vector: readonly Scalar[]): ScalarMatrix {
  return vector.map((value) => [value]);
}

export function joinColumns(left: ScalarMatrix, right: ScalarMatrix): ScalarMatrix {
  return left.map((row, i) => [...row, ...right[i]]);
}
