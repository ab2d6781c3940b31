// The Subspaces view for m or n > 3: the four subspaces projected into two 3D scenes, onto three
// coordinates the person picks or onto the top three singular directions. Labels keep each space's
// true ambient space and dimension and say that the picture is a projection.
import { useEffect, useMemo, useState, type Ref } from 'react';
import type { Matrix } from '../../../../core/linalg/matrix';
import { spaceColours } from '../../figures/big-picture';
import { realSpace, spaceLabel } from '../../figures/subspace-geometry';
import {
  coordinateProjector,
  projectedLabel,
  projectionPhrase,
  projectSpace,
  singularProjector,
} from '../../figures/subspace-projection';
import type { FigureTheme } from '../../figures/theme';
import { SubspaceCanvas, type LabelledSpace, type SubspaceCanvasHandle } from './SubspaceCanvas';

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

interface Side {
  ambient: number;
  first: { key: string; name: string; basis: Matrix; colour: string };
  second: { key: string; name: string; basis: Matrix; colour: string };
  singularSide: 'right' | 'left';
}

function notice(
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

const axisNames = ['x axis', 'y axis', 'z axis'] as const;

/** Three distinct coordinates within 1..n, keeping the person's picks where they still fit. */
function fitCoordinates(chosen: readonly number[], n: number): number[] {
  return chosen.map((coordinate, index) => (coordinate <= n ? coordinate : Math.min(index + 1, n)));
}

function projectSide(
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

export interface ProjectedScenesProps {
  result: ProjectableSubspaces;
  theme: FigureTheme;
  height: number;
  domainHandle?: Ref<SubspaceCanvasHandle>;
  codomainHandle?: Ref<SubspaceCanvasHandle>;
  /** Told a one-line summary of the current projection, for the exported figure's note. */
  onSummary?: (summary: string) => void;
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

export function ProjectedScenes({
  result,
  theme,
  height,
  domainHandle,
  codomainHandle,
  onSummary,
}: ProjectedScenesProps) {
  const [mode, setMode] = useState<ProjectionMode>('coordinates');
  const [domainChoice, setDomainChoice] = useState<number[]>([1, 2, 3]);
  const [codomainChoice, setCodomainChoice] = useState<number[]>([1, 2, 3]);
  const domainCoordinates = fitCoordinates(domainChoice, result.cols);
  const codomainCoordinates = fitCoordinates(codomainChoice, result.rows);
  const domainKey = domainCoordinates.join(',');
  const codomainKey = codomainCoordinates.join(',');

  const summary = projectionSummary(
    result,
    mode,
    domainKey.split(',').map(Number),
    codomainKey.split(',').map(Number),
  );
  useEffect(() => onSummary?.(summary), [onSummary, summary]);

  const domain = useMemo(
    () =>
      projectSide(
        {
          ambient: result.cols,
          first: { key: 'row', name: 'row space', basis: result.row, colour: spaceColours.row },
          second: {
            key: 'null',
            name: 'null space',
            basis: result.null,
            colour: spaceColours.null,
          },
          singularSide: 'right',
        },
        mode,
        domainKey.split(',').map(Number),
      ),
    [result, mode, domainKey],
  );
  const codomain = useMemo(
    () =>
      projectSide(
        {
          ambient: result.rows,
          first: {
            key: 'column',
            name: 'column space',
            basis: result.column,
            colour: spaceColours.column,
          },
          second: {
            key: 'leftNull',
            name: 'left null space',
            basis: result.leftNull,
            colour: spaceColours.leftNull,
          },
          singularSide: 'left',
        },
        mode,
        codomainKey.split(',').map(Number),
      ),
    [result, mode, codomainKey],
  );

  const selects = (
    side: 'Domain' | 'Codomain',
    n: number,
    coordinates: readonly number[],
    onChange: (next: number[]) => void,
  ) =>
    n > 3 && mode === 'coordinates' ? (
      <span className="coordinate-selects" role="group" aria-label={`${side} coordinates`}>
        {side} {realSpace(n)}:
        {axisNames.map((axis, index) => (
          <label key={axis}>
            {axis}
            <select
              aria-label={`${side} ${axis}`}
              value={coordinates[index]}
              onChange={(event) => {
                const next = [...coordinates];
                next[index] = Number(event.target.value);
                onChange(next);
              }}
            >
              {Array.from({ length: n }, (_, k) => (
                <option key={k} value={k + 1}>
                  {k + 1}
                </option>
              ))}
            </select>
          </label>
        ))}
      </span>
    ) : null;

  const title = (side: string, ambient: number, phrase: string | null) =>
    `${side} ${realSpace(ambient)}${phrase ? ` ${phrase}` : ''}`;

  return (
    <div className="projected-scenes">
      <div className="figure-toolbar projection-controls">
        <label>
          <input
            type="checkbox"
            checked={mode === 'singular'}
            onChange={(event) => setMode(event.target.checked ? 'singular' : 'coordinates')}
          />
          Top three singular directions
        </label>
        {selects('Domain', result.cols, domainCoordinates, setDomainChoice)}
        {selects('Codomain', result.rows, codomainCoordinates, setCodomainChoice)}
      </div>
      <p className="figure-note projection-notice" data-testid="projection-notice">
        {notice(result, domain.phrase, codomain.phrase)}
      </p>
      <div className="scenes">
        <SubspaceCanvas
          title={title('Domain', result.cols, domain.phrase)}
          ambient={result.cols > 3 ? 3 : result.cols}
          spaces={domain.spaces}
          vectors={[]}
          theme={theme}
          height={height}
          testId="projected-domain-scene"
          labelTestId="projected-space-label"
          handle={domainHandle}
        />
        <SubspaceCanvas
          title={title('Codomain', result.rows, codomain.phrase)}
          ambient={result.rows > 3 ? 3 : result.rows}
          spaces={codomain.spaces}
          vectors={[]}
          theme={theme}
          height={height}
          testId="projected-codomain-scene"
          labelTestId="projected-space-label"
          handle={codomainHandle}
        />
      </div>
    </div>
  );
}
