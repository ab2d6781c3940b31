// A matrix typeset entry by entry (stacked fractions in KaTeX's fonts) in a CSS grid between brackets, so single cells
// and rows can be highlighted and a changed row can fade in without re-laying out the rest.
import { memo } from 'react';
import { entryHtml } from './entry-html';
import { scalarText, type Scalar } from './trace-model';

export interface MatrixHighlight {
  pivot?: { row: number; col: number } | null;
  readRows?: readonly number[];
  writtenRows?: readonly number[];
  /** Columns to mark (pivot columns of A: a basis of the column space). */
  columns?: readonly number[];
  /** Rows to mark (non-zero rows of R: a basis of the row space). */
  rows?: readonly number[];
}

export interface MatrixDisplayProps {
  matrix: readonly (readonly Scalar[])[];
  label: string;
  highlight?: MatrixHighlight;
  /** A vertical bar before this column: [A | b], [A | I]. */
  augmentAt?: number;
  /** Changes when a step is taken, so the written rows replay their entrance. */
  animationKey?: string | number;
  testId?: string;
  compact?: boolean;
}

function MatrixDisplayInner({
  matrix,
  label,
  highlight,
  augmentAt,
  animationKey,
  testId,
  compact,
}: MatrixDisplayProps) {
  const cols = matrix.length === 0 ? 0 : matrix[0].length;
  const written = new Set(highlight?.writtenRows ?? []);
  const read = new Set(highlight?.readRows ?? []);
  const markedColumns = new Set(highlight?.columns ?? []);
  const markedRows = new Set(highlight?.rows ?? []);
  const pivot = highlight?.pivot;
  return (
    <div
      className={compact ? 'matrix-display compact' : 'matrix-display'}
      role="group"
      aria-label={label}
      data-testid={testId}
      data-rows={matrix.length}
      data-cols={cols}
    >
      <div
        className="matrix-body"
        style={{
          gridTemplateColumns: `repeat(${cols}, minmax(${compact ? '1.6rem' : '2.4rem'}, auto))`,
        }}
      >
        {matrix.map((row, i) => {
          const rowClass = [
            'matrix-cell',
            written.has(i) ? 'row-written' : '',
            read.has(i) ? 'row-read' : '',
            markedRows.has(i) ? 'row-marked' : '',
          ]
            .filter(Boolean)
            .join(' ');
          return row.map((value, j) => {
            const text = scalarText(value);
            const className = [
              rowClass,
              pivot && pivot.row === i && pivot.col === j ? 'pivot-cell' : '',
              markedColumns.has(j) ? 'column-marked' : '',
              augmentAt !== undefined && j === augmentAt ? 'augment-start' : '',
            ]
              .filter(Boolean)
              .join(' ');
            return (
              <div
                // Written rows get a new key per step so their entrance animation runs again.
                key={written.has(i) ? `${i}:${j}:${animationKey ?? ''}` : `${i}:${j}`}
                className={className}
                data-row={i}
                data-col={j}
                data-value={text}
                dangerouslySetInnerHTML={{ __html: entryHtml(text) }}
              />
            );
          });
        })}
      </div>
    </div>
  );
}

export const MatrixDisplay = memo(MatrixDisplayInner);
