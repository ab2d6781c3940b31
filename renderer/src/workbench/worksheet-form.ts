// The worksheet dialog's fields as typed (text, so a half-typed "1," is kept) turned into the
// request core/lecture validates: whole numbers checked here with the field's name, pivot columns
// numbered from 1 as a lecturer counts them, then the options' own zod rules (rank ≤ min(m, n),
// a unique solution needs rank = n, …) with their sentences.
import {
  type SystemKind,
  type WorksheetOptions,
  WorksheetError,
  type WorksheetRequest,
  worksheetOptions,
} from '../../../core/lecture/worksheet-options';

export interface WorksheetForm {
  rows: string;
  cols: string;
  rank: string;
  /** "1, 3": 1-based pivot columns; empty for random. */
  pivots: string;
  entryBound: string;
  answers: 'integers' | 'fractions';
  denominatorBound: string;
  system: SystemKind;
  count: string;
  seed: string;
  title: string;
  paper: 'a4' | 'letter';
}

export const defaultWorksheetForm: WorksheetForm = {
  rows: '3',
  cols: '4',
  rank: '2',
  pivots: '',
  entryBound: '9',
  answers: 'integers',
  denominatorBound: '4',
  system: 'none',
  count: '10',
  seed: '1',
  title: 'Row reduction',
  paper: 'a4',
};

export type WorksheetFormResult =
  { ok: true; options: WorksheetOptions } | { ok: false; problem: string };

function wholeNumber(text: string, field: string): number {
  if (!/^\s*\d+\s*$/.test(text))
    throw new WorksheetError(`${field}: “${text}” is not a whole number`);
  return Number(text);
}

/** The request the form asks for (throws WorksheetError naming the field that is wrong). */
export function worksheetRequestOf(form: WorksheetForm): WorksheetRequest {
  const request: WorksheetRequest = {
    rows: wholeNumber(form.rows, 'rows'),
    cols: wholeNumber(form.cols, 'columns'),
    rank: wholeNumber(form.rank, 'rank'),
    entryBound: wholeNumber(form.entryBound, 'entry bound'),
    answers: form.answers,
    system: form.system,
    count: wholeNumber(form.count, 'exercises'),
    seed: wholeNumber(form.seed, 'seed'),
  };
  if (form.answers === 'fractions')
    request.denominatorBound = wholeNumber(form.denominatorBound, 'denominator bound');
  if (form.pivots.trim() !== '') {
    const columns = form.pivots.split(/[\s,]+/).filter((part) => part !== '');
    request.pivotColumns = columns.map((part) => wholeNumber(part, 'pivot columns') - 1);
    if (request.pivotColumns.some((column) => column < 0))
      throw new WorksheetError('pivot columns: columns are numbered from 1');
  }
  return request;
}

/** The options' field names as the dialog labels them. */
const fieldNames: Record<string, string> = {
  cols: 'columns',
  pivotColumns: 'pivot columns',
  entryBound: 'entry bound',
  denominatorBound: 'denominator bound',
  count: 'exercises',
};

/** The validated options, or the sentence saying what is wrong. */
export function readWorksheetForm(form: WorksheetForm): WorksheetFormResult {
  try {
    return { ok: true, options: worksheetOptions(worksheetRequestOf(form)) };
  } catch (error) {
    if (!(error instanceof WorksheetError)) throw error;
    const problem = error.message.replace(
      /(^|; )(\w+):/g,
      (_, separator: string, field: string) => `${separator}${fieldNames[field] ?? field}:`,
    );
    return { ok: false, problem };
  }
}

/** A fresh seed for “New seed”, within the range the options accept. */
export function randomSeed(random: () => number = Math.random): number {
  return 1 + Math.floor(random() * 999_999);
}
