// Where a key press in a matrix cell moves the focus, as a pure function of the key, the cell,
// the grid size and the caret. Arrows move between cells (Left/Right only when the caret is at
// the text's start/end, so they still edit inside a cell); Tab walks in reading order; Enter moves down.
export interface CellPosition {
  row: number;
  column: number;
}

export interface GridSize {
  rows: number;
  columns: number;
}

export interface CellKey {
  key: string;
  shiftKey: boolean;
  /** Caret at position 0 with nothing selected (or the whole text selected). */
  caretAtStart: boolean;
  caretAtEnd: boolean;
}

/** The cell to focus, or null to let the browser handle the key (edit, or Tab out of the grid). */
export function targetCell(press: CellKey, at: CellPosition, size: GridSize): CellPosition | null {
  const { row, column } = at;
  switch (press.key) {
    case 'ArrowUp':
      return row > 0 ? { row: row - 1, column } : null;
    case 'ArrowDown':
      return row + 1 < size.rows ? { row: row + 1, column } : null;
    case 'ArrowLeft':
      return press.caretAtStart && column > 0 ? { row, column: column - 1 } : null;
    case 'ArrowRight':
      return press.caretAtEnd && column + 1 < size.columns ? { row, column: column + 1 } : null;
    case 'Enter':
      if (press.shiftKey) return row > 0 ? { row: row - 1, column } : null;
      return row + 1 < size.rows ? { row: row + 1, column } : null;
    case 'Tab': {
      const index = row * size.columns + column + (press.shiftKey ? -1 : 1);
      if (index < 0 || index >= size.rows * size.columns) return null;
      return { row: Math.floor(index / size.columns), column: index % size.columns };
    }
    default:
      return null;
  }
}
