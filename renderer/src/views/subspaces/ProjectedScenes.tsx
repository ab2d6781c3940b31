// The Subspaces view for m or n > 3: the four subspaces projected into two 3D scenes, onto three
// coordinates the person picks or onto the top three singular directions. Labels keep each space's
// true ambient space and dimension and say that the picture is a projection.
import { useEffect, useMemo, useState, type Ref } from 'react';
import { spaceColours } from '../../figures/big-picture';
import { realSpace } from '../../figures/subspace-geometry';
import type { FigureTheme } from '../../figures/theme';
import {
  fitCoordinates,
  notice,
  projectionSummary,
  projectSide,
  type ProjectableSubspaces,
  type ProjectionMode,
} from './projected-sides';
import { SubspaceCanvas, type SubspaceCanvasHandle } from './SubspaceCanvas';

const axisNames = ['x axis', 'y axis', 'z axis'] as const;

export interface ProjectedScenesProps {
  result: ProjectableSubspaces;
  theme: FigureTheme;
  height: number;
  domainHandle?: Ref<SubspaceCanvasHandle>;
  codomainHandle?: Ref<SubspaceCanvasHandle>;
  /** Told a one-line summary of the current projection, for the exported figure's note. */
  onSummary?: (summary: string) => void;
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
