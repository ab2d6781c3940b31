// Robust PCA demo: split D = L + S (low rank plus sparse) by principal component pursuit on the
// example image with seeded sparse corruption, or on a project matrix; iteration progress
// streams from the host, then heatmaps of D, L and S and the convergence report.
import { useMemo, useState } from 'react';
import exampleImage from '../../../../assets/examples/approximate-image.json';
import { rangeFor } from '../../figures/heatmap-pixels';
import { formatValue } from '../../figures/svg';
import { runJob } from '../../host/run-job';
import { useHost } from '../../state/app-context';
import { HeatmapCanvas } from '../shared/HeatmapCanvas';
import { useJob } from '../shared/use-job';
import { matrixFromCells, type RequestMatrix } from '../../state/matrix-from-cells';
import { corruptSparsely } from './sparse-corruption';
import { isSelectable, useProjectMatrices } from './use-project-matrices';
import { MathText } from '../shared/MathText';

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
  // Runs on "Separate", not on every change: one PCP run is hundreds of SVDs.
  const [request, setRequest] = useState<{ matrix: RequestMatrix } | null>(null);
  const job = useJob(
    async (input: { matrix: RequestMatrix }, control) => ({
      data: input.matrix,
      output: await runJob(host, 'robustPca', { ...input, maxIterations: 500 }, control),
    }),
    request,
    { debounceMilliseconds: 0 },
  );
  const result = job.result;

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
        <button
          type="button"
          onClick={() => data && setRequest({ matrix: data })}
          disabled={!data || job.running}
        >
          Separate
        </button>
        {job.running ? (
          <span className="lab-progress" role="status">
            <progress max={1} value={job.progress} aria-label="Robust PCA progress" />
            <span>{job.message}</span>
            <button type="button" onClick={job.cancel}>
              Cancel
            </button>
          </span>
        ) : null}
      </div>
      {!shareValid ? (
        <p className="figure-error">The corrupted share must be between 0 and 50 %.</p>
      ) : null}
      {job.error ? <p className="figure-error">{job.error}</p> : null}
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
            {result.output.iterations} iterations: <MathText>{'‖D − L − S‖_F / ‖D‖_F'}</MathText> ={' '}
            {formatValue(result.output.residual)}; L has rank {result.output.rank}, S has{' '}
            {result.output.nonzeros} of {result.data.rows * result.data.cols} entries nonzero (λ ={' '}
            {formatValue(result.output.lambda)}).
          </p>
        </>
      ) : (
        <p className="figure-note">
          Principal component pursuit (Candès, Li, Ma &amp; Wright 2011) by the inexact augmented
          Lagrangian method: minimise <MathText>{'‖L‖_* + λ‖S‖₁'}</MathText> subject to L + S = D,
          one SVD per iteration. Corrupt a share of the entries to see S find them.
        </p>
      )}
    </section>
  );
}
