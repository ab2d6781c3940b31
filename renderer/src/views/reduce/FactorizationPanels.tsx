// What the same reduction factors out: [A | I] (A⁻¹, or the left null space when A is singular),
// PA = LU filling in as elimination goes, and A = CR.
import { useMemo } from 'react';
import type { Field } from '../../../../core/exact/field';
import { fieldOf, readIdentity, runningProduct } from './elimination-products';
import { luStageIndex, luStages } from './lu-stages';
import { MatrixDisplay } from './MatrixDisplay';
import { joinColumns, type PanelProps } from './panel-support';
import { matrixTex } from './reduce-latex';
import { Tex } from '../shared/Tex';
import { matrixAtStep, type Scalar, type ScalarMatrix } from './trace-model';

export function IdentityPanel({ trace, stepIndex }: PanelProps) {
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

export function LuPanel({ trace, stepIndex }: PanelProps) {
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

export function CrPanel({ trace }: PanelProps) {
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
