// The result of every text parser: a grid of cells kept as the exact strings written, so that
// "3/4" and "0.1" reach the exact core unrounded. Dense numeric parsers return a Matrix instead.

export interface TextMatrix {
  rows: number;
  cols: number;
  /** cells[i][j] is row i, column j, trimmed, exactly as written (decimal commas aside). */
  cells: string[][];
  /** Column names, when the first row was a header. */
  header?: string[];
}
