// [A | b] carried along by the same operations: b typed (or the row sums, which always solve),
// then read at the end as no solution, one solution, or a particular solution plus the null space.
import { useMemo, useState } from 'react';
import { parseEntry } from '../../../../core/exact/entry';
import { fieldOf, multiplyVector, readSystem, runningProduct } from './elimination-products';
import { MatrixDisplay } from './MatrixDisplay';
import { column, joinColumns, type PanelProps } from './panel-support';
import { matrixTex, scalarTex } from './reduce-latex';
import { Tex } from '../shared/Tex';
import { matrixAtStep, scalarText, type ReductionTrace, type Scalar } from './trace-model';

function parseVector(text: string, length: number, exact: boolean): Scalar[] | string {
  const parts = text
    .split(/[,;\s]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length !== length)
    return `b needs ${length} entries (one per row); it has ${parts.length}.`;
  const values: Scalar[] = [];
  for (const part of parts) {
    try {
      const entry = parseEntry(part);
      if (exact) {
        if (!entry.exact) return `"${part}" is not exact: an exact reduction needs an exact b.`;
        values.push(entry.value);
      } else {
        values.push(entry.approx);
      }
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }
  return values;
}

function vectorTex(vector: readonly Scalar[]): string {
  return matrixTex(column(vector));
}

/** b = A·(1, …, 1), the row sums: a right-hand side that always has a solution, to start from. */
function rowSumsText(trace: ReductionTrace): string {
  const field = fieldOf(trace);
  return trace.start
    .map((row) => scalarText(row.reduce<Scalar>((sum, value) => field.add(sum, value), field.zero)))
    .join(', ');
}

export function SystemPanel({
  trace,
  stepIndex,
  initialRightHandSide,
}: PanelProps & { initialRightHandSide: string | null }) {
  const [text, setText] = useState(() => initialRightHandSide ?? rowSumsText(trace));
  const field = fieldOf(trace);
  const product = useMemo(() => runningProduct(trace, stepIndex), [trace, stepIndex]);
  const vector = parseVector(text, trace.rows, trace.exact);
  const done = stepIndex >= trace.steps.length;
  let body = null;
  if (typeof vector === 'string') {
    body = <p className="feedback error">{vector}</p>;
  } else {
    const reduced = multiplyVector(product, vector, field);
    const reading = done ? readSystem(trace, reduced) : null;
    body = (
      <>
        <MatrixDisplay
          matrix={joinColumns(matrixAtStep(trace, stepIndex), column(reduced))}
          label="Augmented matrix A b"
          augmentAt={trace.cols}
          compact
          testId="augmented-system"
        />
        {reading === null ? (
          <p className="panel-note">Step to the end to read the solution.</p>
        ) : reading.kind === 'inconsistent' ? (
          <p className="panel-note" data-testid="system-reading">
            No solution: row {reading.row + 1} reads <Tex tex={`0 = ${scalarTex(reading.value)}`} />
            .
          </p>
        ) : reading.kind === 'unique' ? (
          <p className="panel-note" data-testid="system-reading">
            One solution: <Tex tex={`x = ${vectorTex(reading.solution)}`} />
          </p>
        ) : (
          <p className="panel-note" data-testid="system-reading">
            Infinitely many solutions:{' '}
            <Tex
              tex={`x = ${vectorTex(reading.particular)} ${reading.specialSolutions
                .map((special, k) => `+ t_{${k + 1}} ${vectorTex(special)}`)
                .join(' ')}`}
            />
          </p>
        )}
      </>
    );
  }
  return (
    <div className="panel-body">
      <label className="inline-field">
        <span>b =</span>
        <input
          type="text"
          value={text}
          aria-label="Right-hand side b"
          spellCheck={false}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      {body}
    </div>
  );
}
