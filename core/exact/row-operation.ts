/** The three elementary row operations: swap two rows, scale one, add a multiple of one to another. */
export type StepKind = 'swap' | 'scale' | 'add';
