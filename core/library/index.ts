// Rankscope as a library: `import { rank, svd, rref, … } from 'rankscope'`. The same functions the
// app's jobs run, on the same WebAssembly kernels; pure (no node:*, no DOM), so it runs in Node,
// workers and browsers alike. Matrices are { rows, cols, data: Float64Array } column-major, or
// rows of numbers; exact functions also take texts such as "3/4".
export { rank, type RankOptions, type RankPolicyOption, type RankResult } from './rank';
export { singularValues, svd, measures, type ThinSvd } from './decompositions';
export { subspaces, principalAngles, subspaceDistances } from './subspaces';
export { rref, type RrefLibraryOptions } from './rref';
export { asMatrix, type EntriesLike, type MatrixLike } from './entries';
export { fromRows, toRows, type Matrix } from '../linalg/matrix';
export { readMatrixText as readMatrix, textFormats } from '../formats/matrix-text';
export type { MatrixText, TextFormat, EntryKind } from '../formats/matrix-text';
export type { RrefJobResult as RrefResult, RrefJobStep as RrefStep } from '../jobs/rref-result';
export type { FundamentalSubspaces } from '../rank/subspaces';
export type { GrassmannDistances } from '../rank/angles';
export type { Measures } from '../rank/measures';
export type { RankPolicy } from '../rank/policies';
