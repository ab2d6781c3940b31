// The panels a person can open beside the stepping matrix: the step's elementary matrix and the
// running product E (E·A = current), [A | b] and [A | I] carried along by the same operations, PA = LU
// filling up as elimination goes, and A = CR.
import { useMemo, useState } from 'react';
import { parseEntry } from '../../../../core/exact/entry';
import type { Field } from '../../../../core/exact/field';
import {
  elementaryMatrixOf,
  fieldOf,
  identityOf,
  multiplyVector,
  readIdentity,
  readSystem,
  runningProduct,
} from './elimination-products';
import { luStageIndex, luStages } from './lu-stages';
import { MatrixDisplay } from './MatrixDisplay';
import { matrixTex, scalarTex } from './reduce-latex';
import { Tex } from './Tex';
import {
  matrixAtStep,
  scalarText,
  type ReductionTrace,
  type Scalar,
  type ScalarMatrix,
} from './trace-model';

export type PanelId = 'elementary' | 'system' | 'identity' | 'lu' | 'cr';

export const panelTitles: Record<PanelId, string> = {
  elementary: 'Elementary matrices',
  system: '[A | b]',
  identity: '[A | I]',
  lu: 'PA = LU',
  cr: 'A = CR',
};

interface PanelProps {
  trace: ReductionTrace;
  stepIndex: number;
}

function column(vector: readonly Scalar[]): ScalarMatrix {
  return vector.map((value) => [value]);
}

function joinColumns(left: ScalarMatrix, right: ScalarMatrix): ScalarMatrix {
  return left.map((row, i) => [...row, ...right[i]]);
}

function ElementaryPanel({ trace, stepIndex }: PanelProps) {
  const field = fieldOf(trace);
  const product = useMemo(() => runningProduct(trace, stepIndex), [trace, stepIndex]);
  const step = stepIndex > 0 ? trace.steps[stepIndex - 1] : null;
  const elementary = step
    ? elementaryMatrixOf(step, trace.rows, field)
    : identityOf(trace.rows, field);
  return (
    <div className="panel-body panel-row">
      <figure>
        <figcaption>
          <Tex tex={step ? `E_{${stepIndex}}` : 'E_0 = I'} />{' '}
          {step ? 'of this step' : '(no step yet)'}
        </figcaption>
        <MatrixDisplay
          matrix={elementary}
          label={`Elementary matrix of step ${stepIndex}`}
          compact
        />
      </figure>
      <figure>
        <figcaption>
          <Tex
            tex={
              stepIndex > 1
                ? `E = E_{${stepIndex}} \\cdots E_1`
                : stepIndex === 1
                  ? 'E = E_1'
                  : 'E = I'
            }
          />
        </figcaption>
        <MatrixDisplay
          matrix={product}
          label="Running product E"
          compact
          testId="running-product"
        />
      </figure>
      <figure>
        <figcaption>
          <Tex tex="EA" /> = the current matrix
        </figcaption>
        <MatrixDisplay matrix={matrixAtStep(trace, stepIndex)} label="E times A" compact />
      </figure>
    </div>
  );
}

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

function SystemPanel({
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

function IdentityPanel({ trace, stepIndex }: PanelProps) {
  const product = useMemo(() => runningProduct(trace, stepIndex), [trace, stepIndex]);
  const done = stepIndex >= trace.steps.length;
  const reading = done ? readIdentity(trace, product) : null;
  return (
    <div className="panel-body">
      <MatrixDisplay
        matrix={joinColumns(matrixAtStep(trace, stepIndex), product)}
        label="Augmented matrix A I"
        augmentAt={trace.cols}
        compact
        testId="augmented-identity"
      />
      {reading === null ? (
        <p className="panel-note">
          The right block is E. Step to the end to read the inverse or the left null space.
        </p>
      ) : reading.kind === 'inverse' ? (
        <p className="panel-note" data-testid="identity-reading">
          A is invertible: <Tex tex={`A^{-1} = ${matrixTex(reading.inverse)}`} />
        </p>
      ) : reading.basis.length === 0 ? (
        <p className="panel-note" data-testid="identity-reading">
          No inverse (A is not square), and the left null space is {'{0}'}: the rank equals the
          number of rows.
        </p>
      ) : (
        <p className="panel-note" data-testid="identity-reading">
          No inverse. The last {reading.basis.length} rows of E span the left null space (
          <Tex tex="y^{\mathsf T} A = 0" />
          ):{' '}
          {reading.basis.map((row, k) => (
            <Tex key={k} tex={matrixTex([row])} />
          ))}
        </p>
      )}
    </div>
  );
}

function permutationMatrix(permutation: readonly number[], field: Field<Scalar>): ScalarMatrix {
  return permutation.map((source) =>
    permutation.map((_, j) => (j === source ? field.one : field.zero)),
  );
}

function LuPanel({ trace, stepIndex }: PanelProps) {
  const field = fieldOf(trace);
  const stages = useMemo(() => luStages(trace.start, fieldOf(trace)), [trace]);
  const stage = stages[luStageIndex(trace.steps, stepIndex, stages.length)];
  const event = stage.event;
  return (
    <div className="panel-body">
      <div className="panel-row">
        <figure>
          <figcaption>P</figcaption>
          <MatrixDisplay matrix={permutationMatrix(stage.permutation, field)} label="P" compact />
        </figure>
        <figure>
          <figcaption>L (multipliers)</figcaption>
          <MatrixDisplay
            matrix={stage.lower}
            label="L"
            compact
            testId="lu-lower"
            highlight={{
              pivot: event?.kind === 'multiplier' ? { row: event.row, col: event.col } : null,
            }}
          />
        </figure>
        <figure>
          <figcaption>U</figcaption>
          <MatrixDisplay matrix={stage.upper} label="U" compact />
        </figure>
      </div>
      <p className="panel-note">
        Built as elimination goes: each step that clears below a pivot writes its multiplier into L.
        Rows are exchanged only where a pivot position holds a zero
        {trace.strategy === 'partial'
          ? ', so this can differ from the partial-pivoting order above'
          : ''}
        .
      </p>
    </div>
  );
}

function CrPanel({ trace }: PanelProps) {
  const columnFactor = trace.start.map((row) => trace.pivots.map((col) => row[col]));
  const rowFactor = trace.rref.slice(0, trace.rank);
  if (trace.rank === 0) return <p className="panel-note">A is zero: C and R are empty (rank 0).</p>;
  return (
    <div className="panel-body panel-row">
      <figure>
        <figcaption>C: the pivot columns of A</figcaption>
        <MatrixDisplay matrix={columnFactor} label="C" compact />
      </figure>
      <figure>
        <figcaption>R: the non-zero rows of rref(A)</figcaption>
        <MatrixDisplay matrix={rowFactor} label="R" compact />
      </figure>
      <p className="panel-note">
        A = CR: column j of A is C times column j of R ({trace.rows}×{trace.rank} times {trace.rank}
        ×{trace.cols}).
      </p>
    </div>
  );
}

export function ReducePanel({
  id,
  trace,
  stepIndex,
  initialRightHandSide,
}: PanelProps & { id: PanelId; initialRightHandSide: string | null }) {
  switch (id) {
    case 'elementary':
      return <ElementaryPanel trace={trace} stepIndex={stepIndex} />;
    case 'system':
      return (
        <SystemPanel
          trace={trace}
          stepIndex={stepIndex}
          initialRightHandSide={initialRightHandSide}
        />
      );
    case 'identity':
      return <IdentityPanel trace={trace} stepIndex={stepIndex} />;
    case 'lu':
      return <LuPanel trace={trace} stepIndex={stepIndex} />;
    case 'cr':
      return <CrPanel trace={trace} stepIndex={stepIndex} />;
  }
}
