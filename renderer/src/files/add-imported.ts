// An imported matrix joins the project: as the editor's exact strings when it fits the editor,
// else as a dense matrix kept as numbers, under the id the host keeps those numbers by.
import type { ImportedMatrix } from '../../../core/protocol/files';
import type { ProjectState } from '../state/project-store';

/**
 * Adds an imported matrix to the project: as exact strings when the editor holds it, else as a
 * dense matrix under the id the host keeps its numbers by. Named after the file unless `name` is
 * given. Returns the notice to show.
 */
export function addImported(
  state: Pick<ProjectState, 'addImportedMatrix' | 'addDenseMatrix'>,
  imported: ImportedMatrix,
  name = imported.fileName.replace(/\.[^.]+$/, ''),
): string {
  const note = imported.notes.join(' ');
  const size = `${imported.rows}×${imported.cols}`;
  if (imported.dense) {
    state.addDenseMatrix(imported.dense.matrixId, name, imported.rows, imported.cols, note);
    return `Imported ${imported.fileName} (${size}, kept as numbers: larger than the editor)`;
  }
  state.addImportedMatrix(name, imported.cells, note);
  return `Imported ${imported.fileName} (${size})`;
}
