// LoRA: the parameter calculator r(m+n) against m·n, the analysis of an update ΔW = B·A (or
// W₁ − W₀) from the project's matrices with a suggested rank and its reason, and the LoRA paper's
// subspace similarity φ(i, j) between two matrices as a heatmap.
import { useMemo, useState } from 'react';
import { formatPercent } from '../../../../core/number-shown';
import { formatValue } from '../../figures/svg';
import type { RankPolicy } from '../../../../core/rank/policies';
import { loraBudgets } from '../../../../core/rank/lora';
import { HeatmapCanvas } from '../shared/HeatmapCanvas';
import { useCatalogJob } from '../shared/use-job';
import { JobStatus } from '../shared/ViewShell';
import { LabScree } from './LabScree';
import { markersFor } from './lab-markers';
import { parseRankList, wholeNumber } from './rank-list';
import { MatrixPicker } from './MatrixPicker';
import { useProjectMatrices } from './use-project-matrices';
import { MathText } from '../shared/MathText';

const integer = new Intl.NumberFormat('en-US');
const defaultPolicy: RankPolicy = { kind: 'default' };

export function LoraPanel() {
  return (
    <>
      <LoraCalculator />
      <DeltaAnalysis />
      <SimilarityGrid />
    </>
  );
}

function LoraCalculator() {
  const [rowsText, setRowsText] = useState('4096');
  const [colsText, setColsText] = useState('4096');
  const [ranksText, setRanksText] = useState('8');
  const rows = wholeNumber(rowsText);
  const cols = wholeNumber(colsText);
  const list = parseRankList(ranksText);
  const budgets = rows && cols && list.ranks ? loraBudgets(rows, cols, list.ranks) : null;
  return (
    <section className="lab-section" aria-label="LoRA calculator">
      <h3>LoRA parameters</h3>
      <div className="figure-toolbar">
        <label>
          m
          <input
            type="number"
            aria-label="Rows m"
            min={1}
            value={rowsText}
            onChange={(event) => setRowsText(event.target.value)}
          />
        </label>
        <label>
          n
          <input
            type="number"
            aria-label="Columns n"
            min={1}
            value={colsText}
            onChange={(event) => setColsText(event.target.value)}
          />
        </label>
        <label>
          ranks
          <input
            type="text"
            aria-label="LoRA ranks"
            value={ranksText}
            onChange={(event) => setRanksText(event.target.value)}
          />
        </label>
      </div>
      {!rows || !cols ? <p className="figure-error">m and n must be whole numbers ≥ 1.</p> : null}
      {list.error ? <p className="figure-error">Ranks: {list.error}.</p> : null}
      {budgets ? (
        <table className="lab-table compact" aria-label="LoRA budgets" data-testid="lora-budgets">
          <thead>
            <tr>
              <th className="numeric">rank r</th>
              <th className="numeric">LoRA r(m+n)</th>
              <th className="numeric">full fine-tuning m·n</th>
              <th className="numeric">fraction</th>
            </tr>
          </thead>
          <tbody>
            {budgets.map((budget, index) => (
              <tr key={`${budget.rank}-${index}`}>
                <td className="numeric">{budget.rank}</td>
                <td className="numeric" data-testid="lora-parameters">
                  {integer.format(budget.parameters)}
                </td>
                <td className="numeric" data-testid="lora-full">
                  {integer.format(budget.fullParameters)}
                </td>
                <td className="numeric">{formatPercent(budget.fraction)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p className="figure-note">
        B is m×r and A is r×n, so ΔW = BA has rank ≤ r and costs r(m+n) numbers instead of m·n (Hu
        et al. 2021).
      </p>
    </section>
  );
}

function DeltaAnalysis() {
  const [kind, setKind] = useState<'factors' | 'checkpoints'>('factors');
  const [firstId, setFirstId] = useState('');
  const [secondId, setSecondId] = useState('');
  const matrices = useProjectMatrices([firstId, secondId]);
  const first = matrices.find((entry) => entry.id === firstId)?.matrix ?? null;
  const second = matrices.find((entry) => entry.id === secondId)?.matrix ?? null;
  const shapeError =
    first && second
      ? kind === 'factors'
        ? first.cols !== second.rows
          ? `B is ${first.rows}×${first.cols} and A is ${second.rows}×${second.cols}: B's columns must equal A's rows`
          : null
        : first.rows !== second.rows || first.cols !== second.cols
          ? `W₀ is ${first.rows}×${first.cols} and W₁ is ${second.rows}×${second.cols}: they must have the same shape`
          : null
      : null;
  const request = useMemo(() => {
    if (!first || !second || shapeError) return null;
    return kind === 'factors'
      ? { kind, b: first, a: second }
      : { kind, before: first, after: second };
  }, [kind, first, second, shapeError]);
  const job = useCatalogJob('loraDelta', request);
  const result = job.result;
  const markers = useMemo(
    () => (result ? markersFor(result.singularValues, result, result.rank, defaultPolicy) : null),
    [result],
  );
  return (
    <section className="lab-section" aria-label="LoRA update">
      <h3>The update ΔW</h3>
      <div className="figure-toolbar">
        <div className="segmented" role="group" aria-label="Update from">
          <button
            type="button"
            aria-pressed={kind === 'factors'}
            onClick={() => setKind('factors')}
          >
            factors B, A
          </button>
          <button
            type="button"
            aria-pressed={kind === 'checkpoints'}
            onClick={() => setKind('checkpoints')}
          >
            checkpoints W₀, W₁
          </button>
        </div>
        <MatrixPicker
          label={kind === 'factors' ? 'B' : 'W₀'}
          matrices={matrices}
          value={firstId}
          onChange={setFirstId}
        />
        <MatrixPicker
          label={kind === 'factors' ? 'A' : 'W₁'}
          matrices={matrices}
          value={secondId}
          onChange={setSecondId}
        />
        <JobStatus job={job} />
      </div>
      {shapeError ? <p className="figure-error">{shapeError}.</p> : null}
      {job.error ? <p className="figure-error">{job.error}</p> : null}
      {result && markers ? (
        <>
          <p className="figure-note" data-testid="delta-rank">
            ΔW = {kind === 'factors' ? 'B·A' : 'W₁ − W₀'} is {result.rows}×{result.cols} with rank{' '}
            <strong>{result.rank.rank}</strong>: {result.rank.reason}.
          </p>
          <LabScree
            values={result.singularValues}
            markers={markers}
            name="delta W scree plot"
            testId="delta-scree"
            height={280}
          />
          <p className="figure-note" data-testid="delta-suggestion">
            Suggested LoRA rank <strong>{result.suggestion.rank}</strong>:{' '}
            {result.suggestion.reason}
          </p>
        </>
      ) : (
        <p className="figure-note">Choose two matrices of the project.</p>
      )}
    </section>
  );
}

function SimilarityGrid() {
  const [firstId, setFirstId] = useState('');
  const [secondId, setSecondId] = useState('');
  const matrices = useProjectMatrices([firstId, secondId]);
  const [side, setSide] = useState<'left' | 'right'>('right');
  const first = matrices.find((entry) => entry.id === firstId)?.matrix ?? null;
  const second = matrices.find((entry) => entry.id === secondId)?.matrix ?? null;
  const shapeError =
    first && second && (side === 'left' ? first.rows !== second.rows : first.cols !== second.cols)
      ? `the ${side === 'left' ? 'column' : 'row'} spaces live in different dimensions (${side === 'left' ? `${first.rows} and ${second.rows} rows` : `${first.cols} and ${second.cols} columns`})`
      : null;
  const request = useMemo(
    () => (first && second && !shapeError ? { first, second, side, maxI: 64, maxJ: 64 } : null),
    [first, second, side, shapeError],
  );
  const job = useCatalogJob('loraSimilarity', request);
  const grid = job.result;
  return (
    <section className="lab-section" aria-label="Subspace similarity">
      <h3>Subspace similarity φ(i, j)</h3>
      <div className="figure-toolbar">
        <MatrixPicker label="first" matrices={matrices} value={firstId} onChange={setFirstId} />
        <MatrixPicker label="second" matrices={matrices} value={secondId} onChange={setSecondId} />
        <label>
          singular vectors
          <select
            aria-label="Singular vector side"
            value={side}
            onChange={(event) => setSide(event.target.value as 'left' | 'right')}
          >
            <option value="right">right (row space, as for A)</option>
            <option value="left">left (column space, as for B)</option>
          </select>
        </label>
      </div>
      {shapeError ? <p className="figure-error">φ needs both in one space: {shapeError}.</p> : null}
      {job.error ? <p className="figure-error">{job.error}</p> : null}
      {grid && grid.rows > 0 && grid.cols > 0 ? (
        <div className="lab-heatmap-row">
          <HeatmapCanvas
            matrix={grid}
            range={{ name: 'sequential', limit: 1, low: 0 }}
            label={`φ(i, j), ${grid.rows}×${grid.cols}`}
            size={220}
            testId="similarity-heatmap"
          />
          <p className="figure-note">
            <MathText>{'φ(i, j) = ‖U₁[:, :i]ᵀ U₂[:, :j]‖²_F / min(i, j)'}</MathText> ∈ [0, 1]: how
            much of the top-i directions of the first lie in the top-j of the second (Hu et al.
            2021, §7). Here φ(1, 1) = {formatValue(grid.data[0])}, φ({grid.rows}, {grid.cols}) ={' '}
            {formatValue(grid.data[grid.rows * grid.cols - 1])}. Dark is 0, bright is 1.
          </p>
        </div>
      ) : null}
    </section>
  );
}
