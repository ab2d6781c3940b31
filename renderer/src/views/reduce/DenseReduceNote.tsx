// The Reduce view for a matrix kept as numbers: exact step-by-step elimination is for matrices
// a person can read (and for exact entries), so the view says so and points to Spectrum, where
// the numerical rank of a large floating-point matrix belongs.
import { useOpenView } from '../../state/app-context';
import { comfortableSize, largestTracedSize } from './trace-model';

export function DenseReduceNote({
  name,
  rows,
  cols,
}: {
  name: string;
  rows: number;
  cols: number;
}) {
  const openView = useOpenView();
  return (
    <section className="reduce-view" aria-label={`Row reduction of ${name}`}>
      <div className="reduce-toolbar">
        <div className="editor-title">
          <h2>{name}</h2>
          <span className="size-chip">
            {rows}×{cols}
          </span>
        </div>
      </div>
      <div className="reduce-summary" data-testid="dense-reduce-note">
        <p className="panel-note">
          Step-by-step row reduction is shown for matrices up to {largestTracedSize}×
          {largestTracedSize} (and reads best up to {comfortableSize}×{comfortableSize}), over the
          exact entries typed in the editor. This {rows}×{cols} matrix is kept as floating-point
          numbers, so there is no exact trace to step through: its rank is a numerical rank, which
          the Spectrum view reads off the singular values, with every rank policy and its tolerance.
          The inspector shows it too.
        </p>
        {openView ? (
          <p className="dense-reduce-actions">
            <button
              type="button"
              className="file-button primary"
              onClick={() => openView('spectrum')}
            >
              Open Spectrum
            </button>
          </p>
        ) : null}
      </div>
    </section>
  );
}
