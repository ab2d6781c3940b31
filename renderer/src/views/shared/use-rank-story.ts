// The rank story of a project matrix (the exact rank as written against the numerical rank), for
// views that plot the numbers and must still tell the person when the inspector's exact reading
// differs. Runs the inspector's own analyze job, so both surfaces say the same sentence.
import { useMemo } from 'react';
import type { AnalyzeResult } from '../../../../core/jobs/analyze';
import { cellProblems } from '../../state/cell-problems';
import { useProject } from '../../state/app-context';
import { useCatalogJob } from './use-job';

export function useRankStory(
  matrixId: string,
): Pick<AnalyzeResult, 'story' | 'exact' | 'numericalRank'> | null {
  const matrix = useProject((state) =>
    state.document.matrices.find((candidate) => candidate.id === matrixId),
  );
  const request = useMemo(() => {
    if (!matrix || matrix.dense || cellProblems(matrix.entries).length > 0) return null;
    return {
      cells: matrix.entries.map((row) => [...row]),
      ...(matrix.decimals ? { decimals: matrix.decimals } : {}),
    };
  }, [matrix]);
  const job = useCatalogJob('analyze', request);
  return job.result && request
    ? {
        story: job.result.story,
        exact: job.result.exact,
        numericalRank: job.result.numericalRank,
      }
    : null;
}
