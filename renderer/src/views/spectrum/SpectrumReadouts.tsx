// What the Spectrum view reads off its job: the rank under the chosen policy and why, the ranks
// of the other policies, and every rank measure and norm beside the plot.
import type { AnalyzeResult } from '../../../../core/jobs/analyze';
import type { SpectrumResult } from '../../../../core/jobs/spectrum';
import { countOf, formatValue } from '../../figures/svg';
import { RankStoryNote } from '../shared/RankStoryNote';
import { MathText } from '../shared/MathText';

export function SpectrumReadouts({
  result,
  written,
}: {
  result: SpectrumResult;
  /** The inspector's reading of the written entries, when the matrix was typed or imported. */
  written: Pick<AnalyzeResult, 'story' | 'exact'> | null;
}) {
  // The story compares against the default policy, so it shows only while that policy is chosen.
  const story = written?.story && result.rank.policy === 'default' ? written.story : null;
  return (
    <>
      <p className="figure-note" data-testid="rank-reason">
        Numerical rank <strong data-testid="spectrum-rank">{result.rank.rank}</strong>:{' '}
        {result.rank.reason}.
      </p>
      {story ? <RankStoryNote story={story} primaryExact={written?.exact ?? false} /> : null}
      <dl className="readouts">
        <div>
          <dt>size</dt>
          <dd>
            {result.rows} × {result.cols}, {countOf(result.singularValues.length, 'singular value')}
          </dd>
        </div>
        <div>
          <dt>rank (default · gap · noise)</dt>
          <dd>
            {result.ranks.default.rank} · {result.ranks.gap.rank} · {result.ranks.noise.rank}
          </dd>
        </div>
        <div>
          <dt>
            stable rank <MathText>{'‖A‖²_F / ‖A‖²₂'}</MathText>
          </dt>
          <dd data-testid="stable-rank">{formatValue(result.measures.stableRank)}</dd>
        </div>
        <div>
          <dt>
            effective rank <MathText>{'exp H(p)'}</MathText>
          </dt>
          <dd data-testid="effective-rank">{formatValue(result.measures.effectiveRank)}</dd>
        </div>
        <div>
          <dt>
            condition number <MathText>{'σ₁/σₖ'}</MathText>
          </dt>
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
          <dt>
            estimated noise level <MathText>{'σ'}</MathText>
          </dt>
          <dd>{formatValue(result.noiseLevel)}</dd>
        </div>
        <div>
          <dt>
            norms <MathText>{'‖·‖₂ · ‖·‖_F · ‖·‖_*'}</MathText>
          </dt>
          <dd>
            {formatValue(result.measures.spectralNorm)} ·{' '}
            {formatValue(result.measures.frobeniusNorm)} ·{' '}
            {formatValue(result.measures.nuclearNorm)}
          </dd>
        </div>
      </dl>
    </>
  );
}
