// What the Lab's scree plots mark, from singular values alone: the rank a decision gave (the
// weight table's policy, a demo's default tolerance), the largest gap, stable and effective rank.
// Everything here is O(k) in the number of values, cheap enough to run on the page.
import { measures } from '../../../../core/rank/measures';
import {
  decideRank,
  estimateNoiseLevel,
  type RankDecision,
  type RankPolicy,
} from '../../../../core/rank/policies';
import type { ScreeMarkers } from '../../figures/scree-plot';
import { bulkEdge, policyLabels } from '../shared/scree-markers';

export interface Shape {
  rows: number;
  cols: number;
}

export function markersFor(
  values: Float64Array,
  shape: Shape,
  decision: RankDecision,
  policy: RankPolicy = { kind: 'default' },
): ScreeMarkers {
  const facts = measures(values, shape);
  return {
    numericalRank: decision.rank,
    tolerance: decision.tolerance,
    policyLabel: policyLabels[policy.kind],
    gapRank: decideRank(values, shape, { kind: 'gap' }).rank,
    stableRank: facts.stableRank,
    effectiveRank: facts.effectiveRank,
    bulkEdge:
      policy.kind === 'noise'
        ? bulkEdge(estimateNoiseLevel(values, shape), shape.rows, shape.cols)
        : null,
  };
}
