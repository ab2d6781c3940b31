// The notations a matrix is written in as text, with the words that name them to a person. The
// reader (matrix-text.ts) reports which one it detected, so a wrong guess is visible.

export const textFormats = {
  csv: 'CSV',
  tsv: 'tab-separated text (as spreadsheets copy)',
  semicolon: 'CSV with ";" (decimal commas)',
  whitespace: 'whitespace-separated text',
  numpy: 'numpy',
  python: 'a Python list',
  json: 'a JSON array',
  matlab: 'MATLAB, Octave or Julia',
  julia: 'Julia',
  latex: 'LaTeX',
  mathematica: 'Mathematica',
  r: 'R',
} as const;

export type TextFormat = keyof typeof textFormats;

/** How the widest entry was written: integers ⊂ fractions ⊂ decimals (and inf / nan) ⊂ expressions. */
export type EntryKind = 'integers' | 'fractions' | 'decimals' | 'expressions';

/** What a cell may hold: numbers only, or also arithmetic such as "sqrt(2)" or "pi/4". */
export type CellRule = 'numbers' | 'expressions';

/** Extensions of text files, read by readMatrixText whatever notation they hold. */
export const textFileExtensions = [
  '.csv',
  '.tsv',
  '.txt',
  '.dat',
  '.json',
  '.m',
  '.jl',
  '.r',
  '.py',
  '.tex',
  '.wl',
];
