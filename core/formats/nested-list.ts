// Bracketed nested lists as numpy, Python and Mathematica write matrices: "[[1, 2], [3, 4]]",
// numpy's print form "[[1. 2.]\n [3. 4.]]", and "{{1, 2}, {3, 4}}". Recursive descent, depth
// capped at 2 (a matrix), O(length).

import { FormatError, quoteForMessage } from './format-error';
import { createLocator } from './text-location';

export interface NestedListResult {
  /** Rows of atoms as written; a flat list becomes one row. */
  rows: { fields: string[]; line: number }[];
  /** Offset just past the closing bracket. */
  end: number;
  /** True when items were separated by commas (Python), false for numpy's print form. */
  commas: boolean;
}

interface Atom {
  kind: 'atom';
  text: string;
  offset: number;
}
interface List {
  kind: 'list';
  items: (Atom | List)[];
  offset: number;
}

export function parseNestedList(
  text: string,
  start: number,
  open: '[' | '{',
  file: string | undefined,
): NestedListResult {
  const close = open === '[' ? ']' : '}';
  let position = start;
  let commas = false;
  // With commas, entries may contain spaces ("1 + 2"); without (numpy's print form), spaces separate.
  const commaSeparated = text.indexOf(',', start) >= 0;
  const locate = createLocator(text);
  const fail = (reason: string, offset: number): never => {
    throw new FormatError(reason, { file, ...locate(offset) });
  };
  const skipSpace = () => {
    while (position < text.length && /\s/.test(text[position])) position++;
  };

  const parseList = (depth: number): List => {
    const list: List = { kind: 'list', items: [], offset: position };
    if (depth > 2) fail('more than two levels of brackets: paste a 2-D matrix', position);
    position++; // the opening bracket
    let expectItem = true;
    for (;;) {
      skipSpace();
      if (position >= text.length) fail(`a ${quoteForMessage(open)} is never closed`, list.offset);
      const character = text[position];
      if (character === close) {
        position++;
        return list;
      }
      if (character === ',') {
        if (expectItem) fail('an empty entry between commas', position);
        commas = true;
        expectItem = true;
        position++;
        continue;
      }
      if (!expectItem && commas) fail('a missing comma between entries', position);
      if (character === open) {
        list.items.push(parseList(depth + 1));
      } else if (character === ']' || character === '}' || character === '[' || character === '{') {
        fail(`unexpected ${quoteForMessage(character)}`, position);
      } else {
        // An entry runs to the next separator outside parentheses, so "sqrt(2)" and, between
        // commas, "-(1/2 + 3)" stay whole.
        const atomStart = position;
        let parentheses = 0;
        while (position < text.length) {
          const next = text[position];
          if (next === '(') parentheses++;
          else if (next === ')' && parentheses-- === 0) break;
          else if (next === '[' || next === ']' || next === '{' || next === '}') break;
          else if (parentheses === 0 && (next === ',' || (!commaSeparated && /\s/.test(next))))
            break;
          position++;
        }
        if (position === atomStart) fail(`unexpected ${quoteForMessage(character)}`, position);
        const atom = text.slice(atomStart, position).trim();
        if (atom === '...' || atom === '…') {
          fail('numpy abbreviated this array with "..."; print it in full first', atomStart);
        }
        list.items.push({ kind: 'atom', text: atom, offset: atomStart });
      }
      expectItem = false;
    }
  };

  skipSpace();
  if (text[position] !== open) fail(`expected ${quoteForMessage(open)}`, position);
  const top = parseList(1);
  const rows: NestedListResult['rows'] = [];
  const atomsOnly = top.items.every((item) => item.kind === 'atom');
  if (atomsOnly) {
    if (top.items.length > 0) {
      rows.push({
        fields: (top.items as Atom[]).map((atom) => atom.text),
        line: locate(top.offset).line,
      });
    }
  } else {
    for (const item of top.items) {
      if (item.kind === 'atom') fail('a number where a row in brackets was expected', item.offset);
      const row = item as List;
      rows.push({
        fields: row.items.map((entry) => (entry as Atom).text),
        line: locate(row.offset).line,
      });
    }
  }
  return { rows, end: position, commas };
}
