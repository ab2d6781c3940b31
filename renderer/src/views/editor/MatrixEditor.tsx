// The matrix editor: one input per cell, spreadsheet-style keyboard movement, size controls,
// and every invalid entry marked in place and named under the grid (never silently zeroed).
import { MatrixTransfer } from '../../files/MatrixTransfer';
import { memo, useCallback, useMemo, useRef, type KeyboardEvent } from 'react';
import { cellProblems, type CellProblem } from '../../state/cell-problems';
import { largestEditorSize, smallestEditorSize } from '../../../../core/project/limits';
import { useProject } from '../../state/app-context';
import { MinusIcon, PlusIcon } from '../shared/icons';
import type { ViewProps } from '../shared/view-definition';
import { DenseMatrixPanel } from './DenseMatrixPanel';
import { targetCell } from './grid-navigation';
import './editor.css';

/** A cell grows with its text up to this many characters; longer text is cut with "…". */
const widestCell = 14;

const problemsListed = 6;
const noProblems: readonly CellProblem[] = [];

type CellKeyHandler = (event: KeyboardEvent<HTMLInputElement>, row: number, column: number) => void;

interface GridRowProps {
  matrixId: string;
  row: number;
  entryRow: readonly string[];
  rowProblems: readonly CellProblem[];
  onCellKeyDown: CellKeyHandler;
}

// Immer keeps unchanged rows identical, so at 64×64 an edit re-renders one row, not 4096 inputs.
const GridRow = memo(function GridRow({
  matrixId,
  row,
  entryRow,
  rowProblems,
  onCellKeyDown,
}: GridRowProps) {
  const editCell = useProject((state) => state.editCell);
  return (
    <div className="grid-row" role="row">
      <div
        className="grid-row-label"
        aria-hidden="true"
        style={{ gridRow: row + 2, gridColumn: 1 }}
      >
        {row + 1}
      </div>
      {entryRow.map((text, column) => {
        const problem = rowProblems.find((candidate) => candidate.column === column);
        return (
          <div
            key={`cell-${column}`}
            role="gridcell"
            className="grid-cell"
            style={{ gridRow: row + 2, gridColumn: column + 2 }}
          >
            <input
              className={problem ? 'cell-input invalid' : 'cell-input'}
              value={text}
              data-row={row}
              data-column={column}
              aria-label={`row ${row + 1}, column ${column + 1}`}
              aria-invalid={problem ? 'true' : undefined}
              // A cell wider than its box ends in "…" (CSS); the whole value shows on hover.
              title={problem ? problem.message : text.length >= widestCell ? text : undefined}
              spellCheck={false}
              autoComplete="off"
              size={Math.max(4, Math.min(widestCell, text.length + 1))}
              onChange={(event) => editCell(matrixId, row, column, event.target.value)}
              onKeyDown={(event) => onCellKeyDown(event, row, column)}
            />
          </div>
        );
      })}
    </div>
  );
});

export function MatrixEditor({ matrixId }: ViewProps) {
  const matrix = useProject((state) =>
    state.document.matrices.find((item) => item.id === matrixId),
  );
  const addRow = useProject((state) => state.addRow);
  const removeRow = useProject((state) => state.removeRow);
  const addColumn = useProject((state) => state.addColumn);
  const removeColumn = useProject((state) => state.removeColumn);
  const gridRef = useRef<HTMLDivElement>(null);

  const entries = matrix?.entries;
  const rows = entries?.length ?? 0;
  const columns = rows === 0 ? 0 : entries![0].length;
  const problems = useMemo(() => (entries ? cellProblems(entries) : []), [entries]);
  const problemsByRow = useMemo(() => {
    const map = new Map<number, CellProblem[]>();
    for (const problem of problems) {
      const list = map.get(problem.row);
      if (list) list.push(problem);
      else map.set(problem.row, [problem]);
    }
    return map;
  }, [problems]);

  const focusCell = useCallback((row: number, column: number) => {
    const input = gridRef.current?.querySelector<HTMLInputElement>(
      `input[data-row="${row}"][data-column="${column}"]`,
    );
    if (input) {
      input.focus();
      input.select();
    }
  }, []);

  const onCellKeyDown = useCallback<CellKeyHandler>(
    (event, row, column) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const input = event.currentTarget;
      const start = input.selectionStart ?? 0;
      const end = input.selectionEnd ?? 0;
      const everything = start === 0 && end === input.value.length;
      const target = targetCell(
        {
          key: event.key,
          shiftKey: event.shiftKey,
          caretAtStart: (start === 0 && end === 0) || everything,
          caretAtEnd: (start === input.value.length && end === start) || everything,
        },
        { row, column },
        { rows, columns },
      );
      if (!target) return;
      event.preventDefault();
      focusCell(target.row, target.column);
    },
    [rows, columns, focusCell],
  );

  if (!matrix || !entries) return <p className="empty-note">This matrix no longer exists.</p>;
  // Larger than the editor: a read-only preview (the hooks above ran on its empty entries).
  if (matrix.dense) return <DenseMatrixPanel matrix={{ ...matrix, dense: matrix.dense }} />;

  return (
    <section className="editor" aria-label={`Editor for ${matrix.name}`}>
      <div className="editor-toolbar">
        <div className="editor-title">
          <h2>{matrix.name}</h2>
          <span className="size-chip" aria-label={`${rows} by ${columns}`}>
            {rows}×{columns}
          </span>
        </div>
        <div className="editor-actions" role="group" aria-label="Matrix size">
          <button
            type="button"
            onClick={() => addRow(matrix.id)}
            disabled={rows >= largestEditorSize}
          >
            <PlusIcon /> Add row
          </button>
          <button
            type="button"
            onClick={() => removeRow(matrix.id)}
            disabled={rows <= smallestEditorSize}
          >
            <MinusIcon /> Remove row
          </button>
          <span className="toolbar-divider" aria-hidden="true" />
          <button
            type="button"
            onClick={() => addColumn(matrix.id)}
            disabled={columns >= largestEditorSize}
          >
            <PlusIcon /> Add column
          </button>
          <button
            type="button"
            onClick={() => removeColumn(matrix.id)}
            disabled={columns <= smallestEditorSize}
          >
            <MinusIcon /> Remove column
          </button>
        </div>
      </div>
      {matrix.note ? <p className="editor-note">{matrix.note}</p> : null}
      <MatrixTransfer matrix={matrix} />

      <div className="grid-scroller">
        <div
          className="matrix-grid"
          ref={gridRef}
          role="grid"
          data-document-history
          aria-label={`${matrix.name}, ${rows} rows by ${columns} columns`}
          aria-rowcount={rows}
          aria-colcount={columns}
          style={{ gridTemplateColumns: `2.25rem repeat(${columns}, minmax(4.5rem, max-content))` }}
        >
          <div
            className="matrix-brackets"
            aria-hidden="true"
            style={{ gridRow: `2 / span ${rows}`, gridColumn: `2 / span ${columns}` }}
          />
          {Array.from({ length: columns }, (_, column) => (
            <div
              key={`head-${column}`}
              className="grid-column-label"
              aria-hidden="true"
              style={{ gridRow: 1, gridColumn: column + 2 }}
            >
              {column + 1}
            </div>
          ))}
          {entries.map((entryRow, row) => (
            <GridRow
              key={`row-${row}`}
              matrixId={matrix.id}
              row={row}
              entryRow={entryRow}
              rowProblems={problemsByRow.get(row) ?? noProblems}
              onCellKeyDown={onCellKeyDown}
            />
          ))}
        </div>
      </div>

      <div className="editor-problems" aria-live="polite">
        {problems.length > 0 ? (
          <ul>
            {problems.slice(0, problemsListed).map((problem) => (
              <li key={`${problem.row}:${problem.column}`}>
                <button
                  type="button"
                  className="problem-link"
                  onClick={() => focusCell(problem.row, problem.column)}
                >
                  {problem.message}
                </button>
              </li>
            ))}
            {problems.length > problemsListed ? (
              <li className="more-problems">and {problems.length - problemsListed} more</li>
            ) : null}
          </ul>
        ) : (
          <p className="editor-hint">
            Type entries such as <code>1/3</code>, <code>-2</code>, <code>0.25</code>,{' '}
            <code>sqrt(2)</code> or <code>pi</code>. Arrows, Tab and Enter move between cells.
          </p>
        )}
      </div>
    </section>
  );
}
