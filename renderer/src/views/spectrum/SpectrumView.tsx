// The Spectrum view: the scree plot (or the ESD histogram) of the selected matrix's singular
// values under a chosen rank policy, with every rank measure beside it and figure export.
import { useMemo, useRef, useState } from 'react';
import type { RankPolicy } from '../../../../core/rank/policies';
import { ExportPanel, type FigureSource } from '../../export/ExportPanel';
import { buildScreePlot, cumulativeEnergy, type AxisScale } from '../../figures/scree-plot';
import { screeTikz } from '../../figures/scree-tikz';
import { buildSpectralHistogram } from '../../figures/spectral-histogram';
import { formatValue } from '../../figures/svg';
import { screenTheme, type FigureTheme } from '../../figures/theme';
import type { ViewProps } from '../../workbench/views';
import { ScreeHover } from './ScreeHover';
import { screeMarkers } from './spectrum-markers';
import { usePrefersDark } from './use-color-scheme';
import { useElementWidth } from './use-element-width';
import { useJobResult } from './use-job-result';
import { matrixProblem, NumbersLoading } from './MatrixStatus';
import { useMatrix } from './use-matrix';
import './views.css';

type PolicyKind = RankPolicy['kind'];
const figureHeight = 380;

function policyFrom(kind: PolicyKind, tolerance: number): RankPolicy {
  if (kind === 'absolute' || kind === 'relative')
    return { kind, tolerance: Math.max(0, tolerance) };
  return { kind };
}

export function SpectrumView({ matrixId }: ViewProps) {
  const matrix = useMatrix(matrixId);
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
  const job = useJobResult('spectrum', request);
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
    };
  }, [draw, result, markers, mode, scale, matrix?.name]);

  if (!matrix) return null;
  if (matrix.parsed.error) {
    return (
      <section className="figure-view" aria-label="Spectrum">
        <p className="figure-error">{matrixProblem(matrix)}</p>
      </section>
    );
  }

  return (
    <section className="figure-view" aria-label="Spectrum">
      <div className="figure-toolbar">
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
        <span className="spacer" />
        {job.running ? (
          <span className="muted">computing… {Math.round(job.progress * 100)}%</span>
        ) : null}
        <ExportPanel source={source} screenTheme={theme} />
      </div>
      {job.error ? <p className="figure-error">{job.error}</p> : null}
      <NumbersLoading matrix={matrix} />
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
      {result ? (
        <>
          <p className="figure-note" data-testid="rank-reason">
            Numerical rank <strong data-testid="spectrum-rank">{result.rank.rank}</strong>:{' '}
            {result.rank.reason}.
          </p>
          <dl className="readouts">
            <div>
              <dt>size</dt>
              <dd>
                {result.rows} × {result.cols}, {result.singularValues.length} singular values
              </dd>
            </div>
            <div>
              <dt>rank (default · gap · noise)</dt>
              <dd>
                {result.ranks.default.rank} · {result.ranks.gap.rank} · {result.ranks.noise.rank}
              </dd>
            </div>
            <div>
              <dt>stable rank ‖A‖²_F / ‖A‖²₂</dt>
              <dd data-testid="stable-rank">{formatValue(result.measures.stableRank)}</dd>
            </div>
            <div>
              <dt>effective rank exp H(p)</dt>
              <dd data-testid="effective-rank">{formatValue(result.measures.effectiveRank)}</dd>
            </div>
            <div>
              <dt>condition number σ₁/σₖ</dt>
              <dd>{formatValue(result.measures.conditionNumber)}</dd>
            </div>
            <div>
              <dt>energy rank 90 · 95 · 99 %</dt>
              <dd>
                {result.measures.energyRank.p90} · {result.measures.energyRank.p95} ·{' '}
                {result.measures.energyRank.p99}
              </dd>
            </div>
            <div>
              <dt>estimated noise level σ</dt>
              <dd>{formatValue(result.noiseLevel)}</dd>
            </div>
            <div>
              <dt>norms ‖·‖₂ · ‖·‖_F · ‖·‖_*</dt>
              <dd>
                {formatValue(result.measures.spectralNorm)} ·{' '}
                {formatValue(result.measures.frobeniusNorm)} ·{' '}
                {formatValue(result.measures.nuclearNorm)}
              </dd>
            </div>
          </dl>
        </>
      ) : null}
    </section>
  );
}
