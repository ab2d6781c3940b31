// The Grassmann view: two subspaces from the project (column or row spaces, top-k singular
// subspaces, the column or row space of a LoRA update ΔW = BA, see use-subspace.ts), their
// principal angles as a bar chart with the geodesic, chordal and projection distances, and the
// φ(i, j) similarity heatmap of the two matrices' singular subspaces. In ℝ³ the two subspaces
// are also pictured on the unit sphere, and exported with the chart.
import { useMemo, useRef, useState } from 'react';
import type { FigureSource } from '../../export/ExportPanel';
import { stackFigures } from '../../export/figure-stack';
import {
  buildGrassmannFigure,
  degrees,
  type GrassmannFigureData,
} from '../../figures/grassmann-figure';
import { sphereDirection } from '../../figures/grassmann-sphere';
import { screenTheme } from '../../figures/theme';
import { buildVectorSceneFigure } from '../../figures/vector-scene-figure';
import { useProject } from '../../state/app-context';
import { usePrefersDark } from '../shared/use-color-scheme';
import { useElementWidth } from '../shared/use-element-width';
import { useCatalogJob } from '../shared/use-job';
import type { ViewProps } from '../shared/view-definition';
import { FigureNumbers } from '../shared/FigureNumbers';
import { ViewShell } from '../shared/ViewShell';
import { GrassmannSphere, type GrassmannSphereHandle } from './GrassmannSphere';
import { SubspacePicker } from './SubspacePicker';
import { describe, isLeft, orientedMatrix, type SubspaceChoice } from './subspace-choice';
import { useSubspace } from './use-subspace';
import './grassmann.css';

const sphereColours = { first: '#4f46e5', second: '#0f9d58' };

export function GrassmannView({ matrixId }: ViewProps) {
  const matrices = useProject((state) => state.document.matrices);
  const theme = screenTheme(usePrefersDark());
  const frameRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(frameRef);
  const other = matrices.find((matrix) => matrix.id !== matrixId)?.id ?? matrixId;
  const [first, setFirst] = useState<SubspaceChoice>({ matrixId, kind: 'column', k: 1 });
  const [second, setSecond] = useState<SubspaceChoice>({ matrixId: other, kind: 'column', k: 1 });
  const a = useSubspace(first);
  const b = useSubspace(second);

  const anglesRequest = useMemo(() => {
    if (!a.basis || !b.basis || a.basis.rows !== b.basis.rows) return null;
    return { a: a.basis, b: b.basis };
  }, [a.basis, b.basis]);
  const angles = useCatalogJob('angles', anglesRequest);

  // φ(i, j) needs the σ-ordered singular vectors of the matrices themselves, so it runs on A (or Aᵀ).
  const similarityRequest = useMemo(() => {
    if (!a.dense || !b.dense || isLeft(first.kind) !== isLeft(second.kind)) return null;
    const left = orientedMatrix(a.dense, first.kind);
    const right = orientedMatrix(b.dense, second.kind);
    if (left.rows !== right.rows) return null;
    return {
      a: left,
      b: right,
      similarity: {
        side: 'left' as const,
        maxI: first.kind.startsWith('top') ? first.k : undefined,
        maxJ: second.kind.startsWith('top') ? second.k : undefined,
      },
    };
  }, [a.dense, b.dense, first, second]);
  const similarity = useCatalogJob('angles', similarityRequest);

  const figureData = useMemo<GrassmannFigureData | null>(() => {
    const result = angles.result;
    if (!result || !anglesRequest || !a.matrix || !b.matrix) return null;
    return {
      angles: result.angles,
      distances: result.distances,
      nameA: describe(first, a.matrix.name, a.partner?.name),
      nameB: describe(second, b.matrix.name, b.partner?.name),
      ambient: result.ambient,
      dimensionA: result.dimensionA,
      dimensionB: result.dimensionB,
      similarity: similarityRequest ? (similarity.result?.similarity ?? null) : null,
    };
  }, [
    angles.result,
    anglesRequest,
    a.matrix,
    b.matrix,
    a.partner?.name,
    b.partner?.name,
    first,
    second,
    similarity.result,
    similarityRequest,
  ]);

  // In ℝ³, two lines or two planes can be pictured on the sphere (planes by their normals).
  const sphere = useMemo(() => {
    if (
      !a.basis ||
      !b.basis ||
      a.basis.rows !== 3 ||
      b.basis.rows !== 3 ||
      a.basis.cols !== b.basis.cols
    )
      return null;
    const u = sphereDirection(a.basis);
    const v = sphereDirection(b.basis);
    return u && v ? { u, v, planes: a.basis.cols === 2 } : null;
  }, [a.basis, b.basis]);

  const sphereCaption = sphere
    ? `${
        sphere.planes
          ? 'Gr(2,3): each plane by its unit normal ±n'
          : 'Gr(1,3): each line as its antipodal pair ±u'
      } on the unit sphere`
    : '';
  const sphereRef = useRef<GrassmannSphereHandle>(null);

  const svg = useMemo(
    () => (figureData ? buildGrassmannFigure(figureData, { width, theme }) : null),
    [figureData, width, theme],
  );
  const source = useMemo<FigureSource | null>(
    () =>
      figureData
        ? {
            name: 'principal angles',
            svg: (figureTheme) => {
              const chart = buildGrassmannFigure(figureData, {
                width: Math.max(width, 720),
                theme: figureTheme,
              });
              const drawn = sphereCaption ? sphereRef.current?.vector(figureTheme) : null;
              if (!drawn) return chart;
              // The sphere under the chart, with A and B named in their colours.
              const legend = [
                { text: `A: ${figureData.nameA}`, colour: sphereColours.first },
                { text: `B: ${figureData.nameB}`, colour: sphereColours.second },
              ].map((entry, index) => ({
                ...entry,
                x: 0,
                y: figureTheme.fontSize * (1.2 + 1.5 * index),
              }));
              const pictured = buildVectorSceneFigure(
                [{ title: sphereCaption, ...drawn, labels: legend }],
                figureTheme,
                'A and B on the sphere; the arc between them is the geodesic.',
                sphereCaption,
              );
              return stackFigures(
                [chart, pictured],
                figureTheme,
                `Principal angles between ${figureData.nameA} and ${figureData.nameB}`,
              );
            },
          }
        : null,
    [figureData, width, sphereCaption],
  );

  const mismatch =
    a.basis && b.basis && a.basis.rows !== b.basis.rows
      ? `The two subspaces live in different spaces (ℝ^${a.basis.rows} and ℝ^${b.basis.rows}): principal angles need one ambient space.`
      : null;

  return (
    <ViewShell
      label="Grassmann"
      controls={
        <>
          <SubspacePicker
            label="Subspace A"
            matrices={matrices}
            choice={first}
            onChange={setFirst}
          />
          <SubspacePicker
            label="Subspace B"
            matrices={matrices}
            choice={second}
            onChange={setSecond}
          />
        </>
      }
      exportSource={source}
      theme={theme}
      error={a.error ?? b.error ?? angles.error ?? mismatch}
      matrices={[a.matrix, b.matrix]}
    >
      <div className="figure-frame" ref={frameRef} data-testid="grassmann-figure">
        {svg ? (
          <div className="figure-svg" dangerouslySetInnerHTML={{ __html: svg }} />
        ) : (
          <div style={{ height: 240 }} />
        )}
      </div>
      {sphere ? (
        <figure className="scene">
          <figcaption>
            {sphereCaption} — <span style={{ color: sphereColours.first }}>A</span>,{' '}
            <span style={{ color: sphereColours.second }}>B</span>, and the geodesic between them
          </figcaption>
          <GrassmannSphere
            u={sphere.u}
            v={sphere.v}
            theme={theme}
            colours={sphereColours}
            height={320}
            handle={sphereRef}
          />
        </figure>
      ) : null}
      {figureData && !mismatch ? (
        <FigureNumbers
          caption={`Principal angles between ${figureData.nameA} and ${figureData.nameB} (dimensions ${figureData.dimensionA} and ${figureData.dimensionB} in ℝ^${figureData.ambient})`}
          columns={['i', 'θᵢ (degrees)', 'cos θᵢ']}
          rows={Array.from(figureData.angles, (angle, i) => [
            i + 1,
            degrees(angle).toFixed(2),
            Math.cos(angle).toFixed(4),
          ])}
          testId="angles-numbers"
        />
      ) : null}
      {angles.result && !mismatch ? (
        <p className="figure-note" data-testid="angles-readout">
          θ ={' '}
          {Array.from(angles.result.angles, (angle) => `${degrees(angle).toFixed(2)}°`).join(', ')}
          {angles.result.angles.length === 0 ? 'none (a subspace is {0})' : ''}. Angles near 0° are
          shared directions; 90° means orthogonal.
        </p>
      ) : null}
    </ViewShell>
  );
}
