// Robust PCA demo: split D = L + S (low rank plus sparse) by principal component pursuit on the
// example image with seeded sparse corruption, or on a project matrix; iteration progress
// streams from the host, then heatmaps of D, L and S and the convergence report.
import { useMemo, useRef, useState } from 'react';
import type { JobResult } from '../../../../core/protocol/jobs';
import { isCancelled } from '../../../../core/protocol/errors';
import exampleImage from '../../../../assets/examples/approximate-image.json';
import { rangeFor } from '../../figures/heatmap-pixels';
import { formatValue } from '../../figures/svg';
import { runJob } from '../../host/run-job';
import { useHost } from '../../workbench/app-context';
import { HeatmapCanvas } from '../approximate/HeatmapCanvas';
import { matrixFromCells, type RequestMatrix } from '../../state/matrix-from-cells';
import { corruptSparsely } from './sparse-corruption';
import { isSelectable, useProjectMatrices } from './use-project-matrices';

const exampleId = '__example-image__';

function exampleMatrix(): RequestMatrix | null {
  const entries = (exampleImage as { matrices?: { entries?: string[][] }[] }).matrices?.[0]
    ?.entries;
  return entries ? matrixFromCells(entries).matrix : null;
}

export function RobustPcaPanel() {
  const { host } = useHost();
  const [sourceId, setSourceId] = useState(exampleId);
  const matrices = useProjectMatrices([sourceId]);
  const [share, setShare] = useState('5');
  const [running, setRunning] = useState<{ fraction: number; message: string } | null>(null);
  const [result, setResult] = useState<{
    data: RequestMatrix;
    output: JobResult<'robustPca'>;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const controllerRef = useRef<AbortController | null>(null);

  const example = useMemo(exampleMatrix, []);
  const base =
    sourceId === exampleId
      ? example
      : (matrices.find((entry) => entry.id === sourceId)?.matrix ?? null);
  const sharePercent = Number(share);
  const shareValid = Number.isFinite(sharePercent) && sharePercent >= 0 && sharePercent <= 50;
  const data = useMemo(
    () =>
      base && shareValid
        ? sharePercent > 0
          ? corruptSparsely(base, sharePercent / 100).matrix
          : base
        : null,
    [base, shareValid, sharePercent],
  );

  async function separate() {
    if (!data) return;
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    setRunning({ fraction: 0, message: 'starting' });
    setError(null);
    try {
      const output = await runJob(
        host,
        'robustPca',
        { matrix: data, maxIterations: 500 },
        {
          signal: controller.signal,
          onProgress: (event) =>
            setRunning({ fraction: event.fraction, message: event.message ?? '' }),
        },
      );
      setResult({ data, output });
    } catch (failure) {
      if (!isCancelled(failure))
        setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      if (controllerRef.current === controller) setRunning(null);
    }
  }

  const dataRange = useMemo(() => (result ? rangeFor(result.data, 'diverging') : null), [result]);
  const sparseRange = useMemo(
    () => (result ? rangeFor(result.output.sparse, 'diverging') : null),
    [result],
  );

  return (
    <section className="lab-section" aria-label="Robust PCA">
      <h3>Robust PCA: D = L + S</h3>
      <div className="figure-toolbar">
        <label>
          data
          <select
            aria-label="Robust PCA data"
            value={sourceId}
            onChange={(event) => setSourceId(event.target.value)}
          >
            {example ? <option value={exampleId}>Example image (32×32)</option> : null}
            {matrices.map((entry) => (
              <option key={entry.id} value={entry.id} disabled={!isSelectable(entry)}>
                {entry.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          corrupt
          <input
            type="number"
            aria-label="Corrupted entries (%)"
            min={0}
            max={50}
            step={1}
            value={share}
            onChange={(event) => setShare(event.target.value)}
          />
          %
        </label>
        <button type="button" onClick={() => void separate()} disabled={!data || running !== null}>
          Separate
        </button>
        {running ? (
          <span className="lab-progress" role="status">
            <progress max={1} value={running.fraction} aria-label="Robust PCA progress" />
            <span>{running.message}</span>
            <button type="button" onClick={() => controllerRef.current?.abort()}>
              Cancel
            </button>
          </span>
        ) : null}
      </div>
      {!shareValid ? (
        <p className="figure-error">The corrupted share must be between 0 and 50 %.</p>
      ) : null}
      {error ? <p className="figure-error">{error}</p> : null}
      {result && dataRange && sparseRange ? (
        <>
          <div className="lab-heatmap-row" data-testid="rpca-heatmaps">
            <HeatmapCanvas
              matrix={result.data}
              range={dataRange}
              label="D (data)"
              size={200}
              testId="rpca-data"
            />
            <HeatmapCanvas
              matrix={result.output.lowRank}
              range={dataRange}
              label={`L (rank ${result.output.rank})`}
              size={200}
              testId="rpca-low-rank"
            />
            <HeatmapCanvas
              matrix={result.output.sparse}
              range={sparseRange}
              label={`S (${result.output.nonzeros} nonzeros)`}
              size={200}
              testId="rpca-sparse"
            />
          </div>
          <p className="figure-note" data-testid="rpca-report">
            {result.output.converged ? 'Converged' : 'Stopped without converging'} after{' '}
            {result.output.iterations} iterations: ‖D − L − S‖_F / ‖D‖_F ={' '}
            {formatValue(result.output.residual)}; L has rank {result.output.rank}, S has{' '}
            {result.output.nonzeros} of {result.data.rows * result.data.cols} entries nonzero (λ ={' '}
            {formatValue(result.output.lambda)}).
          </p>
        </>
      ) : (
        <p className="figure-note">
          Principal component pursuit (Candès, Li, Ma &amp; Wright 2011) by the inexact augmented
          Lagrangian method: minimise ‖L‖_* + λ‖S‖₁ subject to L + S = D, one SVD per iteration.
          Corrupt a share of the entries to see S find them.
        </p>
      )}
    </section>
  );
}
