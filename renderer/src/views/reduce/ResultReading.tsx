// What the finished reduction says: pivot columns of A (a column-space basis), the non-zero rows of
// R (a row-space basis), free variables and special solutions (a null-space basis), and
// rank + nullity = n.
import { memo, useMemo } from 'react';
import { specialSolutionsOf } from './elimination-products';
import { MatrixDisplay } from './MatrixDisplay';
import { matrixTex } from './reduce-latex';
import { Tex } from '../shared/Tex';
import { freeColumns, type ReductionTrace } from './trace-model';

/**
 * A column vector in TeX, its rows spread apart when it holds fractions: at the default spacing
 * stacked fractions touch (−11/41's denominator runs into −7/41's numerator).
 */
function roomyColumn(values: Parameters<typeof matrixTex>[0][number]): string {
  const tex = matrixTex(values.map((value) => [value]));
  return tex.includes('\\frac') ? `{\\def\\arraystretch{1.7}${tex}}` : tex;
}

function ResultReadingInner({ trace }: { trace: ReductionTrace }) {
  const free = freeColumns(trace.pivots, trace.cols);
  const specials = useMemo(() => specialSolutionsOf(trace), [trace]);
  const nullity = trace.cols - trace.rank;
  const pivotRows = Array.from({ length: trace.rank }, (_, i) => i);
  return (
    <section className="result-reading" aria-label="Reading the result">
      <h3>Reading the result</h3>
      <p className="rank-line" data-testid="rank-nullity">
        rank <strong data-testid="reduce-rank">{trace.rank}</strong> + nullity{' '}
        <strong data-testid="reduce-nullity">{nullity}</strong> = {trace.cols} = n
      </p>
      <div className="panel-row">
        <figure>
          <figcaption>
            A: pivot columns {trace.pivots.map((col) => col + 1).join(', ') || 'none'} (a basis of
            the column space)
          </figcaption>
          <MatrixDisplay
            matrix={trace.start}
            label="A with its pivot columns marked"
            highlight={{ columns: trace.pivots }}
            compact
            testId="result-original"
          />
        </figure>
        <figure>
          <figcaption>R: its non-zero rows (a basis of the row space)</figcaption>
          <MatrixDisplay
            matrix={trace.rref}
            label="R with its non-zero rows marked"
            highlight={{ rows: pivotRows, columns: trace.pivots }}
            compact
          />
        </figure>
      </div>
      <p>
        {free.length === 0 ? (
          <>No free variables: the null space is {'{0}'}.</>
        ) : (
          <>
            Free variables: <Tex tex={free.map((col) => `x_{${col + 1}}`).join(', ')} />. Special
            solutions (a basis of the null space):{' '}
            <span data-testid="special-solutions">
              {specials.map((special, k) => (
                <Tex key={k} className="vector" tex={`s_{${k + 1}} = ${roomyColumn(special)}`} />
              ))}
            </span>
          </>
        )}
      </p>
    </section>
  );
}

/** Depends on the trace only, so stepping does not redraw it. */
export const ResultReading = memo(ResultReadingInner);
