// The sidebar's matrix list: select, add a 3×3 zero matrix, rename by double-click, and delete
// after an inline confirmation (undo brings a deleted matrix back).
import { useState, type KeyboardEvent } from 'react';
import type { MatrixDocument } from '../../../core/project/schema';
import { sizeText } from '../state/matrix-size';
import { useProject } from '../state/app-context';
import { PlusIcon, TrashIcon } from '../views/shared/icons';

function MatrixItem({ matrix, selected }: { matrix: MatrixDocument; selected: boolean }) {
  const selectMatrix = useProject((state) => state.selectMatrix);
  const renameMatrix = useProject((state) => state.renameMatrix);
  const deleteMatrix = useProject((state) => state.deleteMatrix);
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState(matrix.name);
  const [confirming, setConfirming] = useState(false);

  function beginRename() {
    setDraft(matrix.name);
    setRenaming(true);
  }
  function finishRename(commit: boolean) {
    if (commit) renameMatrix(matrix.id, draft);
    setRenaming(false);
  }
  function onRenameKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') finishRename(true);
    if (event.key === 'Escape') finishRename(false);
  }

  if (confirming) {
    return (
      <li className="matrix-item confirming" role="group" aria-label={`Delete ${matrix.name}?`}>
        <span className="confirm-text">Delete “{matrix.name}”?</span>
        <span className="confirm-actions">
          <button
            type="button"
            className="button-small danger"
            onClick={() => {
              setConfirming(false);
              deleteMatrix(matrix.id);
            }}
          >
            Delete
          </button>
          <button
            type="button"
            className="button-small"
            onClick={() => setConfirming(false)}
            autoFocus
          >
            Keep
          </button>
        </span>
      </li>
    );
  }

  return (
    <li className={selected ? 'matrix-item selected' : 'matrix-item'}>
      {renaming ? (
        <input
          className="rename-input"
          aria-label={`New name for ${matrix.name}`}
          value={draft}
          maxLength={200}
          autoFocus
          onFocus={(event) => event.target.select()}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onRenameKey}
          onBlur={() => finishRename(true)}
        />
      ) : (
        <button
          type="button"
          className="matrix-select"
          aria-current={selected ? 'true' : undefined}
          title="Double-click to rename"
          onClick={() => selectMatrix(matrix.id)}
          onDoubleClick={beginRename}
          onKeyDown={(event) => {
            if (event.key === 'F2') beginRename();
          }}
        >
          <span className="matrix-name">{matrix.name}</span>
          <span
            className="matrix-size"
            title={matrix.dense ? 'Kept as numbers: larger than the editor' : undefined}
          >
            {sizeText(matrix)}
          </span>
        </button>
      )}
      {!renaming ? (
        <button
          type="button"
          className="icon-button delete-button"
          aria-label={`Delete ${matrix.name}`}
          title="Delete"
          onClick={() => setConfirming(true)}
        >
          <TrashIcon />
        </button>
      ) : null}
    </li>
  );
}

export function MatrixList() {
  const matrices = useProject((state) => state.document.matrices);
  const selectedId = useProject((state) => state.selectedMatrixId);
  const addMatrix = useProject((state) => state.addMatrix);

  return (
    <nav className="sidebar" aria-label="Matrices">
      <div className="panel-header">
        <h2>Matrices</h2>
        <button type="button" className="button-small" onClick={() => addMatrix()}>
          <PlusIcon /> New matrix
        </button>
      </div>
      <ul className="matrix-list">
        {matrices.map((matrix) => (
          <MatrixItem key={matrix.id} matrix={matrix} selected={matrix.id === selectedId} />
        ))}
      </ul>
      {matrices.length === 0 ? <p className="empty-note">No matrices yet.</p> : null}
    </nav>
  );
}
