// The Approximate view: a rank slider r and heatmaps of A, A_r and A − A_r, with the Eckart–Young
// identities read two ways — the residual's own norms (a spectrum job on A − A_r) beside σ_{r+1}
// and √(Σ_{i>r} σᵢ²) from A's singular values — energy kept and the parameter count.
import { useMemo, useRef, useState } from 'react';
import type { FigureSource } from '../../export/ExportPanel';
import {
  buildApproximationFigure,
  difference,
  panelRanges,
} from '../../figures/approximation-figure';
import { formatPercent } from '../../../../core/number-shown';
import type { ColormapName } from '../../figures/colormap';
import { formatValue } from '../../figures/svg';
import { screenTheme } from '../../figures/theme';
import { truncationAt } from '../../figures/truncation';
import { HeatmapCanvas } from '../shared/HeatmapCanvas';
import { usePrefersDark } from '../shared/use-color-scheme';
import { useElementWidth } from '../shared/use-element-width';
import { useCatalogJob } from '../shared/use-job';
import { useMatrix } from '../shared/use-matrix';
import type { ViewProps } from '../shared/view-definition';
import { FigureNumbers } from '../shared/FigureNumbers';
import { ViewShell } from '../shared/ViewShell';
import './approximate.css';
import { MathText } from '../shared/MathText';

export function ApproximateView({ matrixId }: ViewProps) {
  const matrix = useMatrix(matrixId);
  const theme = screenTheme(usePrefersDark());
  const frameRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(frameRef);
  const [chosenRank, setChosenRank] = useState(1);
  const [colormapName, setColormapName] = useState<ColormapName>('diverging');

  const a = matrix?.parsed.matrix ?? null;
  const smaller = a ? Math.min(a.rows, a.cols) : 0;
  const request = useMemo(
    () => (a ? { matrix: a, rank: Math.min(a.rows, a.cols), approximation: false } : null),
    [a],
  );
  const job = useCatalogJob('lowRank', request);
  const result =
    job.result && a && job.result.rows === a.rows && job.result.cols === a.cols ? job.result : null;
  const rank = Math.min(chosenRank, smaller);

  const approximation = useMemo(
    () => (result ? truncationAt(result.left, result.right, rank) : null),
    [result, rank],
  );
  const residual = useMemo(
    () => (a && approximation ? difference(a, approximation) : null),
    [a, approximation],
  );
  const residualRequest = useMemo(() => {
    if (!residual) return null;
    return {
      matrix: { rows: residual.rows, cols: residual.cols, data: new Float64Array(residual.data) },
    };
  }, [residual]);
  const residualSpectrum = useCatalogJob('spectrum', residualRequest);

  const figureData = useMemo(() => {
    if (!a || !approximation || !result) return null;
    return {
      a,
      approximation,
      rank,
      spectralError: result.curve.spectralError[rank],
      frobeniusError: result.curve.frobeniusError[rank],
      energyKept: result.curve.energyKept[rank],
      parameters: rank * (a.rows + a.cols),
      denseParameters: a.rows * a.cols,
      colormap: colormapName,
    };
  }, [a, approximation, result, rank, colormapName]);
  const ranges = useMemo(() => (figureData ? panelRanges(figureData) : null), [figureData]);

  const source = useMemo<FigureSource | null>(
    () =>
      figureData
        ? {
            name: `${matrix?.name ?? 'matrix'} rank ${figureData.rank} approximation`,
            svg: (figureTheme) =>
              buildApproximationFigure(figureData, {
                width: Math.max(width, 720),
                theme: figureTheme,
              }),
          }
        : null,
    [figureData, width, matrix?.name],
  );

  if (!matrix) return null;
  // Three panels share the width (two 1.25rem gaps, a 1px border each side of each), no taller
  // than about half the window, so that the readouts below stay in view.
  const panelSize = Math.max(120, Math.min((width - 46) / 3, window.innerHeight * 0.45));
  // A residual spectrum of the previous r is stale: "…" until this r's arrives.
  const measured =
    residualSpectrum.result &&
    !residualSpectrum.stale &&
    residual &&
    residualSpectrum.result.rows === residual.rows
      ? residualSpectrum.result
      : null;
  const next = rank + 1;

  const controls = (
    <>
      <label className="rank-slider">
        Rank r
        <input
          type="range"
          aria-label="Rank r"
          min={0}
          max={smaller}
          step={1}
          value={rank}
          onChange={(event) => setChosenRank(Number(event.target.value))}
        />
        <output data-testid="rank-r">{rank}</output>
        <span className="muted">of {smaller}</span>
      </label>
      <label>
        Colours
        <select
          aria-label="Colour map"
          value={colormapName}
          onChange={(event) => setColormapName(event.target.value as ColormapName)}
        >
          <option value="diverging">Diverging (signed)</option>
          <option value="grayscale">Grayscale (images)</option>
        </select>
      </label>
    </>
  );

  return (
    <ViewShell
      label="Approximate"
      matrix={matrix}
      controls={controls}
      job={job}
      exportSource={source}
      theme={theme}
    >
      <div ref={frameRef} className="heatmaps">
        {a && approximation && residual && ranges ? (
          <>
            <HeatmapCanvas
              matrix={a}
              range={ranges[0]}
              label="A"
              size={panelSize}
              testId="heatmap-a"
            />
            <HeatmapCanvas
              matrix={approximation}
              range={ranges[1]}
              label={`Aᵣ (r = ${rank})`}
              size={panelSize}
              testId="heatmap-approximation"
            />
            <HeatmapCanvas
              matrix={residual}
              range={ranges[2]}
              label="A − Aᵣ"
              size={panelSize}
              testId="heatmap-residual"
            />
          </>
        ) : (
          <div style={{ height: panelSize }} />
        )}
      </div>
      {result ? (
        <FigureNumbers
          caption={`Errors of the best rank-r approximations of ${matrix.name} (Eckart–Young)`}
          columns={['r', '‖A − Aᵣ‖₂', '‖A − Aᵣ‖_F', 'energy kept']}
          rows={Array.from({ length: smaller + 1 }, (_, r) => [
            r,
            formatValue(result.curve.spectralError[r]),
            formatValue(result.curve.frobeniusError[r]),
            formatPercent(result.curve.energyKept[r]),
          ])}
          testId="approximate-numbers"
        />
      ) : null}
      {figureData ? (
        <dl className="readouts">
          <div>
            <dt>spectral error (Eckart–Young)</dt>
            <dd className="identity">
              <MathText>{'‖A − Aᵣ‖₂'}</MathText> ={' '}
              <span data-testid="spectral-error">
                {measured ? formatValue(measured.measures.spectralNorm) : '…'}
              </span>{' '}
              = <MathText>{`σ_{${next}}`}</MathText> ={' '}
              <span data-testid="sigma-next">{formatValue(figureData.spectralError)}</span>
            </dd>
          </div>
          <div>
            <dt>Frobenius error (Eckart–Young–Mirsky)</dt>
            <dd className="identity">
              <MathText>{'‖A − Aᵣ‖_F'}</MathText> ={' '}
              <span data-testid="frobenius-error">
                {measured ? formatValue(measured.measures.frobeniusNorm) : '…'}
              </span>{' '}
              = <MathText>{`√(Σ_{i>${rank}} σᵢ²)`}</MathText> ={' '}
              <span data-testid="frobenius-tail">{formatValue(figureData.frobeniusError)}</span>
            </dd>
          </div>
          <div>
            <dt>
              energy kept: first r of <MathText>{'Σσᵢ²'}</MathText>
            </dt>
            <dd data-testid="energy-kept">{formatPercent(figureData.energyKept)}</dd>
          </div>
          <div>
            <dt>parameters r(m+n) against mn</dt>
            <dd data-testid="parameters">
              {figureData.parameters} against {figureData.denseParameters} (
              {formatPercent(figureData.parameters / Math.max(1, figureData.denseParameters), 1)})
            </dd>
          </div>
        </dl>
      ) : null}
    </ViewShell>
  );
}
