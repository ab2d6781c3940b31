// Manual mode's buttons: swap two rows, scale a row by an exact factor, add a multiple of one row
// to another, each with row pickers. They hand the operation to `apply`, which says whether it
// was taken; a factor that is not exact is refused there, with the reason.
import { useState } from 'react';
import { CommandError, type RowOperation } from '../../../../core/exact/command';
import { parseEntry } from '../../../../core/exact/entry';
import type { Rational } from '../../../../core/exact/rational';

function RowPicker({
  label,
  value,
  rows,
  onChange,
}: {
  label: string;
  value: number;
  rows: number;
  onChange(row: number): void;
}) {
  return (
    <select
      aria-label={label}
      value={value}
      onChange={(event) => onChange(Number(event.target.value))}
    >
      {Array.from({ length: rows }, (_, i) => (
        <option key={i} value={i}>
          R{i + 1}
        </option>
      ))}
    </select>
  );
}

function exactFactor(text: string): Rational {
  const entry = parseEntry(text);
  if (!entry.exact) throw new CommandError(`the factor "${text.trim()}" must be an exact number`);
  return entry.value;
}

export interface OperationBuildersProps {
  rows: number;
  apply(operation: RowOperation | (() => RowOperation)): boolean;
}

export function OperationBuilders({ rows, apply }: OperationBuildersProps) {
  const [swapRows, setSwapRows] = useState<[number, number]>([0, 1]);
  const [scaleRow, setScaleRow] = useState(0);
  const [scaleFactor, setScaleFactor] = useState('1/2');
  const [addTarget, setAddTarget] = useState(1);
  const [addSource, setAddSource] = useState(0);
  const [addFactor, setAddFactor] = useState('-1');
  return (
    <div className="operation-builders">
      <div className="builder" role="group" aria-label="Swap rows">
        <RowPicker
          label="Swap first row"
          value={swapRows[0]}
          rows={rows}
          onChange={(row) => setSwapRows([row, swapRows[1]])}
        />
        <span aria-hidden="true">↔</span>
        <RowPicker
          label="Swap second row"
          value={swapRows[1]}
          rows={rows}
          onChange={(row) => setSwapRows([swapRows[0], row])}
        />
        <button type="button" onClick={() => apply({ kind: 'swap', rows: swapRows })}>
          Swap
        </button>
      </div>
      <div className="builder" role="group" aria-label="Scale a row">
        <RowPicker label="Row to scale" value={scaleRow} rows={rows} onChange={setScaleRow} />
        <span>×</span>
        <input
          type="text"
          aria-label="Scale factor"
          value={scaleFactor}
          size={6}
          onChange={(event) => setScaleFactor(event.target.value)}
        />
        <button
          type="button"
          onClick={() =>
            apply(() => ({ kind: 'scale', rows: [scaleRow], factor: exactFactor(scaleFactor) }))
          }
        >
          Scale
        </button>
      </div>
      <div className="builder" role="group" aria-label="Add a multiple of a row">
        <RowPicker label="Row to change" value={addTarget} rows={rows} onChange={setAddTarget} />
        <span>+=</span>
        <input
          type="text"
          aria-label="Multiple"
          value={addFactor}
          size={6}
          onChange={(event) => setAddFactor(event.target.value)}
        />
        <span>×</span>
        <RowPicker label="Row to add" value={addSource} rows={rows} onChange={setAddSource} />
        <button
          type="button"
          onClick={() =>
            apply(() => ({
              kind: 'add',
              rows: [addTarget, addSource],
              factor: exactFactor(addFactor),
            }))
          }
        >
          Add multiple
        </button>
      </div>
    </div>
  );
}
