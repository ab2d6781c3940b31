// The Subspaces view. For m, n ≤ 3: two linked three.js scenes — the domain ℝⁿ with the row and
// null spaces, the codomain ℝᵐ with the column and left null spaces — and a draggable x split as
// x_row + x_null, whose image Ax is animated (the null part collapses to 0). Always: Strang's
// big-picture diagram with the four dimensions; for larger matrices also the subspaces projected
// into 3D (ProjectedScenes), onto chosen coordinates or the top three singular directions.
import { useEffect, useMemo, useRef, useState } from 'react';
import { ExportPanel, type FigureSource } from '../../export/ExportPanel';
import { buildVectorSceneFigure } from '../../figures/vector-scene-figure';
import { basesLatex } from '../../figures/bases-latex';
import { buildBigPicture, spaceColours } from '../../figures/big-picture';
import {
  applyMatrix,
  interpolate,
  norm,
  realSpace,
  spaceLabel,
  splitVector,
} from '../../figures/subspace-geometry';
import { sceneExtent } from '../../figures/subspace-scene';
import { formatValue } from '../../figures/svg';
import { screenTheme } from '../../figures/theme';
import type { ViewProps } from '../../workbench/views';
import { usePrefersDark } from '../spectrum/use-color-scheme';
import { useElementWidth } from '../spectrum/use-element-width';
import { useJobResult } from '../spectrum/use-job-result';
import { matrixProblem, NumbersLoading } from '../spectrum/MatrixStatus';
import { useMatrix } from '../spectrum/use-matrix';
import { ProjectedScenes } from './ProjectedScenes';
import { SubspaceCanvas, type LabelledSpace, type SubspaceCanvasHandle } from './SubspaceCanvas';
import '../spectrum/views.css';
import './subspaces.css';

const sceneHeight = 360;
const animationMilliseconds = 1600;

function vectorText(vector: readonly number[]): string {
  return `(${vector.map((value) => formatValue(Math.abs(value) < 1e-12 ? 0 : value)).join(', ')})`;
}

export function SubspacesView({ matrixId }: ViewProps) {
  const matrix = useMatrix(matrixId);
  const theme = screenTheme(usePrefersDark());
  const frameRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(frameRef);
  const domainRef = useRef<SubspaceCanvasHandle>(null);
  const codomainRef = useRef<SubspaceCanvasHandle>(null);
  const a = matrix?.parsed.matrix ?? null;
  const request = useMemo(() => (a ? { matrix: a } : null), [a]);
  const job = useJobResult('subspaces', request);
  const result =
    job.result && a && job.result.rows === a.rows && job.result.cols === a.cols ? job.result : null;
  const small = a !== null && a.rows <= 3 && a.cols <= 3;

  const [chosenX, setChosenX] = useState<number[]>([1.5, 0.5, 1]);
  const x = useMemo(() => chosenX.slice(0, a?.cols ?? 3), [chosenX, a?.cols]);
  const [phase, setPhase] = useState(1);
  const [projectionSummary, setProjectionSummary] = useState('');

  function play() {
    const start = performance.now();
    const step = (now: number) => {
      const t = Math.min(1, (now - start) / animationMilliseconds);
      // Ease in and out so the collapse reads as motion, not a jump.
      setPhase(t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);
      if (t < 1) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }
  // Play once when a new matrix arrives.
  useEffect(() => {
    if (result && small) play();
  }, [result, small]);

  const spaces = useMemo(() => {
    if (!result) return null;
    const domain: LabelledSpace[] = [
      {
        key: 'row',
        basis: result.row,
        ambient: result.cols,
        colour: spaceColours.row,
        label: spaceLabel('row space', result.cols, result.rank),
      },
      {
        key: 'null',
        basis: result.null,
        ambient: result.cols,
        colour: spaceColours.null,
        label: spaceLabel('null space', result.cols, result.nullity),
      },
    ];
    const codomain: LabelledSpace[] = [
      {
        key: 'column',
        basis: result.column,
        ambient: result.rows,
        colour: spaceColours.column,
        label: spaceLabel('column space', result.rows, result.rank),
      },
      {
        key: 'leftNull',
        basis: result.leftNull,
        ambient: result.rows,
        colour: spaceColours.leftNull,
        label: spaceLabel('left null space', result.rows, result.rows - result.rank),
      },
    ];
    return { domain, codomain };
  }, [result]);

  const split = useMemo(() => (result ? splitVector(result.row, x) : null), [result, x]);
  const image = useMemo(() => (a ? applyMatrix(a, x) : null), [a, x]);
  const codomainScale = image ? Math.max(1, norm(image) / (sceneExtent * 0.9)) : 1;
  const domainVectors = useMemo(
    () =>
      split
        ? [
            { name: 'x', tip: x, colour: theme.ink },
            { name: 'x_row', tip: split.row, colour: spaceColours.row },
            { name: 'x_null', tip: split.null, colour: spaceColours.null },
          ]
        : [],
    [split, x, theme.ink],
  );
  const codomainVectors = useMemo(() => {
    if (!split || !a || !image) return [];
    const rowImage = applyMatrix(a, split.row);
    // Long images are drawn shrunk to stay inside the scene; the readout says by how much.
    const shrink = 1 / codomainScale;
    return [
      {
        name: 'A x_row',
        tip: interpolate(split.row, rowImage, phase),
        colour: spaceColours.column,
      },
      {
        name: 'A x_null',
        tip: interpolate(split.null, new Array(a.rows).fill(0), phase),
        colour: spaceColours.null,
      },
      {
        name: 'Ax',
        tip: phase >= 1 ? image.map((value) => value * shrink) : [0, 0, 0],
        colour: theme.ink,
      },
    ];
  }, [split, a, image, phase, theme.ink, codomainScale]);

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

  const source = useMemo<FigureSource | null>(() => {
    if (!result) return null;
    const name = `${matrix?.name ?? 'matrix'} subspaces`;
    const latex = () =>
      basesLatex([
        { symbol: 'C(A)', description: 'column space', ambient: result.rows, basis: result.column },
        { symbol: 'C(A^{T})', description: 'row space', ambient: result.cols, basis: result.row },
        { symbol: 'N(A)', description: 'null space', ambient: result.cols, basis: result.null },
        {
          symbol: 'N(A^{T})',
          description: 'left null space',
          ambient: result.rows,
          basis: result.leftNull,
        },
      ]);
    if (!small) {
      return {
        name,
        latex,
        svg: (figureTheme) => {
          // The projected scenes when they are drawn (WebGL), else the big picture alone.
          const shots = (
            [
              [domainRef.current, `domain ${realSpace(result.cols)} (projected)`],
              [codomainRef.current, `codomain ${realSpace(result.rows)} (projected)`],
            ] as const
          ).map(([handle, title]) => {
            const drawn = handle?.vector(figureTheme);
            return drawn ? { title, ...drawn } : null;
          });
          if (shots[0] && shots[1])
            return buildVectorSceneFigure(
              [shots[0], shots[1]],
              figureTheme,
              projectionSummary,
              'The four fundamental subspaces, projected into 3D',
            );
          return buildBigPicture(
            { rows: result.rows, cols: result.cols, rank: result.rank },
            { width: 760, theme: figureTheme },
          );
        },
      };
    }
    return {
      name,
      latex,
      svg: (figureTheme) => {
        const panels = [
          [
            domainRef.current,
            `domain ℝ${result.cols === 3 ? '³' : result.cols === 2 ? '²' : '¹'}: row space ⟂ null space`,
          ],
          [
            codomainRef.current,
            `codomain ℝ${result.rows === 3 ? '³' : result.rows === 2 ? '²' : '¹'}: column space ⟂ left null space`,
          ],
        ] as const;
        const shots = panels.map(([handle, title]) => {
          const drawn = handle?.vector(figureTheme);
          if (!drawn) throw new Error('the 3D scene is not ready');
          return { title, ...drawn };
        });
        return buildVectorSceneFigure(
          shots,
          figureTheme,
          `x = ${vectorText(x)} = x_row + x_null; Ax = ${vectorText(image ?? [])}`,
          'The four fundamental subspaces in 3D',
        );
      },
    };
  }, [result, small, matrix?.name, x, image, projectionSummary]);

  if (!matrix) return null;
  if (matrix.parsed.error) {
    return (
      <section className="figure-view" aria-label="Subspaces">
        <p className="figure-error">{matrixProblem(matrix)}</p>
      </section>
    );
  }

  return (
    <section className="figure-view" aria-label="Subspaces" ref={frameRef}>
      <div className="figure-toolbar">
        {small && result ? (
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
                  onChange={(event) => {
                    const next = [...chosenX];
                    next[index] = Number(event.target.value) || 0;
                    setChosenX(next);
                  }}
                />
              ))}
            </span>
            <button type="button" className="button-small" onClick={play}>
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
        ) : null}
        <span className="spacer" />
        {job.running ? (
          <span className="muted">computing… {Math.round(job.progress * 100)}%</span>
        ) : null}
        <ExportPanel source={source} screenTheme={theme} />
      </div>
      {job.error ? <p className="figure-error">{job.error}</p> : null}
      <NumbersLoading matrix={matrix} />
      {small && spaces && split && image ? (
        <>
          <div className="scenes">
            <SubspaceCanvas
              title={`Domain ℝ${result!.cols === 3 ? '³' : result!.cols === 2 ? '²' : '¹'} — drag the tip of x`}
              ambient={result!.cols}
              spaces={spaces.domain}
              vectors={domainVectors}
              theme={theme}
              height={sceneHeight}
              testId="domain-scene"
              drag={{
                vector: 'x',
                onDrag: (tip) => setChosenX([...tip, ...chosenX.slice(tip.length)]),
              }}
              handle={domainRef}
            />
            <SubspaceCanvas
              title={`Codomain ℝ${result!.rows === 3 ? '³' : result!.rows === 2 ? '²' : '¹'}`}
              ambient={result!.rows}
              spaces={spaces.codomain}
              vectors={codomainVectors}
              theme={theme}
              height={sceneHeight}
              testId="codomain-scene"
              handle={codomainRef}
            />
          </div>
          <p className="vector-legend" data-testid="vector-readout">
            <span style={{ color: theme.ink }}>x = {vectorText(x)}</span>
            <span style={{ color: spaceColours.row }}>x_row = {vectorText(split.row)}</span>
            <span style={{ color: spaceColours.null }}>x_null = {vectorText(split.null)}</span>
            <span style={{ color: spaceColours.column }}>Ax = A x_row = {vectorText(image)}</span>
            <span style={{ color: spaceColours.null }}>A x_null = 0</span>
            {codomainScale > 1 ? (
              <span className="muted">
                (codomain vectors drawn at 1/{formatValue(codomainScale)} scale)
              </span>
            ) : null}
          </p>
          <p className="figure-note">
            Orbit by dragging, zoom with the wheel. x splits into its row-space part and its
            null-space part; A sends the null-space part to 0 (watch it shrink when you press Play),
            so Ax = A x_row lies in the column space.
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
      {bigPicture ? (
        <div
          className="big-picture"
          data-testid="big-picture"
          dangerouslySetInnerHTML={{ __html: bigPicture }}
        />
      ) : null}
    </section>
  );
}
