// The numbers of a grid of cells as typed (the editor's exact strings, or a text file's cells),
// column-major, for the jobs: a plain decimal goes straight to its nearest double; anything else
// (a fraction, sqrt(2), pi/4) through the exact entry parser, rounded once at the end; inf and
// nan as files write them. The one parser the page and the host share. Cost O(mn).
import { EntryError, parseEntry } from '../exact/entry';
import { numberFromText } from '../formats/number-text';

/** A Matrix whose data owns a plain ArrayBuffer, as the job schemas (z.instanceof) require. */
export interface CellMatrix {
  rows: number;
  cols: number;
  data: Float64Array<ArrayBuffer>;
}

const plainDecimal = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function cellValue(text: string): number {
  const trimmed = text.trim();
  // Number() rounds a decimal correctly, as the exact route would, without building a fraction.
  if (plainDecimal.test(trimmed)) return Number(trimmed);
  try {
    return parseEntry(trimmed).approx;
  } catch (error) {
    const special = numberFromText(trimmed);
    if (special !== undefined && !Number.isFinite(special)) return special;
    throw error;
  }
}

/** Throws EntryError naming the 1-based row and column of a cell that is not a number. */
export function matrixFromCells(cells: readonly (readonly string[])[]): CellMatrix {
  const rows = cells.length;
  const cols = rows === 0 ? 0 : cells[0].length;
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const row = cells[i];
    if (row.length !== cols)
      throw new EntryError(`row ${i + 1} has ${row.length} entries, expected ${cols}`);
    for (let j = 0; j < cols; j++) {
      try {
        data[i + j * rows] = cellValue(row[j]);
      } catch (error) {
        if (error instanceof EntryError)
          throw new EntryError(`row ${i + 1}, column ${j + 1}: ${error.message}`);
        throw error;
      }
    }
  }
  return { rows, cols, data };
}
