// The Spectrum view: the scree plot (or the ESD histogram) of the selected matrix's singular
// values under a chosen rank policy, with every rank measure beside it and figure export.
import { useMemo, useRef, useState } from 'react';
import type { RankPolicy } from '../../../../core/rank/policies';
import { formatPercent } from '../../../../core/number-shown';
import type { FigureSource } from '../../export/ExportPanel';
import { screeFigureData } from '../../export/interactive-data';
import { buildScreePlot, cumulativeEnergy, type AxisScale } from '../../figures/scree-plot';
import { screeTikz } from '../../figures/scree-tikz';
import { buildSpectralHistogram } from '../../figures/spectral-histogram';
import { formatValue } from '../../figures/svg';
import { screenTheme, type FigureTheme } from '../../figures/theme';
import { usePrefersDark } from '../shared/use-color-scheme';
import { useElementWidth } from '../shared/use-element-width';
import { useCatalogJob } from '../shared/use-job';
import { useMatrix } from '../shared/use-matrix';
import { useRankStory } from '../shared/use-rank-story';
import type { ViewProps } from '../shared/view-definition';
import { FigureNumbers } from '../shared/FigureNumbers';
import { ViewShell } from '../shared/ViewShell';
import { ScreeHover } from './ScreeHover';
import { SpectrumReadouts } from './SpectrumReadouts';
import { screeMarkers } from '../shared/scree-markers';

type PolicyKind = RankPolicy['kind'];
const figureHeight = 380;

function policyFrom(kind: PolicyKind, tolerance: number): RankPolicy {
  if (kind === 'absolute' || kind === 'relative')
    return { kind, tolerance: Math.max(0, tolerance) };
  return { kind };
}

export function SpectrumView({ matrixId }: ViewProps) {
  const matrix = useMatrix(matrixId);
  const written = useRankStory(matrixId);
  const dark = usePrefersDark();
  const theme = screenTheme(dark);
  const frameRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(frameRef);
  const [kind, setKind] = useState<PolicyKind>('default');
  const [tolerance, setTolerance] = useState(1e-10);
  const [scale, setScale] = useState<AxisScale>('linear');
  const [mode, setMode] = useState<'scree' | 'histogram'>('scree');

  const policy = useMemo(() => policyFrom(kind, tolerance), [kind, tolerance]);
  const request = useMemo(
    () => (matrix?.parsed.matrix ? { matrix: matrix.parsed.matrix, policy } : null),
    [matrix, policy],
  );
  const job = useCatalogJob('spectrum', request);
  const result = job.result;
  const markers = useMemo(() => (result ? screeMarkers(result, policy) : null), [result, policy]);
  const energy = useMemo(() => (result ? cumulativeEnergy(result.singularValues) : null), [result]);

  const draw = useMemo(() => {
    if (!result || !markers) return null;
    return (figureTheme: FigureTheme) =>
      mode === 'scree'
        ? buildScreePlot(result.singularValues, markers, {
            width,
            height: figureHeight,
            scale,
            theme: figureTheme,
          })
        : {
            svg: buildSpectralHistogram(result.singularValues, {
              width,
              height: figureHeight,
              theme: figureTheme,
              bulkEdge: markers.bulkEdge,
            }),
            layout: null,
          };
  }, [result, markers, mode, width, scale]);
  const figure = useMemo(() => draw?.(theme) ?? null, [draw, theme]);

  const source = useMemo<FigureSource | null>(() => {
    if (!draw || !result || !markers) return null;
    return {
      name:
        mode === 'scree'
          ? `${matrix?.name ?? 'matrix'} scree plot`
          : `${matrix?.name ?? 'matrix'} spectral histogram`,
      svg: (figureTheme) => draw(figureTheme).svg,
      tikz: mode === 'scree' ? () => screeTikz(result.singularValues, markers, scale) : undefined,
      // The page lets a reader switch between the three policies that need no tolerance typed.
      interactive:
        mode === 'scree'
          ? () =>
              screeFigureData(result, matrix?.name ?? 'matrix', {
                policy: kind === 'gap' || kind === 'noise' ? kind : 'default',
                scale,
              })
          : undefined,
    };
  }, [draw, result, markers, mode, scale, kind, matrix?.name]);

  if (!matrix) return null;
  const controls = (
    <>
      <label>
        Rank policy
        <select
          aria-label="Rank policy"
          value={kind}
          onChange={(event) => setKind(event.target.value as PolicyKind)}
        >
          <option value="default">Default (numpy/MATLAB)</option>
          <option value="gap">Largest spectral gap</option>
          <option value="noise">Noise edge (Marchenko–Pastur)</option>
          <option value="absolute">Absolute tolerance</option>
          <option value="relative">Relative tolerance</option>
        </select>
      </label>
      {kind === 'absolute' || kind === 'relative' ? (
        <label>
          tolerance
          <input
            type="number"
            aria-label="Tolerance"
            min={0}
            step="any"
            value={tolerance}
            onChange={(event) => setTolerance(Number(event.target.value))}
          />
        </label>
      ) : null}
      <div className="segmented" role="group" aria-label="Plot">
        <button type="button" aria-pressed={mode === 'scree'} onClick={() => setMode('scree')}>
          Scree
        </button>
        <button
          type="button"
          aria-pressed={mode === 'histogram'}
          onClick={() => setMode('histogram')}
        >
          Histogram (ESD)
        </button>
      </div>
      {mode === 'scree' ? (
        <div className="segmented" role="group" aria-label="Value axis">
          <button
            type="button"
            aria-pressed={scale === 'linear'}
            onClick={() => setScale('linear')}
          >
            Linear
          </button>
          <button type="button" aria-pressed={scale === 'log'} onClick={() => setScale('log')}>
            Log
          </button>
        </div>
      ) : null}
    </>
  );

  return (
    <ViewShell
      label="Spectrum"
      matrix={matrix}
      controls={controls}
      job={job}
      exportSource={source}
      theme={theme}
    >
      <div className="figure-frame" ref={frameRef} data-testid="spectrum-figure">
        {figure ? (
          <div className="figure-svg" dangerouslySetInnerHTML={{ __html: figure.svg }} />
        ) : (
          <div style={{ height: figureHeight }} />
        )}
        <ScreeHover
          frame={frameRef}
          layout={figure?.layout ?? null}
          values={result?.singularValues ?? null}
          energy={energy}
          width={width}
        />
      </div>
      {result && energy ? (
        <FigureNumbers
          caption={`Singular values of ${matrix.name}, with the cumulative energy Σσ² they hold`}
          columns={['i', 'σᵢ', 'cumulative energy']}
          rows={Array.from(result.singularValues, (value, i) => [
            i + 1,
            formatValue(value),
            formatPercent(energy[i]),
          ])}
          testId="spectrum-numbers"
        />
      ) : null}
      {result ? <SpectrumReadouts result={result} written={written} /> : null}
    </ViewShell>
  );
}
