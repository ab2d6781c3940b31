// One side of the Grassmann view: the chosen subspace (column or row space, top-k singular
// subspace, or a space of a LoRA update ΔW = BA) as an orthonormal basis, from the subspaces job.
import { useMemo } from 'react';
import { useCatalogJob } from '../shared/use-job';
import { useMatrix } from '../shared/use-matrix';
import { basisFor, isLora, loraUpdate, toRequest, type SubspaceChoice } from './subspace-choice';

export function useSubspace(choice: SubspaceChoice) {
  const matrix = useMatrix(choice.matrixId);
  const partner = useMatrix(choice.loraA ?? choice.matrixId);
  const lora = isLora(choice.kind);
  const own = matrix?.parsed.matrix ?? null;
  const other = partner?.parsed.matrix ?? null;
  // For the LoRA kinds the subspaces are those of the update ΔW = BA (B = matrix, A = partner).
  const update = useMemo(() => {
    if (!lora || !own || !other) return { dense: null, error: null };
    try {
      return { dense: loraUpdate(own, other), error: null };
    } catch (error) {
      return { dense: null, error: error instanceof Error ? error.message : String(error) };
    }
  }, [lora, own, other]);
  const dense = lora ? update.dense : own;
  const request = useMemo(() => (dense ? { matrix: dense } : null), [dense]);
  const job = useCatalogJob('subspaces', request);
  const result =
    job.result && dense && job.result.rows === dense.rows && job.result.cols === dense.cols
      ? job.result
      : null;
  const basis = useMemo(
    () => (result ? toRequest(basisFor(choice, result)) : null),
    [result, choice],
  );
  const error =
    matrix?.parsed.error ?? (lora ? partner?.parsed.error : null) ?? update.error ?? job.error;
  return { matrix, partner, dense, basis, error };
}
