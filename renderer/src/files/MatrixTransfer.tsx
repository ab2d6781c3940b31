// Getting a matrix in and out as text: paste one from numpy, MATLAB, LaTeX, Mathematica, Python
// or a spreadsheet as a new matrix, and export the selected one as CSV, .npy, MATLAB, numpy or
// LaTeX (saved as a file or copied).
import { useMemo, useState } from 'react';
import { parsePastedMatrix } from '../../../core/formats/paste';
import {
  exportMatrix,
  matrixExportFormats,
  type MatrixExportFormat,
} from '../../../core/project/export-matrix';
import type { Matrix } from '../../../core/linalg/matrix';
import type { MatrixDocument } from '../../../core/project/schema';
import { saveBlob } from '../export/save-file';
import { exportRefusal } from './export-refusal';
import { largestEditorSize } from '../../../core/project/limits';
import { denseMatrices } from '../state/dense-matrices';
import { useHost, useProjectStore } from '../state/app-context';
import { matrixFromCells } from '../state/matrix-from-cells';
import './files.css';

const formatNames: Record<MatrixExportFormat, string> = {
  csv: 'CSV',
  npy: 'NumPy .npy',
  matlab: 'MATLAB',
  numpy: 'NumPy code',
  latex: 'LaTeX',
};

/**
 * What a pasted text reads as. A matrix larger than the editor is kept as numbers (read-only), so
 * every cell must be a number now: there will be no grid to fix it in.
 */
function preview(text: string) {
  if (text.trim() === '') return { error: null, parsed: null, numbers: null };
  try {
    const parsed = parsePastedMatrix(text);
    if (parsed.rows <= largestEditorSize && parsed.cols <= largestEditorSize)
      return { error: null, parsed, numbers: null };
    const numbers = matrixFromCells(parsed.cells);
    if (numbers.error !== null) return { error: numbers.error, parsed: null, numbers: null };
    return { error: null, parsed, numbers: numbers.matrix };
  } catch (error) {
    return { error: (error as Error).message, parsed: null, numbers: null };
  }
}

export function MatrixTransfer({
  matrix,
  numbers = null,
}: {
  matrix: MatrixDocument;
  /** The numbers of a dense matrix (its cells are empty); null while they are read. */
  numbers?: Matrix | null;
}) {
  const store = useProjectStore();
  const { host } = useHost();
  const [pasting, setPasting] = useState(false);
  const [text, setText] = useState('');
  const [format, setFormat] = useState<MatrixExportFormat>('csv');
  const [message, setMessage] = useState<string | null>(null);
  const checked = useMemo(() => preview(text), [text]);

  const refusal = exportRefusal(matrix, format, numbers);
  const exported = () => exportMatrix(matrix, format, numbers ? { blob: numbers } : {});
  const copy = async () => {
    if (refusal) return setMessage(refusal);
    const result = exported();
    if (!result.text) return setMessage('A .npy file is binary: save it instead.');
    try {
      await navigator.clipboard.writeText(result.text);
      setMessage(`Copied as ${formatNames[format]}.`);
    } catch {
      setMessage('The clipboard is not available here: save the file instead.');
    }
  };
  const save = () => {
    if (refusal) return setMessage(refusal);
    const result = exported();
    saveBlob(new Blob([result.bytes as BlobPart], { type: result.mimeType }), result.fileName);
    setMessage(`Saved ${result.fileName}.`);
  };

  return (
    <div className="matrix-transfer">
      <button type="button" className="file-button" onClick={() => setPasting(true)}>
        Paste matrix…
      </button>
      <span className="transfer-divider" aria-hidden="true" />
      <label className="transfer-label">
        Export as
        <select
          aria-label="Export format"
          value={format}
          onChange={(event) => {
            const chosen = event.target.value as MatrixExportFormat;
            setFormat(chosen);
            // Say at once why a format does not suit this matrix, not only after a click.
            setMessage(exportRefusal(matrix, chosen, numbers));
          }}
        >
          {matrixExportFormats.map((name) => (
            <option key={name} value={name}>
              {formatNames[name]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="file-button" onClick={save}>
        Save file
      </button>
      <button
        type="button"
        className="file-button"
        onClick={() => void copy()}
        disabled={format === 'npy'}
      >
        Copy
      </button>
      {message ? (
        <span className="transfer-message" role="status">
          {message}
        </span>
      ) : null}

      {pasting ? (
        <div className="file-dialog-backdrop">
          <form
            className="file-dialog"
            role="dialog"
            aria-modal="true"
            aria-label="Paste a matrix"
            onSubmit={(event) => {
              event.preventDefault();
              if (!checked.parsed) return;
              const { parsed, numbers } = checked;
              const note = `Pasted as ${parsed.format}.`;
              if (numbers) {
                // Larger than the editor: the host keeps the numbers, as for an imported file.
                void host.keepMatrix(numbers).then(
                  ({ matrixId }) => {
                    denseMatrices.seed(matrixId, numbers);
                    store
                      .getState()
                      .addDenseMatrix(matrixId, 'Pasted matrix', numbers.rows, numbers.cols, note);
                  },
                  (error: unknown) =>
                    setMessage(`Could not keep the pasted matrix: ${(error as Error).message}`),
                );
              } else {
                store.getState().addImportedMatrix('Pasted matrix', parsed.cells, note);
              }
              setPasting(false);
              setText('');
            }}
          >
            <h2>Paste a matrix</h2>
            <label className="file-path-label">
              Matrix text
              <textarea
                autoFocus
                rows={8}
                spellCheck={false}
                value={text}
                placeholder={
                  '[[1, 2], [3, 4]]   or   [1 2; 3 4]   or   \\begin{bmatrix}1 & 2\\\\ 3 & 4\\end{bmatrix}'
                }
                onChange={(event) => setText(event.target.value)}
              />
            </label>
            <p className="file-dialog-hint" role={checked.error ? 'alert' : undefined}>
              {checked.error
                ? checked.error
                : checked.parsed
                  ? `Read as ${checked.parsed.format}: ${checked.parsed.rows}×${checked.parsed.cols}${
                      checked.numbers
                        ? ` — larger than the editor's ${largestEditorSize}×${largestEditorSize}, so it is kept as read-only numbers.`
                        : '.'
                    }`
                  : 'numpy, Python lists, MATLAB, LaTeX, Mathematica, CSV or a block copied from a spreadsheet.'}
            </p>
            <div className="file-dialog-actions">
              <button type="button" className="file-button" onClick={() => setPasting(false)}>
                Cancel
              </button>
              <button type="submit" className="file-button primary" disabled={!checked.parsed}>
                Add matrix
              </button>
            </div>
          </form>
        </div>
      ) : null}
    </div>
  );
}
