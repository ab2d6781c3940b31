// The editor's place for a matrix kept as numbers (larger than the editor): its size, why it is
// read-only, exports, and a preview of its top-left block. There is no grid to type in.
import { useMemo } from 'react';
import type { DenseReference, MatrixDocument } from '../../../../core/project/schema';
import { MatrixTransfer } from '../../files/MatrixTransfer';
import { largestEditorSize } from '../../../../core/project/limits';
import { useNumericMatrix } from '../../state/use-numeric-matrix';
import { denseSentence, previewBlock } from './dense-preview';

export function DenseMatrixPanel({
  matrix,
}: {
  matrix: MatrixDocument & { dense: DenseReference };
}) {
  const numeric = useNumericMatrix(matrix.id);
  const rows = matrix.dense.rows;
  const cols = matrix.dense.cols;
  const block = useMemo(
    () => (numeric?.matrix ? previewBlock(numeric.matrix) : null),
    [numeric?.matrix],
  );

  return (
    <section className="editor" aria-label={`Editor for ${matrix.name}`}>
      <div className="editor-toolbar">
        <div className="editor-title">
          <h2>{matrix.name}</h2>
          <span className="size-chip" aria-label={`${rows} by ${cols}`}>
            {rows}×{cols}
          </span>
          <span className="badge badge-numerical">read-only</span>
        </div>
      </div>
      <p className="editor-note dense-sentence" data-testid="dense-sentence">
        {denseSentence(rows, cols, largestEditorSize)}
      </p>
      {matrix.note ? <p className="editor-note">{matrix.note}</p> : null}
      <MatrixTransfer matrix={matrix} numbers={numeric?.matrix ?? null} />

      {numeric?.error ? (
        <p className="feedback error" role="alert">
          {numeric.error}
        </p>
      ) : null}
      {block ? (
        <>
          <p className="editor-hint" data-testid="dense-preview-caption">
            {block.rows === rows && block.cols === cols
              ? `All ${rows}×${cols} entries, to four significant digits.`
              : `The top-left ${block.rows}×${block.cols} block of ${rows}×${cols}, to four significant digits.`}
          </p>
          <div className="grid-scroller dense-scroller">
            <table
              className="dense-preview"
              data-testid="dense-preview"
              aria-label={`${matrix.name}, top-left ${block.rows} rows by ${block.cols} columns`}
            >
              <thead>
                <tr>
                  <th aria-hidden="true" />
                  {block.cells[0]?.map((_, column) => (
                    <th key={column} scope="col">
                      {column + 1}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {block.cells.map((cells, row) => (
                  <tr key={row}>
                    <th scope="row">{row + 1}</th>
                    {cells.map((text, column) => (
                      <td key={column}>{text}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : numeric?.loading ? (
        <p className="editor-hint" role="status">
          Reading the numbers…
        </p>
      ) : null}
    </section>
  );
}
