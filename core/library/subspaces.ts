// The four fundamental subspaces and the principal angles between column spaces, as the
// subspaces and Grassmann jobs compute them (core/rank/subspaces.ts, core/rank/angles.ts).
// Cost: one SVD with vectors per matrix, O(mn·min(m,n)).
import {
  grassmannDistances,
  orthonormalBasis,
  principalAngles as angles,
  type GrassmannDistances,
} from '../rank/angles';
import { fundamentalSubspaces, type FundamentalSubspaces } from '../rank/subspaces';
import type { RankPolicy } from '../rank/policies';
import { asMatrix, type MatrixLike } from './entries';

/** Orthonormal bases of col(A), row(A), null(A) and null(Aᵀ) at the policy's rank (default numpy's). */
export function subspaces(
  input: MatrixLike,
  options: { policy?: RankPolicy } = {},
): FundamentalSubspaces {
  return fundamentalSubspaces(asMatrix(input), { policy: options.policy });
}

/**
 * Principal angles in radians between the column spaces of A and B (same number of rows),
 * descending, as scipy.linalg.subspace_angles returns them.
 */
export function principalAngles(a: MatrixLike, b: MatrixLike): Float64Array {
  return angles(orthonormalBasis(asMatrix(a)), orthonormalBasis(asMatrix(b)), {
    orthonormal: true,
  });
}

/** Geodesic, chordal and projection distances between the column spaces on the Grassmannian. */
export function subspaceDistances(a: MatrixLike, b: MatrixLike): GrassmannDistances {
  const basisA = orthonormalBasis(asMatrix(a));
  const basisB = orthonormalBasis(asMatrix(b));
  return grassmannDistances(
    angles(basisA, basisB, { orthonormal: true }),
    basisA.cols,
    basisB.cols,
  );
}
