// Picks one side of the comparison: a project matrix and which of its subspaces, or for LoRA
// factors two project matrices B and A and which subspace of their update ΔW = BA.
import type { MatrixDocument } from '../../../../core/project/schema';
import { sizeText } from '../../state/matrix-size';
import { isLora, kindLabels, type SubspaceChoice, type SubspaceKind } from './subspace-choice';

export interface SubspacePickerProps {
  label: string;
  matrices: readonly MatrixDocument[];
  choice: SubspaceChoice;
  onChange(choice: SubspaceChoice): void;
}

export function SubspacePicker({ label, matrices, choice, onChange }: SubspacePickerProps) {
  const options = matrices.map((matrix) => (
    <option key={matrix.id} value={matrix.id}>
      {matrix.name} ({sizeText(matrix)})
    </option>
  ));
  return (
    <fieldset className="subspace-picker">
      <legend>{label}</legend>
      <select
        aria-label={`${label} subspace`}
        value={choice.kind}
        onChange={(event) => onChange({ ...choice, kind: event.target.value as SubspaceKind })}
      >
        {(Object.keys(kindLabels) as SubspaceKind[]).map((kind) => (
          <option key={kind} value={kind}>
            {kindLabels[kind]}
          </option>
        ))}
      </select>
      <span className="muted">{isLora(choice.kind) ? 'B =' : 'of'}</span>
      <select
        aria-label={`${label} matrix`}
        value={choice.matrixId}
        onChange={(event) => onChange({ ...choice, matrixId: event.target.value })}
      >
        {options}
      </select>
      {isLora(choice.kind) ? (
        <>
          <span className="muted">A =</span>
          <select
            aria-label={`${label} LoRA A`}
            value={choice.loraA ?? choice.matrixId}
            onChange={(event) => onChange({ ...choice, loraA: event.target.value })}
          >
            {options}
          </select>
        </>
      ) : null}
      {choice.kind === 'top-left' || choice.kind === 'top-right' ? (
        <label>
          k
          <input
            type="number"
            min={1}
            max={64}
            aria-label={`${label} k`}
            value={choice.k}
            onChange={(event) =>
              onChange({ ...choice, k: Math.max(1, Math.floor(Number(event.target.value) || 1)) })
            }
          />
        </label>
      ) : null}
    </fieldset>
  );
}
