// A select of the project's matrices, by name and size.
import { isSelectable, matrixLabel, type ProjectMatrix } from './use-project-matrices';

export interface MatrixPickerProps {
  label: string;
  matrices: ProjectMatrix[];
  value: string;
  onChange(id: string): void;
}

export function MatrixPicker({ label, matrices, value, onChange }: MatrixPickerProps) {
  return (
    <label>
      {label}
      <select aria-label={label} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">— choose —</option>
        {matrices.map((entry) => (
          <option key={entry.id} value={entry.id} disabled={!isSelectable(entry)}>
            {matrixLabel(entry)}
          </option>
        ))}
      </select>
    </label>
  );
}
