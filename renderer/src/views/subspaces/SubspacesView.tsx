// The Subspaces view. For m, n ≤ 3: two linked three.js scenes — the domain ℝⁿ with the row and
// null spaces, the codomain ℝᵐ with the column and left null spaces — and a draggable x split as
// x_row + x_null, whose image Ax is animated (the null part collapses to 0). Always: Strang's
// big-picture diagram with the four dimensions; for larger matrices also the subspaces projected
// into 3D (ProjectedScenes), onto chosen coordinates or the top three singular directions.
import { useMemo, useRef, useState } from 'react';
import { buildBigPicture, spaceColours } from '../../figures/big-picture';
import { realSpace } from '../../figures/subspace-geometry';
import { formatValue } from '../../figures/svg';
import { screenTheme } from '../../figures/theme';
import { usePrefersDark } from '../shared/use-color-scheme';
import { useElementWidth } from '../shared/use-element-width';
import { useCatalogJob } from '../shared/use-job';
import { useMatrix } from '../shared/use-matrix';
import type { ViewProps } from '../shared/view-definition';
import { FigureNumbers } from '../shared/FigureNumbers';
import { ViewShell } from '../shared/ViewShell';
import { ProjectedScenes } from './ProjectedScenes';
import { SubspaceCanvas, type SubspaceCanvasHandle } from './SubspaceCanvas';
import { smallSpace, subspacesFigureSource, vectorText } from './subspaces-export';
import { useVectorSplit } from './use-vector-split';
import './subspaces.css';
import { MathText } from '../shared/MathText';

const sceneHeight = 360;

export function SubspacesView({ matrixId }: ViewProps) {
  const matrix = useMatrix(matrixId);
  const theme = screenTheme(usePrefersDark());
  const frameRef = useRef<HTMLElement>(null);
  const width = useElementWidth(frameRef);
  const domainRef = useRef<SubspaceCanvasHandle>(null);
  const codomainRef = useRef<SubspaceCanvasHandle>(null);
  const a = matrix?.parsed.matrix ?? null;
  const request = useMemo(() => (a ? { matrix: a } : null), [a]);
  const job = useCatalogJob('subspaces', request);
  const result =
    job.result && a && job.result.rows === a.rows && job.result.cols === a.cols ? job.result : null;
  const small = a !== null && a.rows <= 3 && a.cols <= 3;
  const vector = useVectorSplit(a, result, small, theme);
  const [projectionSummary, setProjectionSummary] = useState('');

  const bigPicture = useMemo(
    () =>
      result
        ? buildBigPicture(
            { rows: result.rows, cols: result.cols, rank: result.rank },
            { width: Math.min(width, 760), theme },
          )
        : null,
    [result, width, theme],
  );

  const { x, image, spaces: sceneSpaces } = vector;
  const source = useMemo(
    () =>
      result && a
        ? subspacesFigureSource({
            name: `${matrix?.name ?? 'matrix'} subspaces`,
            result,
            matrix: a,
            small,
            domain: domainRef,
            codomain: codomainRef,
            x,
            image,
            projectionSummary,
            spaces: sceneSpaces,
          })
        : null,
    [result, a, small, matrix?.name, x, image, projectionSummary, sceneSpaces],
  );

  if (!matrix) return null;
  const { spaces, split } = vector;
  const controls =
    small && result ? (
      <>
        <span className="vector-inputs" role="group" aria-label="Vector x">
          x =
          {x.map((value, index) => (
            <input
              key={index}
              type="number"
              step={0.1}
              aria-label={`x${index + 1}`}
              value={Number(value.toFixed(3))}
              onChange={(event) => vector.setCoordinate(index, Number(event.target.value) || 0)}
            />
          ))}
        </span>
        <button type="button" className="button-small" onClick={vector.play}>
          Play A: x ↦ Ax
        </button>
        <button
          type="button"
          className="button-small"
          onClick={() => {
            domainRef.current?.resetCamera();
            codomainRef.current?.resetCamera();
          }}
        >
          Reset camera
        </button>
      </>
    ) : null;

  return (
    <ViewShell
      label="Subspaces"
      matrix={matrix}
      controls={controls}
      job={job}
      exportSource={source}
      theme={theme}
      sectionRef={frameRef}
    >
      {small && result && spaces && split && image ? (
        <>
          <div className="scenes">
            <SubspaceCanvas
              title={`Domain ${smallSpace(result.cols)} — drag the tip of x`}
              ambient={result.cols}
              spaces={spaces.domain}
              vectors={vector.domainVectors}
              theme={theme}
              height={sceneHeight}
              testId="domain-scene"
              drag={{ vector: 'x', onDrag: vector.dragTo }}
              handle={domainRef}
            />
            <SubspaceCanvas
              title={`Codomain ${smallSpace(result.rows)}`}
              ambient={result.rows}
              spaces={spaces.codomain}
              vectors={vector.codomainVectors}
              theme={theme}
              height={sceneHeight}
              testId="codomain-scene"
              handle={codomainRef}
            />
          </div>
          <p className="vector-legend" data-testid="vector-readout">
            {/* Text in ink, each part underlined in its space's colour: the colours themselves
                are too light (or, in the dark theme, too dark) to read small text in. */}
            <span>x = {vectorText(x)}</span>
            <span style={{ textDecorationColor: spaceColours.row }}>
              <MathText>x_row</MathText> = {vectorText(split.row)}
            </span>
            <span style={{ textDecorationColor: spaceColours.null }}>
              <MathText>x_null</MathText> = {vectorText(split.null)}
            </span>
            <span style={{ textDecorationColor: spaceColours.column }}>
              Ax = A <MathText>x_row</MathText> = {vectorText(image)}
            </span>
            <span style={{ textDecorationColor: spaceColours.null }}>
              A <MathText>x_null</MathText> = 0
            </span>
            {vector.codomainScale > 1 ? (
              <span className="muted">
                (codomain vectors drawn at 1/{formatValue(vector.codomainScale)} scale)
              </span>
            ) : null}
          </p>
          <p className="figure-note">
            Orbit by dragging, zoom with the wheel, or focus a scene and use the arrow keys, + and
            −. x splits into its row-space part and its null-space part; A sends the null-space part
            to 0 (watch it shrink when you press Play), so Ax = A <MathText>x_row</MathText> lies in
            the column space.
          </p>
        </>
      ) : result && !small ? (
        <>
          <ProjectedScenes
            result={result}
            theme={theme}
            height={sceneHeight}
            domainHandle={domainRef}
            codomainHandle={codomainRef}
            onSummary={setProjectionSummary}
          />
          <p className="figure-note">
            This matrix is {result.rows}×{result.cols}: its spaces live beyond ℝ³. Orbit the
            projected scenes above by dragging; below is Strang’s big picture of the true
            dimensions.
          </p>
        </>
      ) : null}
      {result ? (
        <FigureNumbers
          caption={`The four fundamental subspaces of ${matrix.name} (${result.rows}×${result.cols}, rank ${result.rank})`}
          columns={['subspace', 'lives in', 'dimension', 'basis vectors']}
          rows={(
            [
              ['row space C(Aᵀ)', result.row, result.cols],
              ['null space N(A)', result.null, result.cols],
              ['column space C(A)', result.column, result.rows],
              ['left null space N(Aᵀ)', result.leftNull, result.rows],
            ] as const
          ).map(([name, basis, ambient]) => [
            name,
            realSpace(ambient),
            basis.cols,
            Array.from({ length: basis.cols }, (_, j) =>
              vectorText(Array.from(basis.data.subarray(j * basis.rows, (j + 1) * basis.rows))),
            ).join('; ') || '{0}',
          ])}
          testId="subspaces-numbers"
        />
      ) : null}
      {bigPicture ? (
        <div
          className="big-picture"
          data-testid="big-picture"
          dangerouslySetInnerHTML={{ __html: bigPicture }}
        />
      ) : null}
    </ViewShell>
  );
}
