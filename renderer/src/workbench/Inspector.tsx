// The inspector: the selected matrix's rank (exact or numerical, and which), nullity, the four
// fundamental subspaces with their dimensions, and rank–nullity, recomputed on each edit.
import { useMemo } from 'react';
import type { AnalyzeResult } from '../../../core/jobs/analyze';
import type { MatrixDocument } from '../../../core/project/schema';
import { cellProblems } from '../state/cell-problems';
import { selectedMatrix } from '../state/project-store';
import { useProject, useProjectStore } from '../state/app-context';
import { formatNumber } from '../../../core/number-shown';
import { hasDecimal, type DecimalReading } from '../../../core/exact/decimal-reading';
import { subscript, subspaceLine } from '../views/shared/math-text';
import { RankStoryNote } from '../views/shared/RankStoryNote';
import { analysisFromSpectrum } from './dense-analysis';
import { useNumericMatrix } from '../state/use-numeric-matrix';
import { useCatalogJob } from '../views/shared/use-job';

const subspaceTestIds: Record<string, string> = {
  column: 'subspace-column',
  row: 'subspace-row',
  null: 'subspace-null',
  leftNull: 'subspace-left-null',
};
const singularValuesShown = 8;

/** The choice between the two readings of a matrix's decimals, shown when it has decimals. */
function DecimalReadingChoice({
  reading,
  onChange,
}: {
  reading: DecimalReading;
  onChange: (reading: DecimalReading) => void;
}) {
  return (
    <div className="decimal-reading" role="radiogroup" aria-label="Read the decimals">
      <span className="segmented-label">Decimals</span>
      {(
        [
          [
            'floating',
            'as floating data',
            'Computed numbers: the rank counts singular values above the tolerance',
          ],
          [
            'exact',
            'as written',
            'The exact numbers written: the rank comes from exact row reduction',
          ],
        ] as const
      ).map(([value, label, title]) => (
        <button
          key={value}
          type="button"
          role="radio"
          aria-checked={reading === value}
          className={reading === value ? 'selected' : undefined}
          title={title}
          data-testid={`decimals-${value}`}
          onClick={() => onChange(value)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

function Result({
  result,
  onReadingChange,
}: {
  result: AnalyzeResult;
  onReadingChange?: (reading: DecimalReading) => void;
}) {
  const badge = result.exact ? 'exact' : `numerical, tol ${formatNumber(result.tolerance)}`;
  return (
    <>
      <div className="rank-block">
        <span className="rank-label">Rank</span>
        <span className="rank-value" data-testid="rank-value">
          {result.rank}
        </span>
        <span
          className={result.exact ? 'badge badge-exact' : 'badge badge-numerical'}
          data-testid="rank-kind"
        >
          {badge}
        </span>
      </div>
      <p className="method" data-testid="rank-method">
        {result.method}
      </p>
      {result.story ? <RankStoryNote story={result.story} primaryExact={result.exact} /> : null}
      {onReadingChange ? (
        <DecimalReadingChoice reading={result.reading} onChange={onReadingChange} />
      ) : null}

      <dl className="facts">
        <div>
          <dt>Nullity</dt>
          <dd data-testid="nullity-value">{result.nullity}</dd>
        </div>
        <div>
          <dt>Rank + nullity = n</dt>
          <dd data-testid="inspector-rank-nullity">
            {result.rank} + {result.nullity} = {result.cols}
          </dd>
        </div>
        {result.exact && result.pivots ? (
          <div>
            <dt>Pivot columns</dt>
            <dd data-testid="pivot-columns">
              {result.pivots.length > 0
                ? result.pivots.map((pivot) => pivot + 1).join(', ')
                : 'none'}
            </dd>
          </div>
        ) : null}
        {!result.exact && !result.story ? (
          <div>
            <dt>Numerical rank</dt>
            <dd>{result.numericalRank}</dd>
          </div>
        ) : null}
      </dl>

      <h3 className="section-title">Fundamental subspaces</h3>
      <ul className="subspaces">
        {result.subspaces.map((subspace) => (
          <li key={subspace.key} data-testid={subspaceTestIds[subspace.key]}>
            <span>{subspaceLine(subspace)}</span>
            <span className="dimension-bar" aria-hidden="true">
              <span
                style={{
                  width: `${subspace.ambient === 0 ? 0 : (100 * subspace.dimension) / subspace.ambient}%`,
                }}
              />
            </span>
          </li>
        ))}
      </ul>

      {result.singularValues.length > 0 ? (
        <>
          <h3 className="section-title">Singular values</h3>
          <p className="singular-values">
            {result.singularValues.slice(0, singularValuesShown).map((value, index) => (
              <span
                key={index}
                className={value > result.tolerance ? 'sigma' : 'sigma below'}
                title={value > result.tolerance ? undefined : 'Below the tolerance: not counted'}
              >
                σ{subscript(index + 1)} {formatNumber(value)}
              </span>
            ))}
            {result.singularValues.length > singularValuesShown ? (
              <span className="muted">…</span>
            ) : null}
          </p>
        </>
      ) : null}
    </>
  );
}

/** The analysis of one matrix; remounted per matrix so a result never shows under another. */
function MatrixAnalysis({ matrix }: { matrix: MatrixDocument }) {
  const { entries, decimals } = matrix;
  const store = useProjectStore();
  const problems = useMemo(() => cellProblems(entries), [entries]);
  // Never ask for a rank of a matrix with a bad cell: say what is wrong instead.
  const request = useMemo(
    () =>
      problems.length === 0
        ? { cells: entries.map((row) => [...row]), ...(decimals ? { decimals } : {}) }
        : null,
    [problems, entries, decimals],
  );
  const writesDecimals = useMemo(() => entries.some((row) => row.some(hasDecimal)), [entries]);
  const analysis = useCatalogJob('analyze', request);

  let body;
  if (problems.length > 0) {
    body = (
      <div className="inspector-problem" role="alert" data-testid="inspector-problem">
        <strong>The rank cannot be computed yet.</strong>
        <p>{problems[0].message}</p>
        {problems.length > 1 ? (
          <p className="muted">
            and {problems.length - 1} more {problems.length === 2 ? 'cell' : 'cells'} to fix.
          </p>
        ) : null}
      </div>
    );
  } else if (analysis.error) {
    body = (
      <div className="inspector-problem" role="alert" data-testid="inspector-error">
        <strong>The analysis failed.</strong>
        <p>{analysis.error}</p>
      </div>
    );
  } else if (analysis.result) {
    body = (
      <Result
        result={analysis.result}
        onReadingChange={
          writesDecimals && analysis.result.exactRank !== null
            ? (reading) => store.getState().setDecimalReading(matrix.id, reading)
            : undefined
        }
      />
    );
  } else {
    body = <p className="muted">Computing…</p>;
  }

  return (
    <>
      <div className="panel-header">
        <h2>Inspector</h2>
        <span
          className={analysis.slow ? 'activity active' : 'activity'}
          role="status"
          aria-label={analysis.slow ? 'Computing' : undefined}
        />
      </div>
      <div
        className={analysis.running && analysis.result ? 'inspector-body stale' : 'inspector-body'}
        aria-busy={analysis.running}
      >
        {body}
      </div>
    </>
  );
}

/**
 * The analysis of a matrix kept as numbers: read from the host, then its spectrum on a worker
 * (the analyze job takes exact strings), with the job's progress for large ones.
 */
function DenseAnalysis({ matrixId }: { matrixId: string }) {
  const numeric = useNumericMatrix(matrixId);
  const request = useMemo(
    () => (numeric?.matrix ? { matrix: numeric.matrix } : null),
    [numeric?.matrix],
  );
  const job = useCatalogJob('spectrum', request);
  const result = useMemo(
    () => (job.result ? analysisFromSpectrum(job.result) : null),
    [job.result],
  );
  const busy = Boolean(numeric?.loading) || job.running;

  let body;
  if (numeric?.error || job.error) {
    body = (
      <div className="inspector-problem" role="alert" data-testid="inspector-error">
        <strong>The analysis failed.</strong>
        <p>{numeric?.error ?? job.error}</p>
      </div>
    );
  } else if (result) {
    body = <Result result={result} />;
  } else {
    body = (
      <p className="muted">
        {numeric?.loading
          ? 'Reading the numbers…'
          : `Computing… ${Math.round(job.progress * 100)}%`}
      </p>
    );
  }

  return (
    <>
      <div className="panel-header">
        <h2>Inspector</h2>
        <span
          className={busy ? 'activity active' : 'activity'}
          role="status"
          aria-label={busy ? 'Computing' : undefined}
        />
      </div>
      <div className="inspector-body" aria-busy={busy}>
        {body}
      </div>
    </>
  );
}

export function Inspector() {
  const matrix = useProject(selectedMatrix);
  return (
    <aside className="inspector" aria-label="Inspector">
      {matrix?.dense ? (
        <DenseAnalysis key={matrix.id} matrixId={matrix.id} />
      ) : matrix ? (
        <MatrixAnalysis key={matrix.id} matrix={matrix} />
      ) : (
        <>
          <div className="panel-header">
            <h2>Inspector</h2>
          </div>
          <div className="inspector-body">
            <p className="muted">No matrix selected.</p>
          </div>
        </>
      )}
    </aside>
  );
}
