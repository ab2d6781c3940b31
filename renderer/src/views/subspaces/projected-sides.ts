// The projection behind ProjectedScenes: each side's two spaces drawn as they are in ℝ¹–ℝ³, or
// projected onto three chosen coordinates or the top three singular directions, with labels that
// keep the true dimensions, and the sentences that say what was projected onto what.
import type { Matrix } from '../../../../core/linalg/matrix';
import { realSpace, spaceLabel } from '../../figures/subspace-geometry';
import {
  coordinateProjector,
  projectedLabel,
  projectionPhrase,
  projectSpace,
  singularProjector,
} from '../../figures/subspace-projection';
import type { LabelledSpace } from './SubspaceCanvas';

export interface ProjectableSubspaces {
  rows: number;
  cols: number;
  rank: number;
  column: Matrix;
  row: Matrix;
  null: Matrix;
  leftNull: Matrix;
}

export type ProjectionMode = 'coordinates' | 'singular';

export interface Side {
  ambient: number;
  first: { key: string; name: string; basis: Matrix; colour: string };
  second: { key: string; name: string; basis: Matrix; colour: string };
  singularSide: 'right' | 'left';
}

export function notice(
  result: ProjectableSubspaces,
  domainPhrase: string | null,
  codomainPhrase: string | null,
): string {
  const parts = [
    domainPhrase
      ? `the domain ${realSpace(result.cols)} is ${domainPhrase}`
      : `the domain ${realSpace(result.cols)} is drawn as it is`,
    codomainPhrase
      ? `the codomain ${realSpace(result.rows)} is ${codomainPhrase}`
      : `the codomain ${realSpace(result.rows)} is drawn as it is`,
  ];
  return (
    `This 3D view is a projection: ${parts.join('; ')}. ` +
    'A projected space can look smaller than it is; the labels give each true dimension.'
  );
}

/** Three distinct coordinates within 1..n, keeping the person's picks where they still fit. */
export function fitCoordinates(chosen: readonly number[], n: number): number[] {
  return chosen.map((coordinate, index) => (coordinate <= n ? coordinate : Math.min(index + 1, n)));
}

export function projectSide(
  side: Side,
  mode: ProjectionMode,
  coordinates: readonly number[],
): { spaces: LabelledSpace[]; phrase: string | null } {
  const { ambient, first, second } = side;
  if (ambient <= 3) {
    // Already fits in the scene: drawn as it is.
    return {
      phrase: null,
      spaces: [first, second].map((space) => ({
        key: space.key,
        basis: space.basis,
        ambient,
        colour: space.colour,
        label: spaceLabel(space.name, ambient, space.basis.cols),
      })),
    };
  }
  const projector =
    mode === 'coordinates'
      ? coordinateProjector(coordinates, ambient)
      : singularProjector(first.basis, second.basis);
  return {
    phrase: projectionPhrase(mode, coordinates, side.singularSide),
    spaces: [first, second].map((space) => {
      const projected = projectSpace(projector, space.basis);
      return {
        key: space.key,
        basis: projected,
        ambient: 3,
        colour: space.colour,
        label: projectedLabel(space.name, ambient, space.basis.cols, projected.cols),
      };
    }),
  };
}

/** One line for an exported figure: what the scenes are projected onto. */
export function projectionSummary(
  result: Pick<ProjectableSubspaces, 'rows' | 'cols'>,
  mode: ProjectionMode,
  domainCoordinates: readonly number[],
  codomainCoordinates: readonly number[],
): string {
  const sides: string[] = [];
  if (result.cols > 3)
    sides.push(
      mode === 'coordinates'
        ? `domain onto coordinates ${domainCoordinates.join(', ')}`
        : 'domain onto the top three right singular vectors',
    );
  if (result.rows > 3)
    sides.push(
      mode === 'coordinates'
        ? `codomain onto coordinates ${codomainCoordinates.join(', ')}`
        : 'codomain onto the top three left singular vectors',
    );
  return `Projected: ${sides.join('; ')}. Labels give true dimensions.`;
}
